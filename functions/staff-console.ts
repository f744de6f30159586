/**
 * Lambda behind the API Gateway HTTP API: the staff console (/console), signed in through Cognito. The same hono
 * app serves `npm start`'s front door; `hono/aws-lambda` turns API Gateway's event into its request and back.
 */
import { consoleApp } from '#adapters/http/console-app';
import { composeStaffConsole } from '#composition/console';
import { webFunction } from '#composition/web-function';
import { loadConfig } from '#config/config';

export const handler = webFunction(async () => {
  const { deps, log, metrics } = await composeStaffConsole(loadConfig());
  return { app: consoleApp(deps), log, metrics };
});
