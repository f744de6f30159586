import { createHash, randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DateTime } from 'luxon';
import { LONDON } from '#domain/calendar/working-calendar';
import { formatReference } from '#domain/case/case-reference';
import { londonDate } from '#domain/calendar/london-date';
import type { Opened } from '#application/intake/open-complaint';
import { SubmissionKeyReusedError } from '#application/intake/submission-key-reused-error';
import type { WebSubmission } from '#application/intake/submit-web-complaint';
import type { Counters } from '#application/ports/counters';
import type { Log } from '#application/ports/log';
import type { RateLimiter } from '#application/ports/rate-limiter';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import { validateComplaintForm, type FieldError } from '#domain/forms/complaint-form';
import { complaintFormHtml, complaintReceivedHtml } from './complaint-form-pages.js';
import { checkFormToken, issueFormToken } from './form-token.js';
import { pageHeaders } from './house-document.js';

export interface FormLimits {
  readonly maxBodyBytes: number;
  readonly minFillSeconds: number;
  readonly maxFormAgeSeconds: number;
  readonly perIpLimit: number;
  readonly perIpWindowSeconds: number;
  readonly perOrganisationLimit: number;
  readonly perOrganisationWindowSeconds: number;
}

export interface ComplaintFormDeps {
  readonly policies: PolicySet;
  readonly counters: Pick<Counters, 'countSpam'>;
  readonly rateLimiter: RateLimiter;
  /** Opens the case, once per submission key: the same submission again gives the same reference. */
  readonly submit: (submission: WebSubmission) => Promise<Opened>;
  readonly secret: string;
  readonly limits: FormLimits;
  readonly log: Log;
  readonly now: () => number;
}

/** Who sent the request, as the server in front of the app knows it (Node's socket, API Gateway's context). */
export type ClientAddress = (c: Context) => string;

type Headers = Record<string, string>;

/**
 * The web form: GET /forms/<policy-id> serves the form, GET .../token gives a JSON caller its form token, POST
 * /forms/<policy-id> takes a complaint (urlencoded from a plain form, or JSON from the organisation's own site,
 * CORS per policy). A reference is shown only once the case and every letter it owes are stored.
 */
