import { Hono } from 'hono';

/**
 * Redress on the web: the parts an entry point serves (the complaint form's `complaintFormApp`, the complainant's
 * page's `complainantPageApp`, the staff console's `consoleApp`) mounted in one hono app. `npm start` serves them
 * all on one port; on AWS each part is its own function behind the HTTP API with the same routes, so each holds
 * only the permissions its part needs, and bundles only its part's code (this module imports none of them).
 */
export function webApp(...parts: readonly Hono[]): Hono {
  const app = new Hono({ strict: false });
  for (const part of parts) app.route('/', part);
  app.notFound((c) => c.text('Not found\n', 404));
  return app;
}
