import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { MorningOrganisation } from '#application/console/morning-view';
import type { CaseView } from '#application/console/view-case';
import { CaseNotFoundError } from '#application/ports/store-errors';
import { londonDate } from '#domain/calendar/london-date';
import { fromGroups, type StaffMember } from '#domain/access/staff-member';
import { html, type Signed } from './console-pages.js';
import { pageHeaders } from './house-document.js';
import type { SignedIn, SignInChecks } from './oidc-sign-in.js';
import { seal, unseal } from './sealed-cookie.js';

/** What the console's routes call. */
export interface ConsoleDeps {
  readonly signIn: {
    start(): Promise<{ url: string; checks: SignInChecks }>;
    finish(currentUrl: URL, checks: SignInChecks): Promise<SignedIn>;
    endSessionUrl(idToken: string | undefined): Promise<string>;
  };
  readonly morning: (member: StaffMember) => Promise<MorningOrganisation[]>;
  readonly viewCase: (member: StaffMember, reference: string) => Promise<CaseView>;
  readonly sessionSecret: string;
  readonly sessionMinutes: number;
  /** The front door as staff reach it: the sign-in comes back to <publicUrl>/console/callback. */
  readonly publicUrl: string;
  readonly now: () => Date;
}

/** What the session cookie carries: who signed in (as the provider said), and the token every form must return. */
interface Session {
  readonly sub: string;
  readonly name: string;
  readonly email?: string;
  readonly groups: readonly string[];
  readonly csrf: string;
  readonly idToken?: string;
}

const SESSION = 'redress_session';
const SIGNING_IN = 'redress_signin';
const HEADERS = pageHeaders('same-origin');

/**
 * The staff console at /console: sign-in by OpenID Connect (authorization code with PKCE; Cognito on AWS, the
 * local provider under `npm start`, the same code), a short signed session in an HttpOnly SameSite cookie (Secure
 * off localhost), a CSRF token on every form and the request's origin checked on every POST, a CSP with no script.
 * Each page shows only what the signed-in person may see.
 */
export function consoleApp(deps: ConsoleDeps): Hono {
  const app = new Hono();
  const secure = new URL(deps.publicUrl).protocol === 'https:';
  const cookie = { httpOnly: true, sameSite: 'Lax' as const, secure, path: '/console' };
  const now = () => deps.now().getTime();

  app.use('/console/*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
  });
  app.use('/console', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
  });

  const session = (c: Context) => unseal<Session>(getCookie(c, SESSION), deps.sessionSecret, now());
  const memberOf = (s: Session): StaffMember => ({ id: s.sub, name: s.name, ...(s.email ? { email: s.email } : {}), ...fromGroups(s.groups) });
  const signed = (s: Session): Signed => ({ name: s.name, csrf: s.csrf });
  const toSignIn = (c: Context) => c.redirect(`/console/sign-in?return=${encodeURIComponent(c.req.path)}`, 302);

  app.get('/console/sign-in', async (c) => {
    const { url, checks } = await deps.signIn.start();
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
    const value: Session = { sub: who.sub, name: who.name, ...(who.email ? { email: who.email } : {}), groups: who.groups, csrf: randomBytes(24).toString('base64url'), idToken: who.idToken };
    setCookie(c, SESSION, seal(value, deps.sessionSecret, now() + deps.sessionMinutes * 60_000), { ...cookie, maxAge: deps.sessionMinutes * 60 });
    return c.redirect(pending.returnTo, 302);
  });

  app.get('/console/signed-out', (c) => c.html(html.signedOut()));

  // Every POST: from this site (the browser says so), and carrying the session's own CSRF token.
  app.post('/console/*', async (c, next) => {
    const s = session(c);
    if (!s) return toSignIn(c);
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const fromHere = site ? site === 'same-origin' : !origin || origin === new URL(deps.publicUrl).origin;
    const form = await c.req.parseBody();
    const token = typeof form.csrf === 'string' ? Buffer.from(form.csrf) : Buffer.alloc(0);
    const expected = Buffer.from(s.csrf);
    if (!fromHere || token.length !== expected.length || !timingSafeEqual(token, expected)) return c.text('This form can only be sent from the console itself. Go back, reload the page and try again.', 403);
    return next();
  });

  app.post('/console/sign-out', async (c) => {
    const s = session(c);
    deleteCookie(c, SESSION, { path: '/console' });
    return c.redirect(await deps.signIn.endSessionUrl(s?.idToken), 303);
  });

  app.get('/console', async (c) => {
    const s = session(c);
    if (!s) return toSignIn(c);
    return c.html(html.morning({ signed: signed(s), organisations: await deps.morning(memberOf(s)), today: londonDate(deps.now()) }));
  });

  app.get('/console/cases/:reference', async (c) => {
    const s = session(c);
    if (!s) return toSignIn(c);
    try {
      const view = await deps.viewCase(memberOf(s), c.req.param('reference').toUpperCase());
      return c.html(html.case({ signed: signed(s), view, today: londonDate(deps.now()) }));
    } catch (error) {
      if (error instanceof CaseNotFoundError) return c.html(html.notFound(signed(s)), 404);
      throw error;
    }
  });
  return app;
}