export function complaintFormApp(deps: ComplaintFormDeps, clientAddress: ClientAddress): Hono {
  const app = new Hono({ strict: false });
  const policyOf = (c: Context) => findFormPolicy(deps.policies, c.req.param('policy') ?? '');

  app.get('/forms/:policy/token', (c) => {
    const policy = policyOf(c);
    if (!policy) return noForm(c);
    return c.json({ formToken: issueFormToken(deps.secret, policy.id, deps.now()), submissionId: newSubmissionId() }, 200, { ...noStore, ...corsHeaders(policy, c.req.header('origin')) });
  });
  app.all('/forms/:policy/token', (c) => plain(c, 405, 'Use GET', { allow: 'GET' }));

  app.options('/forms/:policy', (c) => {
    const policy = policyOf(c);
    if (!policy) return noForm(c);
    const headers = { ...corsHeaders(policy, c.req.header('origin')), 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, idempotency-key', 'access-control-max-age': '600' };
    return c.body(null, 204, headers);
  });

  app.get('/forms/:policy', async (c) => {
    const policy = policyOf(c);
    if (!policy) return noForm(c);
    return c.html(await complaintFormHtml(policy, { formToken: issueFormToken(deps.secret, policy.id, deps.now()), submissionId: newSubmissionId() }), 200, formPageHeaders(policy));
  });

  // Past the limit the body is not read at all: the person gets the form back saying how much it takes.
  const tooLarge = bodyLimit({
    maxSize: deps.limits.maxBodyBytes,
    onError: async (c) => {
      const policy = policyOf(c);
      if (!policy) return noForm(c);
      const errors = [{ field: 'form', message: `The form is too large: send at most ${deps.limits.maxBodyBytes} bytes` }];
      return sendBack(c, asJson(c), 413, policy, errors, {});
    },
  });
  app.post('/forms/:policy', tooLarge, async (c) => {
    const policy = policyOf(c);
    if (!policy) return noForm(c);
    return post(c, policy);
  });
  app.all('/forms/:policy', (c) => (policyOf(c) ? plain(c, 405, 'Use GET or POST', { allow: 'GET, POST, OPTIONS' }) : noForm(c)));

  async function post(c: Context, policy: Policy): Promise<Response> {
    const now = deps.now();
    const cors = corsHeaders(policy, c.req.header('origin'));
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    const json = contentType === 'application/json';
    if (!json && contentType !== 'application/x-www-form-urlencoded') {
      return plain(c, 415, 'Send the form as application/x-www-form-urlencoded or application/json');
    }
    const origin = c.req.header('origin');
    if (json && origin && !cors['access-control-allow-origin']) {
      return c.json({ errors: [{ field: 'origin', message: `${origin} may not send complaints to this form` }] }, 403, noStore);
    }
    const sourceIp = clientAddress(c);
    const body = await c.req.text();
    const fields = json ? parseJsonBody(body) : parseFormBody(body);
    if (!fields) return sendBack(c, json, 400, policy, [{ field: 'form', message: 'The body is not a JSON object' }], {});
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));

    // Only a filled hidden field is answered as if accepted (so a bot learns nothing) and counted. A form sent
    // faster than the minimum time, or with a token that does not check out, may be a person (autofill, pasted
    // text, a page kept open): they get the form back with their answers, to check and send again.
    if (typeof fields.website === 'string' && fields.website.trim() !== '') {
      await deps.counters.countSpam(policy.id, londonDate(new Date(now)));
      deps.log.warn('form submission refused as spam', { policy: policy.id, reason: 'honeypot', sourceIp });
      // As a real one would answer: a typed address gets the letter asking to confirm it.
      const typed = (name: string) => typeof fields[name] === 'string' && String(fields[name]).trim() !== '';
      return accepted(c, json, policy, { reference: decoyReference(policy, now), acknowledged: false, confirmationSent: typed('email') }, typed('signature'));
    }
    const token = checkFormToken(deps.secret, policy.id, String(fields.formToken ?? ''), now, {
      minFillSeconds: deps.limits.minFillSeconds,
      maxAgeSeconds: deps.limits.maxFormAgeSeconds,
    });
    if (!token.ok) {
      deps.log.info('form sent back to check', { policy: policy.id, reason: token.reason, sourceIp });
      const message =
        token.reason === 'expired'
          ? 'This form was opened too long ago. Please check your answers and send it again.'
          : token.reason === 'too-fast'
            ? 'This form was sent a moment after it opened, faster than we can accept. Your answers are kept: wait a few seconds, check them, and send the form again.'
            : 'Please check your answers and send the form again.';
      return sendBack(c, json, 400, policy, [{ field: 'formToken', message }], values);
    }

    const validated = validateComplaintForm(fields, policy, DateTime.fromMillis(now, { zone: LONDON }));
    if ('errors' in validated) return sendBack(c, json, 400, policy, validated.errors, values);

    // Only a complaint about to be taken counts toward the limits: posts refused or sent back above cost no
    // store write, and junk from an address many people share (a library, a mobile network) locks none of them out.
    for (const [name, limit, window] of [
      [`ip#${policy.id}#${sourceIp}`, deps.limits.perIpLimit, deps.limits.perIpWindowSeconds],
      [`org#${policy.id}`, deps.limits.perOrganisationLimit, deps.limits.perOrganisationWindowSeconds],
    ] as const) {
      const decision = await deps.rateLimiter.hit(name, limit, window, now);
      if (!decision.allowed) {
        const headers = { ...cors, 'retry-after': String(decision.retryAfterSeconds) };
        return json
          ? c.json({ errors: [{ field: 'form', message: 'Too many complaints sent from here just now. Please try again later.' }] }, 429, headers)
          : plain(c, 429, 'Too many complaints have been sent from here just now. Please wait a few minutes and try again.', headers);
      }
    }

    const headerKey = c.req.header('idempotency-key');
    const submissionKey = validated.form.submissionId ?? headerKey ?? createHash('sha256').update(body).digest('base64url');
    try {
      const result = await deps.submit({
        policyId: policy.id,
        form: validated.form,
        submissionKey: submissionKey.slice(0, 100),
        receivedAt: new Date(now).toISOString(),
        sourceIp,
      });
      return accepted(c, json, policy, result, Boolean(validated.form.signature && validated.form.signatureDate));
    } catch (error) {
      if (!(error instanceof SubmissionKeyReusedError)) throw error;
      deps.log.warn('form submission refused: its key was already used for a different complaint', { policy: policy.id, sourceIp });
      return keyReused(c, json, policy, validated.form.submissionId === undefined && headerKey !== undefined, values);
    }
  }

  /**
   * A key that made another complaint's case: the sender is told, and nothing of that case. A person (who went
   * back, changed an answer and sent the page again) gets the form back with a new id, so sending it makes a case.
   */
  async function keyReused(c: Context, json: boolean, policy: Policy, byHeader: boolean, values: Record<string, string>): Promise<Response> {
    if (!json) {
      const message = 'This form has already been sent once, with different answers. Check your answers and send it again: it will be a new complaint.';
      const { submissionId: _used, ...answers } = values;
      return sendBack(c, false, 409, policy, [{ field: 'form', message }], answers);
    }
    const error = byHeader
      ? { field: 'idempotency-key', message: 'This Idempotency-Key was already used for a different complaint: send this one with a new key.' }
      : { field: 'submissionId', message: `This submission id was already used for a different complaint: send this one with a new id (GET /forms/${policy.id}/token gives one).` };
    return c.json({ errors: [error] }, 409, { ...noStore, ...corsHeaders(policy, c.req.header('origin')) });
  }

  async function accepted(c: Context, json: boolean, policy: Policy, result: Pick<Opened, 'reference' | 'acknowledged' | 'confirmationSent'> & { pageToken?: string | undefined }, signed: boolean): Promise<Response> {
    const page = result.pageToken ? `/cases/${result.pageToken}` : undefined;
    if (json) return c.json({ reference: result.reference, acknowledged: result.acknowledged, confirmationSent: result.confirmationSent, ...(page ? { page } : {}) }, 201, { ...noStore, ...corsHeaders(policy, c.req.header('origin')) });
    const thankYou = policy.intake.webForm.thankYouUrl;
    if (thankYou) {
      const url = new URL(thankYou);
      url.searchParams.set('reference', result.reference);
      return c.redirect(url.toString(), 303);
    }
    // The reply may hold the page's address: it must never leave in a Referer.
    return c.html(await complaintReceivedHtml(policy, result.reference, { acknowledged: result.acknowledged, confirmationSent: result.confirmationSent, signed }, page), 200, { ...formPageHeaders(policy), 'referrer-policy': 'no-referrer' });
  }

  async function sendBack(c: Context, json: boolean, status: 400 | 409 | 413, policy: Policy, errors: readonly FieldError[], values: Record<string, string>): Promise<Response> {
    if (json) return c.json({ errors }, status, { ...noStore, ...corsHeaders(policy, c.req.header('origin')) });
    // The form comes back with the answers kept and a token already past the minimum fill time, so the person
    // only fixes what is wrong and sends it again.
    const formToken = issueFormToken(deps.secret, policy.id, deps.now() - deps.limits.minFillSeconds * 1000);
    return c.html(await complaintFormHtml(policy, { formToken, submissionId: values.submissionId ?? newSubmissionId(), values, errors }), status, formPageHeaders(policy));
  }

  return app;
}

