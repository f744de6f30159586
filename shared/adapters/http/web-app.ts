import { Hono } from 'hono';
import { complainantPageApp, type ComplainantPageDeps } from './complainant-page-app.js';
import { complaintFormApp, type ClientAddress, type ComplaintFormDeps } from './complaint-form-app.js';
import { consoleApp, type ConsoleDeps } from './console-app.js';

/**
 * The parts of the one web app an entry point serves. `npm start` serves them all on one port; on AWS each part
 * is its own function behind the HTTP API (so each holds only the permissions its part needs), with the same routes.
 */
export interface WebAppParts {
  /** The complaint forms, /forms/<policy>. */
  readonly form?: { readonly deps: ComplaintFormDeps; readonly clientAddress: ClientAddress };
  /** The complainants' own pages, /cases/<token>. */
  readonly page?: ComplainantPageDeps;
  /** The staff console, /console. */
  readonly console?: ConsoleDeps;
}

/** Redress on the web: the complaint form, the complainant's page and the staff console in one hono app. */
export function webApp(parts: WebAppParts): Hono {
  const app = new Hono({ strict: false });
  if (parts.form) app.route('/', complaintFormApp(parts.form.deps, parts.form.clientAddress));
  if (parts.page) app.route('/', complainantPageApp(parts.page));
  if (parts.console) app.route('/', consoleApp(parts.console));
  app.notFound((c) => c.text('Not found\n', 404));
  return app;
}
