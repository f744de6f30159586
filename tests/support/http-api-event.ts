import type { LambdaEvent } from 'hono/aws-lambda';

/** An API Gateway HTTP API (payload 2.0) event as it reaches a function on the default route. */
export function httpApiEvent(method: string, path: string, options: { body?: string; headers?: Record<string, string>; sourceIp?: string; query?: string } = {}): LambdaEvent {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: { host: 'abc123.execute-api.eu-west-2.amazonaws.com', ...(options.headers ?? {}) },
    body: options.body === undefined ? null : Buffer.from(options.body).toString('base64'),
    isBase64Encoded: options.body !== undefined,
    requestContext: {
      accountId: '123456789012',
      authentication: null,
      authorizer: {},
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: options.sourceIp ?? '198.51.100.7', userAgent: 'vitest' },
      requestId: `req-${now.getTime()}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  };
}
