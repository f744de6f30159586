/**
 * Lambda behind the API Gateway HTTP API: the web complaint form (GET the page or a token, POST a complaint).
 * The same handler serves the local HTTP server; this only translates API Gateway's event and response.
 */
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { handleFormRequest } from '#adapters/http/form-http-handler';
import { composeComplaintForm } from '#composition/complaint-form';
import { loadConfig } from '#config/config';

export const httpApiEvent = z.object({
  rawPath: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().default(false),
  requestContext: z.object({ http: z.object({ method: z.string(), sourceIp: z.string() }) }),
});

let composed: ReturnType<typeof composeComplaintForm> | undefined;

export async function handler(event: unknown, context: Context): Promise<APIGatewayProxyResultV2> {
  composed ??= composeComplaintForm(loadConfig());
  const { deps, log } = await composed;
  log.logger.addContext(context);
  const request = httpApiEvent.parse(event);
  const body = request.body === undefined ? '' : request.isBase64Encoded ? Buffer.from(request.body, 'base64').toString('utf8') : request.body;
  const response = await handleFormRequest(deps, {
    method: request.requestContext.http.method,
    path: request.rawPath,
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
    sourceIp: request.requestContext.http.sourceIp,
  });
  if (!response) return { statusCode: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found\n' };
  return { statusCode: response.status, headers: response.headers, body: response.body };
}
