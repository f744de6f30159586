/**
 * Lambda behind the API Gateway HTTP API: the complainant's own page (/cases/<token>). The same hono app serves
 * the local front door; `hono/aws-lambda` turns API Gateway's event into its request and its response back.
 */
import { getConnInfo } from 'hono/aws-lambda';
import { complainantPageApp } from '#adapters/http/complainant-page-app';
import { composeComplainantPage } from '#composition/complainant-page';
import { webFunction } from '#composition/web-function';
import { loadConfig } from '#config/config';

export const handler = webFunction(async () => {
  const { deps, log } = composeComplainantPage(loadConfig());
  return { app: complainantPageApp(deps, (c) => getConnInfo(c).remote.address ?? 'unknown'), log };
});
