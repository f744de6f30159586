/**
 * Lambda behind the API Gateway HTTP API: the web complaint form (GET the page or a token, POST a complaint).
 * The same hono app serves `npm start`'s front door; `hono/aws-lambda` turns API Gateway's event into its
 * request and its response back.
 */
import { getConnInfo } from 'hono/aws-lambda';
import { complaintFormApp } from '#adapters/http/complaint-form-app';
import { composeComplaintForm } from '#composition/complaint-form';
import { webFunction } from '#composition/web-function';
import { loadConfig } from '#config/config';

export const handler = webFunction(async () => {
  const { deps, log, metrics } = await composeComplaintForm(loadConfig());
  return { app: complaintFormApp(deps, (c) => getConnInfo(c).remote.address ?? 'unknown'), log, metrics };
});
