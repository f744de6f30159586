import type { IncomingMessage } from 'node:http';
import { handleFormRequest, type FormHandlerDeps } from '#adapters/http/form-http-handler';
import type { Route } from './http-server.js';

/** The web form on the local HTTP server: Node's request in, the shared handler's response out. */
export function formRoute(deps: FormHandlerDeps): Route {
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/forms/')) return false;
    const body = await readBody(request, deps.limits.maxBodyBytes);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]));
    const result = await handleFormRequest(deps, {
      method: request.method ?? 'GET',
      path: url.pathname,
      headers,
      // Past the limit the body is cut one byte over it, so the handler answers 413 without holding the rest.
      body,
      sourceIp: request.socket.remoteAddress ?? 'unknown',
    });
    if (!result) return false;
    response.writeHead(result.status, result.headers).end(result.body);
    return true;
  };
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    if (size <= limit) chunks.push(buffer.subarray(0, limit + 1 - size));
    size += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}
