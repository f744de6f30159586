/**
 * Lambda behind the API Gateway HTTP API: the staff console (/console), signed in through Cognito. The same hono
 * app serves `npm start`'s front door; `hono/aws-lambda` turns API Gateway's event into its request and back.
 */
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { consoleApp } from '#adapters/http/console-app';
import { webApp } from '#adapters/http/web-app';
import { composeStaffConsole } from '#composition/console';
import { coldStart } from '#composition/cold-start';
import { loadConfig } from '#config/config';

const composed = coldStart(async () => {
  const { deps, log, metrics } = await composeStaffConsole(loadConfig());
  return { log, metrics, serve: handle(webApp(consoleApp(deps))) };
});

export async function handler(event: LambdaEvent, context: Context) {
  const { log, metrics, serve } = await composed();
  log.logger.addContext(context);
  return metrics.publishedAfter(() => serve(event, context));
}
