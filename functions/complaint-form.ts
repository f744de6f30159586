/**
 * Lambda behind the API Gateway HTTP API: the web complaint form (GET the page or a token, POST a complaint).
 * The same hono app serves `npm start`'s front door; `hono/aws-lambda` turns API Gateway's event into its
 * request and its response back.
 */
import type { Context } from 'aws-lambda';
import { getConnInfo, handle, type LambdaEvent } from 'hono/aws-lambda';
import { complaintFormApp } from '#adapters/http/complaint-form-app';
import { webApp } from '#adapters/http/web-app';
import { composeComplaintForm } from '#composition/complaint-form';
import { coldStart } from '#composition/cold-start';
import { loadConfig } from '#config/config';

const composed = coldStart(async () => {
  const { deps, log, metrics } = await composeComplaintForm(loadConfig());
  return { log, metrics, serve: handle(webApp(complaintFormApp(deps, (c) => getConnInfo(c).remote.address ?? 'unknown'))) };
});

export async function handler(event: LambdaEvent, context: Context) {
  const { log, metrics, serve } = await composed();
  log.logger.addContext(context);
  return metrics.publishedAfter(() => serve(event, context));
}
