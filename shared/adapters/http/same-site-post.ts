import type { Context } from 'hono';

/**
 * Whether a POST came from our own pages. Browsers say so in Sec-Fetch-Site; without it, Origin is compared with
 * the front door's own origin (or the Host the request came to). A page sent with `Referrer-Policy: no-referrer`
 * makes browsers send "Origin: null", which `allowNullOrigin` accepts; a client that sends neither header (a
 * script, not a browser) is let through, and must still hold what the page asks for (a token, a CSRF value).
 */
export function postedFromHere(c: Context, options: { readonly publicOrigin?: string; readonly allowNullOrigin?: boolean } = {}): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin) return true;
  if (origin === 'null') return Boolean(options.allowNullOrigin);
  if (options.publicOrigin) return origin === options.publicOrigin;
  try {
    return new URL(origin).host === (c.req.header('x-forwarded-host') ?? c.req.header('host'));
  } catch {
    return false;
  }
}
