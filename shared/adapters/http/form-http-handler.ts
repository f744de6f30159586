import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { LONDON } from '#domain/calendar/working-calendar';
import { formatReference } from '#domain/case/case-reference';
import { londonDate } from '#domain/calendar/london-date';
import type { Opened } from '#application/intake/open-complaint';
import type { WebSubmission } from '#application/intake/submit-web-complaint';
import type { Counters } from '#application/ports/counters';
import type { Log } from '#application/ports/log';
import type { RateLimiter } from '#application/ports/rate-limiter';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import { validateComplaintForm, type FieldError } from '#domain/forms/complaint-form';
import { complaintFormPage, complaintReceivedPage } from './complaint-form-page.js';
import { checkFormToken, issueFormToken } from './form-token.js';

/** A request as any front door (Node's HTTP server, API Gateway) hands it over. */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  readonly sourceIp: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface FormLimits {
  readonly maxBodyBytes: number;
  readonly minFillSeconds: number;
  readonly maxFormAgeSeconds: number;
  readonly perIpLimit: number;
  readonly perIpWindowSeconds: number;
  readonly perOrganisationLimit: number;
  readonly perOrganisationWindowSeconds: number;
}

export interface FormHandlerDeps {
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

const FORM_PATH = /^\/forms\/([a-z0-9]+(?:-[a-z0-9]+)*)(\/token)?\/?$/;
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action *; base-uri 'none'",
};

/**
 * The web form front door: GET /forms/<policy-id> serves the form, GET .../token gives a JSON caller its form
 * token, POST /forms/<policy-id> takes a complaint (urlencoded from a plain form, or JSON). Returns undefined
 * for paths it does not own.
 */
export async function handleFormRequest(deps: FormHandlerDeps, request: HttpRequest): Promise<HttpResponse | undefined> {
  const match = FORM_PATH.exec(request.path);
  if (!match) return undefined;
  const now = deps.now();
  const policy = findFormPolicy(deps.policies, match[1] as string);
  if (!policy) return text(404, 'There is no complaint form here. Check the address you were given.');
  const cors = corsHeaders(policy, request.headers.origin);

  if (match[2]) {
    if (request.method !== 'GET') return text(405, 'Use GET', { allow: 'GET' });
    return json(200, { formToken: issueFormToken(deps.secret, policy.id, now), submissionId: newSubmissionId() }, cors);
  }
  if (request.method === 'OPTIONS') {
    return { status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, idempotency-key', 'access-control-max-age': '600' }, body: '' };
  }
  if (request.method === 'GET') {
    return { status: 200, headers: HTML_HEADERS, body: complaintFormPage(policy, { formToken: issueFormToken(deps.secret, policy.id, now), submissionId: newSubmissionId() }) };
  }
  if (request.method !== 'POST') return text(405, 'Use GET or POST', { allow: 'GET, POST, OPTIONS' });
  return post(deps, policy, request, now, cors);
}

async function post(deps: FormHandlerDeps, policy: Policy, request: HttpRequest, now: number, cors: Record<string, string>): Promise<HttpResponse> {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const asJson = contentType === 'application/json';
  if (!asJson && contentType !== 'application/x-www-form-urlencoded') {
    return text(415, 'Send the form as application/x-www-form-urlencoded or application/json');
  }
  if (asJson && request.headers.origin && !cors['access-control-allow-origin']) {
    return json(403, { errors: [{ field: 'origin', message: `${request.headers.origin} may not send complaints to this form` }] });
  }
  if (Buffer.byteLength(request.body) > deps.limits.maxBodyBytes) {
    return respondError(asJson, 413, policy, [{ field: 'form', message: `The form is too large: send at most ${deps.limits.maxBodyBytes} bytes` }], {}, { deps, now, cors });
  }
  for (const [name, limit, window] of [
    [`ip#${policy.id}#${request.sourceIp}`, deps.limits.perIpLimit, deps.limits.perIpWindowSeconds],
    [`org#${policy.id}`, deps.limits.perOrganisationLimit, deps.limits.perOrganisationWindowSeconds],
  ] as const) {
    const decision = await deps.rateLimiter.hit(name, limit, window, now);
    if (!decision.allowed) {
      const body = asJson
        ? JSON.stringify({ errors: [{ field: 'form', message: 'Too many complaints sent from here just now. Please try again later.' }] })
        : 'Too many complaints have been sent from here just now. Please wait a few minutes and try again.';
      return { status: 429, headers: { ...(asJson ? { 'content-type': 'application/json' } : { 'content-type': 'text/plain; charset=utf-8' }), ...cors, 'retry-after': String(decision.retryAfterSeconds) }, body };
    }
  }

  const fields = asJson ? parseJsonBody(request.body) : parseFormBody(request.body);
  if (!fields) return respondError(asJson, 400, policy, [{ field: 'form', message: 'The body is not a JSON object' }], {}, { deps, now, cors });
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));

  // Only a filled hidden field is answered as if accepted (so a bot learns nothing) and counted. A form sent
  // faster than the minimum time, or with a token that does not check out, may be a person (autofill, pasted
  // text, a page kept open): they get the form back with their answers, to check and send again.
  if (typeof fields.website === 'string' && fields.website.trim() !== '') {
    await deps.counters.countSpam(policy.id, londonDate(new Date(now)));
    deps.log.warn('form submission refused as spam', { policy: policy.id, reason: 'honeypot', sourceIp: request.sourceIp });
    return accepted(asJson, policy, decoyReference(policy, now), false, cors);
  }
  const token = checkFormToken(deps.secret, policy.id, String(fields.formToken ?? ''), now, {
    minFillSeconds: deps.limits.minFillSeconds,
    maxAgeSeconds: deps.limits.maxFormAgeSeconds,
  });
  if (!token.ok) {
    deps.log.info('form sent back to check', { policy: policy.id, reason: token.reason, sourceIp: request.sourceIp });
    const message =
      token.reason === 'expired'
        ? 'This form was opened too long ago. Please check your answers and send it again.'
        : 'Please check your answers and send the form again.';
    return respondError(asJson, 400, policy, [{ field: 'formToken', message }], values, { deps, now, cors });
  }

  const validated = validateComplaintForm(fields, policy, DateTime.fromMillis(now, { zone: LONDON }));
  if ('errors' in validated) return respondError(asJson, 400, policy, validated.errors, values, { deps, now, cors });

  const submissionKey = validated.form.submissionId ?? request.headers['idempotency-key'] ?? createHash('sha256').update(request.body).digest('base64url');
  const result = await deps.submit({
    policyId: policy.id,
    form: validated.form,
    submissionKey: submissionKey.slice(0, 100),
    receivedAt: new Date(now).toISOString(),
    sourceIp: request.sourceIp,
  });
  return accepted(asJson, policy, result.reference, result.acknowledged, cors, result.pageToken);
}

