import { getConnInfo } from '@hono/node-server/conninfo';
import { complainantPageApp } from '#adapters/http/complainant-page-app';
import { complaintFormApp } from '#adapters/http/complaint-form-app';
import { consoleApp } from '#adapters/http/console-app';
import { consoleReportsApp } from '#adapters/http/console-reports-app';
import { heldReleaseApp } from '#adapters/http/held-release-app';
import { webApp } from '#adapters/http/web-app';
import type { LocalStack } from '#composition/local-stack';
import { honoRoute } from './hono-route.js';
import type { Route } from './http-server.js';
import { statusRoute } from './status-route.js';

/**
 * Every route of the local HTTP front door, as `npm start` serves them and the tests and benchmarks run them:
 * the status page, then the one web app (the complaint forms, the complainants' own pages, the staff console with
 * its reports and held-mail release, which on AWS are functions of their own).
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
  const app = webApp(
    complaintFormApp({ ...form, submit: thenNudge(form.submit) }, (c) => getConnInfo(c).remote.address ?? 'unknown'),
    complainantPageApp({ ...page, addInformation: thenNudge(page.addInformation), askForReview: thenNudge(page.askForReview), confirmAddress: thenNudge(page.confirmAddress) }, (c) => getConnInfo(c).remote.address ?? 'unknown'),
    consoleApp(stack.console()),
    consoleReportsApp(stack.consoleReports()),
    heldReleaseApp(stack.heldRelease()),
  );
  return [statusRoute(stack.policies, stack.config), honoRoute('/', app)];
}
