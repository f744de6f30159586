import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { MorningOrganisation } from '#application/console/morning-view';
import type { Case } from '#domain/case/case';
import { ActionRefusedError } from '#domain/case/case-change';
import type { Policy } from '#domain/policy/policy-schema';
import type { Acted } from '#application/staff/act-on-case';
import type { StaffFile } from '#application/staff/attach-file';
import type { RecordedComplaint } from '#application/console/record-complaint';
import { RECORD_FORM_FIELDS, recordFormProblems, type RecordForm } from '#application/console/record-form-problems';
import type { Opened } from '#application/intake/open-complaint';
import type { PreferredChannel } from '#domain/case/case';
import { bodyLimit } from 'hono/body-limit';
import { DateTime } from 'luxon';
import { RECORDED_CHANNELS, recordFields } from './console/record-page.js';
import { recordKind, SERVICE_REQUEST_KIND } from './console/record-kind.js';
import { CASE_KINDS } from '#domain/case/service-request';
import type { StaffVerb } from '#application/staff/staff-action-catalogue';
import { actionFor, CONSOLE_ACTIONS, refusalLink, type ConsoleAction, type FormContext } from './console-actions.js';
import type { StaffPerson } from '#domain/access/staff-person';
import type { CaseSearch, Found } from '#application/console/search-cases';
import { CHANNEL_WORDS } from '#domain/case/channel-words';
import type { Channel } from '#domain/case/case';

const CHANNELS = Object.keys(CHANNEL_WORDS) as Channel[];
import type { CaseView } from '#application/console/view-case';
import { CaseNotFoundError, HeldMessageNotFoundError } from '#application/ports/store-errors';
import { NotYoursToActOnError } from '#application/console/case-to-act-on';
import { LetterNotFoundError, LetterNotYoursToReadError } from '#application/console/letter-to-print';
import type { LetterPrinter } from '#application/ports/letter-printer';
import { printedFilename, type PrintedLetter } from '#domain/letters/printed-letter';
import { CalendarRangeError } from '#domain/calendar/calendar-errors';
import { londonDate } from '#domain/calendar/london-date';
import type { StaffMember } from '#domain/access/staff-member';
import { html } from './console/html.js';
import { consoleSessions, SESSION_COOKIE, type ConsoleSessionSettings, type Session } from './console-session.js';
import { heldMailPage, type HeldMailPageDeps } from './held-mail-page.js';
import type { SignedIn, SignInChecks } from './oidc-sign-in.js';
import { formValues } from './posted-form.js';
import { seal, unseal } from './sealed-cookie.js';
import type { LinkedFile } from './sealed-file-links.js';
import { downloadDisposition, downloadType } from '#adapters/download-headers';

/** What the console's pages call. */
/** What an opened file link gives: the file's bytes, or (on AWS) where to fetch them for the next few seconds. */
export type FileDownload = (LinkedFile & { readonly content: Readable }) | { readonly redirectTo: string };