const noStore = { 'cache-control': 'no-store' };

function asJson(c: Context): boolean {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function formPageHeaders(policy: Policy): Headers {
  const thankYou = policy.intake.webForm.thankYouUrl;
  return pageHeaders('same-origin', { redirectsTo: thankYou ? [new URL(thankYou).origin] : [] });
}

function noForm(c: Context): Response {
  return plain(c, 404, 'There is no complaint form here. Check the address you were given.');
}

function plain(c: Context, status: 404 | 405 | 415 | 429, body: string, headers: Headers = {}): Response {
  return c.text(body + '\n', status, headers);
}

function findFormPolicy(policies: PolicySet, id: string): Policy | undefined {
  const policy = policies.all.find((p) => p.id === id);
  return policy?.intake.webForm.enabled ? policy : undefined;
}

function corsHeaders(policy: Policy, origin: string | undefined): Headers {
  if (!origin) return {};
  const allowed = policy.intake.webForm.allowedOrigins.some((o) => new URL(o).origin === origin);
  return allowed ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

function parseFormBody(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    // The adjustments are a group of checkboxes under one name: every box ticked counts.
    if (key === 'adjustments' && key in fields) fields[key] = `${fields[key]},${value}`;
    else if (!(key in fields)) fields[key] = value;
  }
  return fields;
}

function parseJsonBody(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function newSubmissionId(): string {
  return randomBytes(16).toString('base64url');
}

/** What a refused bot is shown: shaped like a reference, never one a case has. */
function decoyReference(policy: Policy, now: number): string {
  // Five digits: real references reach five digits only after 9,999 cases in a year.
  return formatReference(policy.referencePrefix, DateTime.fromMillis(now, { zone: LONDON }).year, 90_000 + (randomBytes(2).readUInt16BE() % 10_000));
}
