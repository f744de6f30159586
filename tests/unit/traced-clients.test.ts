/**
 * The SDK clients the composition builds are captured by Powertools Tracer on Lambda with tracing on, so that a
 * trace shows each DynamoDB, S3, SES, Scheduler and Secrets Manager call; anywhere else they are left as they are.
 * Checked through the clients' own middleware stacks: no X-Ray daemon is involved.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '#config/config';

const X_RAY = 'XRaySDKInstrumentation';

/** The composition's client builders, loaded afresh so that the container's tracer is made under the env given. */
async function clientsUnder(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const [{ dynamoDbClient }, { s3Client }, { sesClient }, { schedulerClient }, { secretsClient }, { functionTracer }] = await Promise.all([
    import('#composition/cases-table'),
    import('#composition/s3-client'),
    import('#composition/ses-client'),
    import('#composition/scheduler-client'),
    import('#composition/secrets-client'),
    import('#composition/tracing'),
  ]);
  const config = loadConfig({ REDRESS_STACK: 'aws', AWS_REGION: 'eu-west-2', REDRESS_TABLE: 'redress-cases' });
  const clients = { dynamodb: dynamoDbClient(config), s3: s3Client(config), ses: sesClient(config), scheduler: schedulerClient(config), secrets: secretsClient(config) };
  const captured = Object.fromEntries(Object.entries(clients).map(([name, client]) => [name, client.middlewareStack.identify().some((m) => m.startsWith(X_RAY))]));
  return { captured, tracingOn: functionTracer().isTracingEnabled() };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('SDK clients in traces', () => {
  it('on Lambda with tracing on, every client is captured', async () => {
    const { captured, tracingOn } = await clientsUnder({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', POWERTOOLS_SERVICE_NAME: 'redress-outbox-sender' });
    expect(tracingOn).toBe(true);
    expect(captured).toEqual({ dynamodb: true, s3: true, ses: true, scheduler: true, secrets: true });
  });

  it('on Lambda with tracing turned off, none is', async () => {
    const { captured, tracingOn } = await clientsUnder({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', POWERTOOLS_TRACE_ENABLED: 'false' });
    expect(tracingOn).toBe(false);
    expect(Object.values(captured)).toEqual([false, false, false, false, false]);
  });

  it('outside Lambda (npm start, the CLI, the tests) Powertools turns itself off: none is, and no daemon is looked for', async () => {
    const { captured, tracingOn } = await clientsUnder({ AWS_EXECUTION_ENV: '' });
    expect(tracingOn).toBe(false);
    expect(Object.values(captured)).toEqual([false, false, false, false, false]);
  });
});
