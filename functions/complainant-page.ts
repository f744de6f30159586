/**
 * Lambda behind the API Gateway HTTP API: the complainant's own page (/cases/<token>). The same hono app serves
 * the local front door; `hono/aws-lambda` turns API Gateway's event into its request and its response back.
 */
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { complainantPageApp } from '#adapters/http/complainant-page-app';
import { webApp } from '#adapters/http/web-app';
import { composeComplainantPage } from '#composition/complainant-page';
import { loadConfig } from '#config/config';

let composed: ReturnType<typeof compose> | undefined;

function compose() {
  const { deps, log } = composeComplainantPage(loadConfig());
  return { log, serve: handle(webApp(complainantPageApp(deps))) };
}

export async function handler(event: LambdaEvent, context: Context) {
  composed ??= compose();
  const { log, serve } = await composed;
  log.logger.addContext(context);
  return serve(event, context);
}
