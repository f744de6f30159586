import { getConnInfo } from '@hono/node-server/conninfo';
import { webApp } from '#adapters/http/web-app';
import type { LocalStack } from '#composition/local-stack';
import { honoRoute } from './hono-route.js';
import type { Route } from './http-server.js';
import { statusRoute } from './status-route.js';

/**
 * Every route of the local HTTP front door, as `npm start` serves them and the tests and benchmarks run them:
 * the status page, then the one web app (the complaint forms, the complainants' own pages, the staff console).
 * `accepted` is told after anything that wrote letters, so that the outbox sends them at once.
 */
export function frontDoorRoutes(stack: LocalStack, accepted: () => void = () => {}): Route[] {
  const form = stack.form();
  const page = stack.complainantPage();
  const thenNudge = <A, R>(work: (a: A) => Promise<R>) => async (a: A): Promise<R> => {
    const result = await work(a);
    accepted();
    return result;
  };
  const app = webApp({
    form: { deps: { ...form, submit: thenNudge(form.submit) }, clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' },
    page: { ...page, addInformation: thenNudge(page.addInformation), askForReview: thenNudge(page.askForReview) },
    console: stack.console(),
  });
  return [statusRoute(stack.policies, stack.config), honoRoute('/', app)];
}
