import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A value carried in a cookie, signed so that it cannot be changed or forged, with its own expiry: the console's
 * session, and the few minutes a sign-in is under way. Not encrypted: it holds nothing the person may not see.
 */
export function seal(value: object, secret: string, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ v: value, exp: expiresAt })).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/** The value, or undefined when the cookie is missing, altered, signed with another secret or expired. */
export function unseal<T>(cookie: string | undefined, secret: string, now: number): T | undefined {
  if (!cookie) return undefined;
  const [body, signature, extra] = cookie.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { v: T; exp: number };
    return typeof parsed.exp === 'number' && parsed.exp > now ? parsed.v : undefined;
  } catch {
    return undefined;
  }
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
