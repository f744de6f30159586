import { raw } from 'hono/html';
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import { HOUSE_STYLE, HOUSE_STYLE_SOURCE } from './house-style.js';

/** The frame of every public and staff page: language, viewport, the house style, a skip link, the main landmark. */
export const HouseDocument: FC<PropsWithChildren<{ title: string; header?: Child; noIndex?: boolean }>> = ({ title, header, noIndex, children }) => (
  <>
    {raw('<!doctype html>')}
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {noIndex ? <meta name="robots" content="noindex, nofollow" /> : null}
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: HOUSE_STYLE }} />
      </head>
      <body>
        <a href="#main" class="visually-hidden">
          Skip to main content
        </a>
        {header ?? null}
        <main id="main">{children}</main>
      </body>
    </html>
  </>
);

/** What went wrong with what the person sent, at the top of the page, announced to screen readers. */
export const Problem: FC<{ message?: string | undefined; link?: ProblemLink | undefined }> = ({ message, link }) =>
  message ? (
    <div class="error-summary" role="alert" aria-labelledby="problem-title" tabindex={-1}>
      <h2 id="problem-title">There is a problem</h2>
      <p>{message}</p>
      {link ? (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      ) : null}
    </div>
  ) : null;

/** Where to go about a problem: the field to fix, or the action to take instead. */
export interface ProblemLink {
  readonly href: string;
  readonly text: string;
}

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