function accepted(asJson: boolean, policy: Policy, reference: string, acknowledged: boolean, cors: Record<string, string>, pageToken?: string): HttpResponse {
  const page = pageToken ? `/cases/${pageToken}` : undefined;
  if (asJson) return json(201, { reference, acknowledged, ...(page ? { page } : {}) }, cors);
  const thankYou = policy.intake.webForm.thankYouUrl;
  if (thankYou) {
    const url = new URL(thankYou);
    url.searchParams.set('reference', reference);
    return { status: 303, headers: { location: url.toString(), 'cache-control': 'no-store' }, body: '' };
  }
  return { status: 200, headers: { ...HTML_HEADERS, 'referrer-policy': 'no-referrer' }, body: complaintReceivedPage(policy, reference, acknowledged, page) };
}

function respondError(asJson: boolean, status: number, policy: Policy, errors: readonly FieldError[], values: Record<string, string>, ctx: ErrorContext): HttpResponse {
  if (asJson) return json(status, { errors }, ctx.cors);
  // The form comes back with the answers kept and a token already past the minimum fill time, so the person
  // only fixes what is wrong and sends it again.
  const formToken = issueFormToken(ctx.deps.secret, policy.id, ctx.now - ctx.deps.limits.minFillSeconds * 1000);
  return {
    status,
    headers: HTML_HEADERS,
    body: complaintFormPage(policy, { formToken, submissionId: values.submissionId ?? newSubmissionId(), values, errors }),
  };
}

interface ErrorContext {
  readonly deps: FormHandlerDeps;
  readonly now: number;
  readonly cors: Record<string, string>;
}

function findFormPolicy(policies: PolicySet, id: string): Policy | undefined {
  const policy = policies.all.find((p) => p.id === id);
  return policy?.intake.webForm.enabled ? policy : undefined;
}

function corsHeaders(policy: Policy, origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  const allowed = policy.intake.webForm.allowedOrigins.some((o) => new URL(o).origin === origin);
  return allowed ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

function parseFormBody(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) if (!(key in fields)) fields[key] = value;
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

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

function text(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: body + '\n' };
}
