import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Log } from '#application/ports/log';
import type { RateLimiter } from '#application/ports/rate-limiter';
import { bodyLimit } from 'hono/body-limit';
import type { AddInformation, PageFile } from '#application/complainant/add-information';
import { ConfirmLinkNotFoundError, type AddressConfirmationView, type ConfirmLink } from '#application/complainant/confirm-address';
import { PageNotFoundError } from '#application/complainant/page-access';
import type { ComplainantView } from '#domain/case/complainant-view';
import { ActionRefusedError } from '#domain/case/case-change';
import { casePageHtml, confirmAddressPageHtml, confirmLinkNotFoundHtml, notFoundPageHtml, type CasePageProps } from './complainant-pages.js';
import { pageHeaders } from './house-document.js';
import { postedFromHere } from './same-site-post.js';

/** What the page's routes call: the complainant's three use cases, and the request limits. */
export interface ComplainantPageDeps {
  readonly view: (token: string) => Promise<ComplainantView>;
  readonly addInformation: (request: AddInformation) => Promise<{ reference: string }>;
  readonly askForReview: (request: { token: string; fromStage: string; at: Date; reasons?: string }) => Promise<{ reference: string; already: boolean }>;
  /** The feedback questions after closure, answered once. */
  readonly sendFeedback: (request: { token: string; at: Date; posted: Readonly<Record<string, unknown>> }) => Promise<{ reference: string }>;
  /** The page the confirm letter's link opens, and its button. */
  readonly viewAddressConfirmation: (link: ConfirmLink) => Promise<AddressConfirmationView>;
  readonly confirmAddress: (link: ConfirmLink & { at: Date }) => Promise<{ reference: string; already: boolean }>;
  /** Largest request body taken (the words and every file together). */
  readonly maxBodyBytes: number;
  readonly maxAttachmentBytes: number;
  readonly now: () => Date;
  /** Counts addresses that open no page, per client address; past the limit the address waits. */
  readonly rateLimiter: RateLimiter;
  readonly guesses: { readonly limit: number; readonly windowSeconds: number };
  readonly log: Log;
}

/** Where a request came from (the client's IP address), as the front door it came through says. */
export type ClientAddress = (c: Context) => string;

// The address is the key to the page: it must never leak in a Referer to an outside body's site, be indexed,
// framed, or cached by a shared proxy.
const HEADERS = { ...pageHeaders('no-referrer'), 'x-robots-tag': 'noindex, nofollow' };

const SENT: Record<string, string> = {
  information: 'Thank you. We have added what you sent to your complaint, and the person handling it has been told.',
  review: 'We have your request. We have sent you a letter saying who will look at your complaint next and by when.',
  feedback: 'Thank you. We have your answers.',
};

/**
 * The complainant's own page for one case, at /cases/<token>: plain server-rendered HTML (hono JSX, escaped by
 * default) that works without JavaScript. It shows where the complaint is, what happens next and by when, and
 * the letters; it takes more information (words and files, threaded onto the case like a reply) and, while the
 * time to ask is open, a request for the next stage. Every form posts back and redirects (post/redirect/get).
 * An address that opens no page is "no such page" (404), logged with where it came from; past a few of those
 * from one client address, every page request from it waits (429) until the window ends, before any lookup, so
 * guessing cannot tell a right address from a wrong one.
 */
