import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { RunningServer } from './dynamodb-local.js';

export type Route = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * The local HTTP front door. Each route answers the requests it owns and returns false for the rest;
 * anything no route claims is a 404. A route that throws answers 500 without a stack trace.
 */
export async function startHttpServer(port: number, routes: readonly Route[], onError: (error: Error) => void): Promise<RunningServer> {
  const server = createServer((request, response) => {
    (async () => {
      for (const route of routes) if (await route(request, response)) return;
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    })().catch((error: Error) => {
      onError(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Something went wrong on our side. Your submission has not been lost if you saw a reference; otherwise please try again.\n');
    });
  });
  const actual = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
  return {
    endpoint: `http://127.0.0.1:${actual}`,
    port: actual,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
