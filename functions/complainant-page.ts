/**
 * Lambda behind the API Gateway HTTP API: the complainant's own page (/cases/<token>). The same hono app serves
 * the local front door; `hono/aws-lambda` turns API Gateway's event into its request and its response back.
 */
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { complainantPageApp } from '#adapters/http/complainant-page-app';
import { composeComplainantPage } from '#composition/complainant-page';
import { loadConfig } from '#config/config';

let serve: ReturnType<typeof handle> | undefined;

export async function handler(event: LambdaEvent, context: Context) {
  if (!serve) {
    const { deps, log } = composeComplainantPage(loadConfig());
    log.logger.addContext(context);
    serve = handle(complainantPageApp(deps));
  }
  return serve(event, context);
}
