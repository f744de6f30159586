import { complainantPageApp } from '#adapters/http/complainant-page-app';
import { consoleApp } from '#adapters/http/console-app';
import type { LocalStack } from '#composition/local-stack';
import { formRoute } from './form-route.js';
import { honoRoute } from './hono-route.js';
import type { Route } from './http-server.js';
import { statusRoute } from './status-route.js';

/**
 * Every route of the local HTTP front door, as `npm start` serves them and the tests and benchmarks run them:
 * the complaint forms, the complainants' own pages, the staff console, and the status page. `accepted` is told after anything that
 * wrote letters, so that the outbox sends them at once.
 */
export function frontDoorRoutes(stack: LocalStack, accepted: () => void = () => {}): Route[] {
  const form = stack.form();
  const page = stack.complainantPage();
  const thenNudge = <A, R>(work: (a: A) => Promise<R>) => async (a: A): Promise<R> => {
    const result = await work(a);
    accepted();
    return result;
  };
  return [
    formRoute({ ...form, submit: thenNudge(form.submit) }),
    honoRoute('/cases/', complainantPageApp({ ...page, addInformation: thenNudge(page.addInformation), askForReview: thenNudge(page.askForReview) })),
    honoRoute('/console', consoleApp(stack.console())),
    statusRoute(stack.policies, stack.config),
  ];
}
