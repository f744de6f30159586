import { HOUSE_STYLE_SOURCE } from './house-style.js';

/**
 * The headers every page built on the house document sends: never cached, never framed, no script at all, only
 * its own stylesheet (by hash), forms posted only to itself (and redirected only where it says); the Referer rule is
 * the page's own.
 */
export function pageHeaders(referrerPolicy: 'no-referrer' | 'same-origin', options: { redirectsTo?: readonly string[]; dataImages?: boolean } = {}): Record<string, string> {
  // Browsers check form-action on the redirect after a POST too: a form that sends people on to the
  // organisation's own thank-you page must name that origin.
  const formAction = ["'self'", ...(options.redirectsTo ?? [])].join(' ');
  return {
    'cache-control': 'no-store',
    'referrer-policy': referrerPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': `default-src 'none'; style-src ${HOUSE_STYLE_SOURCE};${options.dataImages ? ' img-src data:;' : ''} form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
  };
}
