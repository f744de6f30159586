import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Route } from './http-server.js';

/** A hono app on the local HTTP front door, for the paths under `prefix`: Node's request in, the app's response out. */
export function honoRoute(prefix: string, app: Hono): Route {
  const listener = getRequestListener(app.fetch);
  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(prefix)) return false;
    await listener(request, response);
    return true;
  };
}
