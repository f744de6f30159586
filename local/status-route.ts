import { pageHeaders } from '#adapters/http/page-headers';
import { HOUSE_STYLE } from '#adapters/http/house-style';
import type { Config } from '#config/config';
import { escapeHtml } from '#domain/letters/letter';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Route } from './http-server.js';

// The front door's own headers, as every page of it sends them: no script, its own stylesheet, never framed.
const HEADERS = pageHeaders('same-origin');

/** GET / and GET /health on the local front door: what is running and where. */
export function statusRoute(policies: PolicySet, config: Config): Route {
  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET') return false;
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(JSON.stringify({ status: 'ok', policies: policies.all.map((p) => p.id) }));
      return true;
    }
    if (path !== '/') return false;
    const rows = policies.all
      .map(
        (p) =>
          `<li>${escapeHtml(p.organisation.name)}: mail <code>${escapeHtml(p.intake.addresses.join(', '))}</code>` +
          (p.intake.webForm.enabled ? `, or the <a href="/forms/${escapeHtml(p.id)}">complaint form</a>` : '') +
          '</li>',
      )
      .join('\n');
    response.writeHead(200, { ...HEADERS, 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Redress (local)</title><style>${HOUSE_STYLE}</style></head>
<body><main>
<h1>Redress is running locally</h1>
<p>Send mail to SMTP port ${config.REDRESS_SMTP_PORT} on localhost. Sent mail is in the
<a href="http://localhost:${config.REDRESS_SES_PORT}/">SES emulator's viewer</a>.</p>
<h2>Organisations</h2><ul>${rows}</ul>
</main></body></html>
`);
    return true;
  };
}
