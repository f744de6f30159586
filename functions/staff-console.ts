/**
 * Lambda behind the API Gateway HTTP API: the staff console (/console), signed in through Cognito. The same hono
 * app serves `npm start`'s front door; `hono/aws-lambda` turns API Gateway's event into its request and back.
 */
import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { consoleApp } from '#adapters/http/console-app';
import { composeStaffConsole } from '#composition/console';
import { loadConfig } from '#config/config';

let serve: ReturnType<typeof handle> | undefined;

export async function handler(event: LambdaEvent, context: Context) {
  if (!serve) {
    const { deps, log } = await composeStaffConsole(loadConfig());
    log.logger.addContext(context);
    serve = handle(consoleApp(deps));
  }
  return serve(event, context);
}
