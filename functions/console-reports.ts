/**
 * Lambda behind the API Gateway HTTP API: the board's annual reports in the staff console (/console/reports/…),
 * read with the console's session. A function of its own so that the console's pages never load the charts.
 */
import { consoleReportsApp } from '#adapters/http/console-reports-app';
import { composeConsoleReports } from '#composition/console-reports';
import { webFunction } from '#composition/web-function';
import { loadConfig } from '#config/config';

export const handler = webFunction(async () => {
  const { deps, log, metrics } = await composeConsoleReports(loadConfig());
  return { app: consoleReportsApp(deps), log, metrics };
});