export interface ConsoleDeps extends ConsoleSessionSettings, HeldMailPageDeps {
  readonly signIn: {
    /** `fresh`: the person must give their password again, whatever session the provider still holds. */
    start(options?: { fresh?: boolean }): Promise<{ url: string; checks: SignInChecks }>;
    finish(currentUrl: URL, checks: SignInChecks): Promise<SignedIn>;
    endSessionUrl(idToken: string | undefined): Promise<string>;
  };
  readonly morning: (member: StaffMember) => Promise<MorningOrganisation[]>;
  /** `holder`: the session reading it, the only one its file links open for. */
  readonly viewCase: (member: StaffMember, reference: string, holder: string) => Promise<CaseView>;
  readonly search: (member: StaffMember, search: CaseSearch) => Promise<{ found: Found[]; more: boolean; next?: string }>;
  readonly actions: {
    /** The case, to show its form, when this person may take this action on it (CaseNotFoundError, or NotYoursToActOnError saying who may). */
    caseFor(member: StaffMember, reference: string, verb: StaffVerb): Promise<{ c: Case; policy: Policy }>;
    /**
     * actOnCase: the action on one read of the case, authorised on that read; saved, or with `preview` decided and
     * not written (the letters it would send). `input` is the form's, checked against the verb's own schema there.
     */
    act(member: StaffMember, verb: StaffVerb, reference: string, input: unknown, options: { readonly preview: boolean; readonly previewedVersion?: number }): Promise<Acted>;
    /** Records on a confidential case's timeline that this person saw its details (`what`: where); nothing for another case. */
    sawConfidential(member: StaffMember, reference: string, what: string): Promise<void>;
  };
  readonly held: HeldMailPageDeps['held'] & {
    discard(member: StaffMember, id: string, reason: string): Promise<unknown>;
  };
  readonly record: {
    /** The organisations this person may record complaints for. */
    policiesFor(member: StaffMember): readonly Policy[];
    /** recordComplaint: checked that they may, opened as `case open` opens one (refused: ActionRefusedError). */
    open(member: StaffMember, complaint: RecordedComplaint): Promise<Opened>;
  };
  /** attachFile: a file stored and recorded on the case, or refused on the case as read. */
  readonly attach: (member: StaffMember, reference: string, file: StaffFile) => Promise<Acted>;
  readonly staff: {
    /** Records a sign-in in the staff directory (their address, name and roles per organisation). */
    signedIn(member: StaffMember): Promise<void>;
    /** The people a case may be assigned to: signed in holding its handling role, never one it is about. */
    assignable(c: Case, policy: Policy): Promise<readonly StaffPerson[]>;
  };
  /** The most one upload to the console may be, file and form (REDRESS_CONSOLE_MAX_BODY_BYTES). */
  readonly maxUploadBytes: number;
  readonly letters: {
    /** A letter to the complainant laid out for paper, for a person who may read the case (LetterNotFoundError, LetterNotYoursToReadError). */
    toPrint(member: StaffMember, reference: string, id: string): Promise<PrintedLetter>;
    readonly printer: LetterPrinter;
  };
  /** A policy as a person reads it (`policy show`), for its members; undefined for anyone else. */
  readonly policyText: (member: StaffMember, policyId: string) => string | undefined;
  /** The organisations whose annual report this person may read (the reports are served by their own part). */
  readonly reportsFor: (member: StaffMember) => readonly string[];
  readonly sessionMinutes: number;
  /**
   * A file link (/console/files/<seal>) opened in a session: the file it names, while it is valid and only for the
   * session it was made for (`holder`). Locally its bytes; on AWS a presigned S3 GET for a few seconds to go to.
   */
  readonly downloads?: (token: string, holder: string) => Promise<FileDownload | undefined>;
}

const SIGNING_IN = 'redress_signin';
/**
 * Left in the browser at sign-out until the next sign-in, which then asks for the password again: whoever comes
 * next must not ride on a session the provider still holds (one whose sign-out page was left unconfirmed).
 */
const SIGNED_OUT = 'redress_signed_out';
const SIGNED_OUT_HOURS = 24;

/**
 * The staff console at /console: sign-in by OpenID Connect (authorization code with PKCE; Cognito on AWS, the
 * local provider under `npm start`, the same code), a short signed session in an HttpOnly SameSite cookie (Secure
 * off localhost) whose id the server keeps until sign-out, a CSRF token on every form and the request's origin
 * checked on every POST, a CSP with no script. Signing out ends the session here and at the provider.
 * Each page shows only what the signed-in person may see. The annual reports (consoleReportsApp) and releasing held
 * mail (heldReleaseApp) are parts of their own, so that these pages load neither the charts nor the mail parser.
 */