export function complainantPageApp(deps: ComplainantPageDeps, clientAddress: ClientAddress): Hono {
  const app = new Hono();
  // Files share one request, which the front door bounds (API Gateway takes 10 MB): say the smaller limit.
  const maxFileMb = Math.floor(Math.min(deps.maxAttachmentBytes, deps.maxBodyBytes) / 1_048_576);
  const casePage = (view: ComplainantView, token: string, extra: Omit<CasePageProps, 'view' | 'base' | 'maxFileMb'>) => casePageHtml({ view, base: `/cases/${token}`, maxFileMb, ...extra });
  const misses = (c: Context) => `page-miss#${clientAddress(c)}`;
  for (const path of ['/cases/*', '/confirm/*']) {
    app.use(path, async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
    });
    app.use(path, async (c, next) => {
      const { limit, windowSeconds } = deps.guesses;
      const decision = await deps.rateLimiter.peek(misses(c), limit, windowSeconds, deps.now().getTime());
      if (decision.allowed) return next();
      deps.log.warn('complainant page refused: too many addresses that open no page from this client', { sourceIp: clientAddress(c), retryAfterSeconds: decision.retryAfterSeconds });
      return c.text(`Too many addresses that lead to no complaint were tried from here. Please wait ${Math.ceil(decision.retryAfterSeconds / 60)} minutes, then use the link in your letter again.`, 429, { 'retry-after': String(decision.retryAfterSeconds) });
    });
    // A form posted from another site is refused: only the page itself may send to the case.
    app.use(path, async (c, next) => {
      if (c.req.method === 'POST' && !postedFromHere(c, { allowNullOrigin: true })) return c.text('This form can only be sent from its own page.', 403);
      return next();
    });
  }
  app.onError(async (error, c) => {
    if (!(error instanceof PageNotFoundError) && !(error instanceof ConfirmLinkNotFoundError)) throw error;
    // The guess is counted and logged (never the address tried: near a real one, it would be a key).
    const { limit, windowSeconds } = deps.guesses;
    await deps.rateLimiter.hit(misses(c), limit, windowSeconds, deps.now().getTime());
    deps.log.warn('complainant page not found', { sourceIp: clientAddress(c), method: c.req.method });
    if (error instanceof PageNotFoundError) return notFound(c);
    for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
    return c.html(confirmLinkNotFoundHtml(), 404);
  });

  // The letter to an address typed into a form links here. Opening it shows a button and confirms nothing, since
  // mail scanners open links; the button's POST confirms, then the page says so (post/redirect/get).
  app.get('/confirm/:reference/:token', async (c) => {
    const link = { reference: c.req.param('reference'), token: c.req.param('token') };
    const view = await deps.viewAddressConfirmation(link);
    return c.html(confirmAddressPageHtml({ ...view, action: c.req.path }));
  });
  app.post('/confirm/:reference/:token', bodyLimit({ maxSize: 1024 }), async (c) => {
    const link = { reference: c.req.param('reference'), token: c.req.param('token') };
    await deps.confirmAddress({ ...link, at: deps.now() });
    return c.redirect(c.req.path, 303);
  });

  app.get('/cases/:token', async (c) => {
    const token = c.req.param('token');
    const view = await deps.view(token);
    const sent = SENT[c.req.query('sent') ?? ''];
    return c.html(casePage(view, token, { sent: sent, submissionId: newSubmissionId() }));
  });

  app.post('/cases/:token/information', bodyLimit({ maxSize: deps.maxBodyBytes, onError: (c) => c.text(`What you sent is too large: send at most ${Math.floor(deps.maxBodyBytes / 1_048_576)} MB at a time, or email the files to us.`, 413) }), async (c) => {
    const token = c.req.param('token');
    const body = await c.req.parseBody({ all: true });
    const text = typeof body.text === 'string' ? body.text : '';
    const files = await filesIn(body.files);
    const submissionId = typeof body.submissionId === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(body.submissionId) ? body.submissionId : newSubmissionId();
    try {
      await deps.addInformation({ token, text, files, submissionId, receivedAt: deps.now().toISOString() });
    } catch (error) {
      if (!(error instanceof ActionRefusedError)) throw error;
      const view = await deps.view(token);
      return c.html(casePage(view, token, { problem: error.message, text: text, submissionId: submissionId }), 400);
    }
    return c.redirect(`/cases/${token}?sent=information`, 303);
  });

  // Room for their reasons (kept to TEXT_BOUNDS.grounds on the case), form-encoded.
  app.post('/cases/:token/review', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const reasons = typeof body.reasons === 'string' && body.reasons.trim() ? body.reasons : undefined;
    try {
      await deps.askForReview({ token, fromStage: typeof body.fromStage === 'string' ? body.fromStage : '', at: deps.now(), ...(reasons ? { reasons } : {}) });
    } catch (error) {
      if (!(error instanceof ActionRefusedError)) throw error;
      const view = await deps.view(token);
      return c.html(casePage(view, token, { problem: error.message, submissionId: newSubmissionId() }), 400);
    }
    return c.redirect(`/cases/${token}?sent=review`, 303);
  });
  // Three fixed choices: a small form-encoded body.
  app.post('/cases/:token/feedback', bodyLimit({ maxSize: 4 * 1024 }), async (c) => {
    const token = c.req.param('token');
    const posted = await c.req.parseBody();
    try {
      await deps.sendFeedback({ token, at: deps.now(), posted });
    } catch (error) {
      if (!(error instanceof ActionRefusedError)) throw error;
      const view = await deps.view(token);
      return c.html(casePage(view, token, { problem: error.message, submissionId: newSubmissionId() }), 400);
    }
    return c.redirect(`/cases/${token}?sent=feedback`, 303);
  });
  return app;
}

async function filesIn(value: unknown): Promise<PageFile[]> {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const files = list.filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && (f as File).size > 0);
  return Promise.all(files.map(async (f) => ({ filename: f.name, contentType: f.type, content: new Uint8Array(await f.arrayBuffer()) })));
}

function newSubmissionId(): string {
  return randomBytes(16).toString('base64url');
}

function notFound(c: Context) {
  for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
  return c.html(notFoundPageHtml(), 404);
}

