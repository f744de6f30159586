import { raw } from 'hono/html';
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import { HOUSE_STYLE } from './house-style.js';

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
        {/* Hidden until it has the keyboard's focus, then shown (WCAG 2.4.7: focus visible). */}
        <a href="#main" class="skip-link">
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

/**
 * Every problem with a form at once (GOV.UK's error summary), at the top of the page and announced to screen
 * readers, each linked to its field where it has one.
 */
export const Problems: FC<{ problems: readonly { readonly message: string; readonly href?: string | undefined }[] }> = ({ problems }) =>
  problems.length ? (
    <div class="error-summary" role="alert" aria-labelledby="problem-title" tabindex={-1}>
      <h2 id="problem-title">There is a problem</h2>
      <ul>
        {problems.map((p) => (
          <li>{p.href ? <a href={p.href}>{p.message}</a> : p.message}</li>
        ))}
      </ul>
    </div>
  ) : null;

/** Where to go about a problem: the field to fix, or the action to take instead. */
export interface ProblemLink {
  readonly href: string;
  readonly text: string;
}

// The headers every page sends live in a module of their own, for pages not built with JSX (the local status page).
export { pageHeaders } from './page-headers.js';