export function consoleApp(deps: ConsoleDeps): Hono {
  const app = new Hono();
  const secure = new URL(deps.publicUrl).protocol === 'https:';
  const cookie = { httpOnly: true, sameSite: 'Lax' as const, secure, path: '/console' };
  const now = () => deps.now().getTime();

  // Before the session guard reads the form: an upload past the limit is refused unread.
  const maxUploadMb = Math.floor(deps.maxUploadBytes / 1_048_576);
  app.post(
    '/console/cases/:reference/attach',
    bodyLimit({ maxSize: deps.maxUploadBytes, onError: (c) => c.html(html.tooLarge(`That file is too large: the most the console takes is ${maxUploadMb} MB. Choose a smaller copy (scan it at a lower resolution, or split it).`, c.req.path), 413) }),
  );
  const sessions = consoleSessions(deps);
  const { memberOf, signed, toSignIn } = sessions;
  const session = sessions.read;
  sessions.guard(app, { pages: ['/console', '/console/*'], posts: ['/console/*'] });

  // A person who reads reports and no case (the Member Responsible for Complaints) is refused the pages of cases,
  // held mail and files in words, with the reports they may read: never an empty list that looks like no complaints.
  for (const path of ['/console/cases', '/console/cases/*', '/console/held', '/console/held/*', '/console/files/*']) {
    app.use(path, async (c, next) => {
      const s = await session(c);
      if (s && signed(s).cases === false) {
        const theirs = deps.reportsFor(memberOf(s));
        return c.html(html.reportsOnly(signed(s), deps.organisations.filter((o) => theirs.includes(o.id))), 403);
      }
      await next();
    });
  }

  app.get('/console/sign-in', async (c) => {
    const { url, checks } = await deps.signIn.start({ fresh: getCookie(c, SIGNED_OUT) !== undefined });
    const wanted = c.req.query('return') ?? '/console';
    const returnTo = /^\/console(\/[A-Za-z0-9/_-]*)?$/.test(wanted) ? wanted : '/console';
    setCookie(c, SIGNING_IN, seal({ checks, returnTo }, deps.sessionSecret, now() + 10 * 60_000), { ...cookie, maxAge: 600 });
    return c.redirect(url, 302);
  });

  app.get('/console/callback', async (c) => {
    const pending = unseal<{ checks: SignInChecks; returnTo: string }>(getCookie(c, SIGNING_IN), deps.sessionSecret, now());
    deleteCookie(c, SIGNING_IN, { path: '/console' });
    if (!pending) return c.html(html.signInFailed(), 400);
    let who: SignedIn;
    try {
      who = await deps.signIn.finish(new URL(`${deps.publicUrl.replace(/\/+$/, '')}/console/callback${new URL(c.req.url).search}`), pending.checks);
    } catch {
      return c.html(html.signInFailed(), 400);
    }
    const value: Session = { sid: randomBytes(32).toString('base64url'), sub: who.sub, name: who.name, ...(who.email ? { email: who.email } : {}), groups: who.groups, csrf: randomBytes(24).toString('base64url'), idToken: who.idToken };
    const expiresAt = now() + deps.sessionMinutes * 60_000;
    await deps.sessions.open(value.sid, who.sub, expiresAt);
    // The staff directory is made of sign-ins: "assign to a person" offers those who have signed in.
    await deps.staff.signedIn(memberOf(value));
    setCookie(c, SESSION_COOKIE, seal(value, deps.sessionSecret, expiresAt), { ...cookie, maxAge: deps.sessionMinutes * 60 });
    deleteCookie(c, SIGNED_OUT, { path: '/console' });
    return c.redirect(pending.returnTo, 302);
  });

  app.get('/console/signed-out', (c) => c.html(html.signedOut()));

  // The guard has checked the session and its CSRF token. Ended on the server first, so a copy of the cookie
  // opens nothing from now on; then the provider is asked to end its own (its origin is in the CSP's form-action).
  app.post('/console/sign-out', async (c) => {
    const s = (await session(c)) as Session;
    await deps.sessions.end(s.sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/console' });
    setCookie(c, SIGNED_OUT, '1', { ...cookie, maxAge: SIGNED_OUT_HOURS * 3600 });
    return c.redirect(await deps.signIn.endSessionUrl(s.idToken), 303);
  });

  app.get('/console', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const member = memberOf(s);
    return c.html(html.morning({ signed: signed(s), organisations: await deps.morning(member), today: londonDate(deps.now()), reports: deps.reportsFor(member) }));
  });

  app.get('/console/cases', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const member = memberOf(s);
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const stage = c.req.query('stage') ?? '';
    const statusWanted = c.req.query('status') ?? '';
    const status = (['open', 'awaiting-signature', 'closed'] as const).find((x) => x === statusWanted);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const after = c.req.query('after');
    // "mine": the signed-in person's own cases (My cases); any other value is a handler's address.
    const handlerWanted = (c.req.query('handler') ?? '').slice(0, 320);
    const handler = handlerWanted === 'mine' ? (member.email ?? member.id) : handlerWanted;
    const channel = CHANNELS.find((x) => x === c.req.query('channel'));
    const overdue = c.req.query('overdue') === 'yes';
    const kind = CASE_KINDS.find((x) => x === c.req.query('kind'));
    const filters = { ...(stage ? { stage } : {}), ...(status ? { status } : {}), ...(handler ? { handler } : {}), ...(channel ? { channel } : {}), ...(overdue ? { overdue } : {}), ...(kind ? { kind } : {}) };
    const { found, more, next } = await deps.search(member, { q, page, ...filters, ...(after ? { after: after.slice(0, 4000) } : {}) });
    // The stages by name, under each organisation the person works for (a stage's id is what the filter sends).
    const stages = deps.organisations.filter((o) => member.memberships.some((m) => m.policyId === o.id)).map((o) => ({ organisation: o.name, policyId: o.id, stages: o.stages }));
    return c.html(html.search({ signed: signed(s), q, stage, status: status ?? '', handler: handlerWanted, channel: channel ?? '', kind: kind ?? '', overdue, page, found, more, next, stages }));
  });

  app.get('/console/cases/:reference', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const view = await deps.viewCase(memberOf(s), c.req.param('reference').toUpperCase(), s.sid);
    const done = c.req.query('done');
    const doneWords = done === 'attach' ? 'Done: the file was added.' : done ? `Done: ${actionFor(done)?.label ?? done}.` : undefined;
    return c.html(html.case({ signed: signed(s), view, today: londonDate(deps.now()), done: doneWords, actionsFor: (k, p) => CONSOLE_ACTIONS.filter((a) => a.offered(k, p, memberOf(s))) }));
  });
  // A letter to print: the page (the browser prints it on A4, without the console's header) and the same as a PDF.
  const letterHref = (reference: string, id: string) => `/console/cases/${reference}/letters/${encodeURIComponent(id)}`;
  app.get('/console/cases/:reference/letters/:id/print', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const reference = c.req.param('reference').toUpperCase();
    const id = c.req.param('id');
    const letter = await deps.letters.toPrint(memberOf(s), reference, id);
    const href = letterHref(reference, id);
    return c.html(html.letterPrint({ signed: signed(s), letter, pdfHref: `${href}/pdf`, largePrintHref: `${href}/pdf?large=1`, caseHref: `/console/cases/${reference}` }));
  });
  app.get('/console/cases/:reference/letters/:id/pdf', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const letter = await deps.letters.toPrint(memberOf(s), c.req.param('reference').toUpperCase(), c.req.param('id'));
    // Large print is the letter's own form where the complainant has it agreed; ?large=1 asks for it for any other.
    const largePrint = letter.largePrint === true || c.req.query('large') === '1';
    const pdf = await deps.letters.printer.pdf(letter, { largePrint });
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': downloadDisposition(printedFilename(letter, 'pdf', largePrint ? 'large print' : undefined)),
      'cache-control': 'no-store',
    });
  });
  // A file link opens only in the session it was made for (a leaked link alone opens nothing), and soon expires.
  app.get('/console/files/:token', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const file = deps.downloads ? await deps.downloads(c.req.param('token'), s.sid) : undefined;
    if (!file) return c.text('This link has expired, is not valid, or was made for another sign-in (links work only for the person who opened the case, until they sign out). Open the case again for a link of your own.', 404);
    if ('redirectTo' in file) {
      c.header('cache-control', 'no-store');
      return c.redirect(file.redirectTo, 302);
    }
    return c.body(Readable.toWeb(file.content) as ReadableStream, 200, {
      'content-type': downloadType(file.contentType),
      'content-disposition': downloadDisposition(file.filename),
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
    });
  });

  app.get('/console/policies/:id', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const text = deps.policyText(memberOf(s), c.req.param('id'));
    return text ? c.html(html.policy({ signed: signed(s), text })) : c.html(html.notFound(signed(s)), 404);
  });

  const heldPage = (c: Context, s: Session, extra: { done?: string; problem?: string } = {}, status: 200 | 400 | 404 = 200) => heldMailPage(c, deps, sessions, s, extra, status);

  /**
   * Where the request under way shows a refusal of what was asked (an action's form, the held messages), set by
   * the route before it asks: the same refusal reads differently on each, and is not foreseen anywhere else.
   */
  const refusalShownOn = new WeakMap<Context, (error: ActionRefusedError) => Response | Promise<Response>>();

  // The typed errors mapped to the console's answers, the same whichever route met them. Anything else is not the
  // console's to word: it goes on to the front door's handler.
  app.onError(async (error, c) => {
    const s = await session(c);
    if (!s) throw error;
    if (error instanceof CaseNotFoundError) return c.html(html.notFound(signed(s)), 404);
    if (error instanceof NotYoursToActOnError) return c.html(html.refused(signed(s), error.reference, error.message), 403);
    if (error instanceof LetterNotFoundError) return c.html(html.letterNotFound(signed(s), error.reference), 404);
    if (error instanceof LetterNotYoursToReadError) return c.html(html.refused(signed(s), error.reference, error.message), 403);
    if (error instanceof HeldMessageNotFoundError) return heldPage(c, s, { problem: 'There is no such held message that you can see.' }, 404);
    // A date past the bank-holiday data (a date typed far ahead, or data not refreshed): said as such, whichever page met it.
    if (error instanceof CalendarRangeError) return c.html(html.dateOutOfRange(signed(s), error.message), 400);
    const showRefusal = refusalShownOn.get(c);
    if (error instanceof ActionRefusedError && showRefusal) return showRefusal(error);
    throw error;
  });

  app.get('/console/held', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const done = c.req.query('released') ? `Released into ${c.req.query('released')}.` : c.req.query('discarded') ? 'Discarded; the raw message is kept.' : undefined;
    return heldPage(c, s, done ? { done } : {});
  });
  app.post('/console/held/:id/discard', async (c) => {
    const s = (await session(c)) as Session;
    const form = formValues(await c.req.parseBody());
    refusalShownOn.set(c, (error) => heldPage(c, s, { problem: error.message }, 400));
    await deps.held.discard(memberOf(s), c.req.param('id'), typeof form.reason === 'string' ? form.reason : '');
    return c.redirect('/console/held?discarded=1', 303);
  });

  // Recording a complaint made by telephone, letter, in person, or by someone on the complainant's behalf.
  app.get('/console/record', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const policies = deps.record.policiesFor(memberOf(s));
    if (policies.length === 1) return c.redirect(`/console/record/${(policies[0] as Policy).id}`, 302);
    return c.html(html.recordChoose({ signed: signed(s), policies }));
  });
  const recordPolicy = (member: StaffMember, policyId: string) => deps.record.policiesFor(member).find((p) => p.id === policyId);
  app.get('/console/record/:policy', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const policy = recordPolicy(memberOf(s), c.req.param('policy'));
    if (!policy) return c.html(html.recordChoose({ signed: signed(s), policies: deps.record.policiesFor(memberOf(s)) }), 404);
    const now = DateTime.fromJSDate(deps.now()).setZone('Europe/London');
    const kind = c.req.query('kind') === SERVICE_REQUEST_KIND ? { kind: SERVICE_REQUEST_KIND } : {};
    return c.html(html.record({ signed: signed(s), policy, values: { channel: 'phone', receivedAt: now.toFormat("yyyy-MM-dd'T'HH:mm"), submissionId: randomBytes(16).toString('base64url'), ...kind } }));
  });
  app.post('/console/record/:policy', async (c) => {
    const s = (await session(c)) as Session;
    const member = memberOf(s);
    const policy = recordPolicy(member, c.req.param('policy'));
    if (!policy) return c.html(html.recordChoose({ signed: signed(s), policies: deps.record.policiesFor(member) }), 404);
    // all: the adjustments asked for are a group of checkboxes under one name.
    const values = formValues(await c.req.parseBody({ all: true }));
    const one = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '').trim();
    const ticked = (name: string) => { const v = values[name]; return Array.isArray(v) ? [...v] : typeof v === 'string' && v ? [v] : []; };
    // Every problem at once, each beside its field and listed at the top; what was typed comes back as it was.
    const form = Object.fromEntries(RECORD_FORM_FIELDS.map((name) => [name, one(name)])) as RecordForm;
    const problems = recordFormProblems(policy, form, DateTime.fromJSDate(deps.now()));
    if (problems.length > 0) return c.html(html.record({ signed: signed(s), policy, values, problems }), 400);
    // What only the case's opening can find wrong comes back as one problem, beside its field where it names one.
    refusalShownOn.set(c, (error) => c.html(html.record({ signed: signed(s), policy, values, problems: [{ ...(error.hint.input && recordFields(policy, recordKind(policy, values)).some((g) => g.fields.some((f) => f.name === error.hint.input)) ? { field: error.hint.input } : {}), message: error.message }] }), 400));
    const channel = RECORDED_CHANNELS.find((ch) => ch.value === one('channel'))?.value;
    if (!channel) throw new ActionRefusedError('choose how the complaint was made', { input: 'channel' });
    const preferred = (['email', 'post', 'phone'] as const).find((p) => p === one('preferredChannel'));
    if (!preferred) throw new ActionRefusedError('choose how they want us to write to them', { input: 'preferredChannel' });
    const representative = { name: one('representativeName'), relationship: one('representativeRelationship'), consent: one('representativeConsent') };
    const submissionId = /^[A-Za-z0-9_-]{16,64}$/.test(one('submissionId')) ? one('submissionId') : undefined;
    const opened = await deps.record.open(member, {
      policyId: policy.id,
      receivedAt: DateTime.fromISO(one('receivedAt'), { zone: 'Europe/London' }),
      channel,
      name: one('name'),
      ...(one('email') ? { email: one('email') } : {}),
      ...(one('phone') ? { phone: one('phone') } : {}),
      ...(one('address') ? { address: one('address') } : {}),
      preferredChannel: preferred as PreferredChannel,
      ...(one('subject') ? { subject: one('subject') } : {}),
      summary: one('summary'),
      ...(one('about') ? { about: one('about') } : {}),
      confidential: one('confidential') === 'yes',
      ...(representative.name || representative.relationship || representative.consent ? { representative } : {}),
      ...(ticked('adjustments').length > 0 || one('adjustmentsWords') ? { adjustmentsAsked: { kinds: ticked('adjustments'), ...(one('adjustmentsWords') ? { words: one('adjustmentsWords') } : {}) } } : {}),
      ...(submissionId ? { submissionId } : {}),
      ...(one('kind') === SERVICE_REQUEST_KIND ? { serviceRequest: true } : {}),
    });
    // A service request's own letter goes as the acknowledgement would, though it is not one.
    const serviceRequest = one('kind') === SERVICE_REQUEST_KIND;
    const acknowledged = !opened.acknowledged && !serviceRequest ? 'none' : preferred !== 'post' && one('email') ? 'email' : 'post';
    return c.html(html.recorded({ signed: signed(s), policy, reference: opened.reference, acknowledged, serviceRequest }));
  });

  // A file added to a case: stored as an email's attachment is, then recorded on the case (the catalogue's attach).
  app.get('/console/cases/:reference/attach', async (c) => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const target = await deps.actions.caseFor(memberOf(s), c.req.param('reference').toUpperCase(), 'attach');
    return c.html(html.attach({ signed: signed(s), c: target.c, policy: target.policy, maxMb: maxUploadMb }));
  });
  app.post('/console/cases/:reference/attach', async (c) => {
    const s = (await session(c)) as Session;
    const member = memberOf(s);
    const reference = c.req.param('reference').toUpperCase();
    const body = await c.req.parseBody();
    const description = typeof body.description === 'string' ? body.description : '';
    const file = body.file;
    const chosen = typeof file === 'object' && file !== null && 'arrayBuffer' in file && file.size > 0 ? file : undefined;
    const again = async (problem: string) => {
      const target = await deps.actions.caseFor(member, reference, 'attach');
      return c.html(html.attach({ signed: signed(s), c: target.c, policy: target.policy, maxMb: maxUploadMb, description, problem }), 400);
    };
    if (!chosen) return again('Choose the file to add.');
    let acted: Acted;
    try {
      acted = await deps.attach(member, reference, { filename: chosen.name, contentType: chosen.type, content: new Uint8Array(await chosen.arrayBuffer()), description });
    } catch (error) {
      // The file itself refused (empty, a kind that can run code): said on the upload form, as a refusal on the case is.
      if (error instanceof ActionRefusedError) return again(error.message);
      throw error;
    }
    if (acted.outcome === 'refused') return again(acted.refusal.message);
    return c.redirect(`/console/cases/${reference}?done=attach`, 303);
  });

  const formContext = async (action: ConsoleAction, k: Case, policy: Policy): Promise<FormContext> => (action.needsPeople ? { people: await deps.staff.assignable(k, policy) } : {});

  // Every workflow action: a form, a preview of exactly what it will record and send, then the confirmation.
  const acting = async (c: Context, mode: 'form' | 'preview' | 'confirm') => {
    const s = await session(c);
    if (!s) return toSignIn(c);
    const member = memberOf(s);
    const action = actionFor(c.req.param('verb') ?? '');
    const reference = (c.req.param('reference') ?? '').toUpperCase();
    if (!action) return c.html(html.notFound(signed(s)), 404);
    if (mode === 'form') {
      const target = await deps.actions.caseFor(member, reference, action.verb);
      const context = await formContext(action, target.c, target.policy);
      // A link may choose an answer ("mark posted" names its letter): only the form's own fields, as a starting value.
      const chosen = action.fields(target.c, target.policy, context).flatMap((f) => {
        const v = c.req.query(f.name);
        return v ? [[f.name, v.slice(0, 500)] as const] : [];
      });
      return c.html(html.actionForm({ signed: signed(s), c: target.c, policy: target.policy, action, context, values: { ...(action.initial?.(target.c, target.policy) ?? {}), ...Object.fromEntries(chosen) } }));
    }
    const values = formValues(await c.req.parseBody({ all: true }));
    // One read of the case: the permission, the decision and (confirming) the write are all on that version.
    // The preview's confirm form carries the version it showed: a second send, or a change since, is refused.
    const previewed = mode === 'confirm' ? Number.parseInt(String(values.previewed ?? ''), 10) : Number.NaN;
    const acted = await deps.actions.act(member, action.verb, reference, action.input(values), { preview: mode === 'preview', ...(Number.isSafeInteger(previewed) ? { previewedVersion: previewed } : {}) });
    if (acted.outcome === 'refused') {
      const { refusal, case: k, policy } = acted;
      const context = await formContext(action, k, policy);
      return c.html(html.actionForm({ signed: signed(s), c: k, policy, action, values, context, problem: refusal.message, problemLink: refusalLink(refusal.hint, k, policy, action, context) }), 400);
    }
    if (acted.outcome === 'preview') {
      const { letters, events } = acted;
      // The letter names the complainant and their address: seen in a preview, that is a reading of the case.
      if (acted.case.confidential && (letters.length > 0 || events.some((e) => e.type === 'letter-drafted'))) {
        await deps.actions.sawConfidential(member, reference, `Saw the letter to the complainant in a preview of: ${action.label}`);
      }
      return c.html(html.preview({ signed: signed(s), c: acted.case, action, values, letters: [...letters], events: [...events] }));
    }
    return c.redirect(`/console/cases/${reference}?done=${action.verb}`, 303);
  };
  app.get('/console/cases/:reference/actions/:verb', (c) => acting(c, 'form'));
  app.post('/console/cases/:reference/actions/:verb/preview', (c) => acting(c, 'preview'));
  app.post('/console/cases/:reference/actions/:verb', (c) => acting(c, 'confirm'));
  return app;
}

