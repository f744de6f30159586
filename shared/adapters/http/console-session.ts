import { timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { StaffSessions } from '#application/ports/staff-sessions';
import { fromGroups, type StaffMember } from '#domain/access/staff-member';
import type { Signed } from './console/signed.js';
import { pageHeaders } from './house-document.js';
import { postedFromHere } from './same-site-post.js';
import { unseal } from './sealed-cookie.js';

/**
 * What the session cookie carries: the session's id (live only while the server keeps it), who signed in (as the
 * provider said), and the token every form must return.
 */
export interface Session {
  readonly sid: string;
  readonly sub: string;
  readonly name: string;
  readonly email?: string;
  readonly groups: readonly string[];
  readonly csrf: string;
  readonly idToken?: string;
}

/** What every part of the console needs to read its sessions: the key that signs them, where they are kept, the front door, the time. */
export interface ConsoleSessionSettings {
  readonly sessionSecret: string;
  /** The sessions the server keeps: a cookie whose session is not here (signed out, or ended) opens nothing. */
  readonly sessions: StaffSessions;
  /** The front door as staff reach it: POSTs must come from its origin. */
  readonly publicUrl: string;
  /**
   * The origin of the provider's sign-out address. The sign-out form is answered with a redirect there, and
   * browsers hold that redirect to the page's CSP form-action, so every console page names this origin in it.
   */
  readonly signOutOrigin: string;
  readonly now: () => Date;
  /** Whether a person reads reports and no case: their pages offer no case list (readsOnlyReports). */
  readonly readsOnlyReports?: (member: StaffMember) => boolean;
}

export const SESSION_COOKIE = 'redress_session';

/**
 * The signed session, read the same way by each part of the console (its pages, the board's reports, releasing
 * held mail), which on AWS are separate functions behind one front door: only the pages' function signs people in.
 * A cookie opens the console only when its signature holds, it has not expired and the server still keeps its
 * session (one read by key, once per request). `guard` puts the console's checks on the paths a part serves: its
 * security headers on every answer, and on every POST a session, the browser saying the form came from this site,
 * and the session's own CSRF token.
 */
export function consoleSessions(settings: ConsoleSessionSettings) {
  const readOnce = new WeakMap<Context, Promise<Session | undefined>>();
  const readNow = async (c: Context): Promise<Session | undefined> => {
    const now = settings.now().getTime();
    const s = unseal<Session>(getCookie(c, SESSION_COOKIE), settings.sessionSecret, now);
    // A cookie from before sessions were kept on the server has no id: it opens nothing.
    if (!s || typeof s.sid !== 'string') return undefined;
    return (await settings.sessions.isLive(s.sid, now)) ? s : undefined;
  };
  const read = (c: Context): Promise<Session | undefined> => {
    let reading = readOnce.get(c);
    if (!reading) {
      reading = readNow(c);
      readOnce.set(c, reading);
    }
    return reading;
  };
  const toSignIn = (c: Context) => c.redirect(`/console/sign-in?return=${encodeURIComponent(c.req.path)}`, 302);
  const publicOrigin = new URL(settings.publicUrl).origin;
  const headers = (options: { dataImages?: boolean } = {}) => pageHeaders('same-origin', { ...options, redirectsTo: [settings.signOutOrigin] });
  const HEADERS = headers();
  const memberOf = (s: Session): StaffMember => ({ id: s.sub, name: s.name, ...(s.email ? { email: s.email } : {}), ...fromGroups(s.groups) });
  return {
    read,
    headers,
    memberOf,
    signed: (s: Session): Signed => ({ name: s.name, csrf: s.csrf, ...(settings.readsOnlyReports?.(memberOf(s)) ? { cases: false } : {}) }),
    toSignIn,
    guard(app: Hono, paths: { readonly pages: readonly string[]; readonly posts: readonly string[] }): void {
      for (const path of paths.pages) {
        app.use(path, async (c, next) => {
          await next();
          // A download sets its own stricter policy; every page gets the console's.
          for (const [name, value] of Object.entries(HEADERS)) if (!c.res.headers.has(name)) c.header(name, value);
        });
      }
      for (const path of paths.posts) {
        app.post(path, async (c, next) => {
          const s = await read(c);
          if (!s) return toSignIn(c);
          const form = await c.req.parseBody();
          const token = typeof form.csrf === 'string' ? Buffer.from(form.csrf) : Buffer.alloc(0);
          const expected = Buffer.from(s.csrf);
          if (!postedFromHere(c, { publicOrigin }) || token.length !== expected.length || !timingSafeEqual(token, expected)) return c.text('This form can only be sent from the console itself. Go back, reload the page and try again.', 403);
          return next();
        });
      }
    },
  };
}

export type ConsoleSessions = ReturnType<typeof consoleSessions>;
