/**
 * The form Lambda end to end: API Gateway HTTP API events in, a case in DynamoDB Local with its letters and
 * timer intent in the outbox out. The form function has no SES, no Scheduler and no bucket: nothing is mocked.
 */
import { randomUUID } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { loadConfig } from '#config/config';
import { casesTable, dynamoDbClient } from '#composition/cases-table';
import { issueFormToken } from '#adapters/http/form-token';
import { httpApiEvent } from '#tests/support/http-api-event';
import { lambdaContext } from '#tests/support/lambda-context';
import { policiesFile } from '#tests/support/policies';

const table = `t-${randomUUID()}`;
const secrets = mockClient(SecretsManagerClient);
const saved = { ...process.env };
beforeAll(async () => {
  Object.assign(process.env, {
    REDRESS_STACK: 'aws',
    REDRESS_POLICIES_FILE: policiesFile(),
    REDRESS_TABLE: table,
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_FORM_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:redress-form-secret',
  });
  // Secrets Manager has no local server: it alone is mocked, and the one request the cold start makes asserted.
  secrets.on(GetSecretValueCommand, { SecretId: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:redress-form-secret' }).resolves({ SecretString: 'test-form-secret-0123456789-0123456789' });
  await ensureTable(dynamoDbClient(loadConfig()), table);
});
afterAll(() => {
  expect(secrets.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:redress-form-secret' }]);
  secrets.restore();
  process.env = saved;
});

function event(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return httpApiEvent(method, path, { ...(body === undefined ? {} : { body }), headers });
}

describe('complaint-form handler', () => {
  it('serves the form page', async () => {
    const { handler } = await import('#functions/complaint-form');
    const response = await handler(event('GET', '/forms/alumot'), lambdaContext());
    expect(response).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringMatching(/^text\/html; charset=utf-8$/i) as string } });
    expect(typeof response === 'object' && response.body).toContain('Make a complaint to Alumot');
  });

  it('takes a JSON complaint sent as base64 and answers with the reference', async () => {
    const { handler } = await import('#functions/complaint-form');
    const email = `lambda.form.${Date.now()}@example.net`;
    const body = JSON.stringify({
      formToken: issueFormToken('test-form-secret-0123456789-0123456789', 'alumot', Date.now() - 60_000),
      name: 'Ari Lambda',
      email,
      summary: 'The helpline never called me back.',
      consent: true,
    });
    const response = await handler(event('POST', '/forms/alumot', body, { 'Content-Type': 'application/json' }), lambdaContext());
    expect(typeof response === 'object' && response.statusCode).toBe(201);
    const { reference } = JSON.parse(typeof response === 'object' ? (response.body as string) : '{}') as { reference: string };
    const cases = new DynamoDbCases(casesTable(loadConfig()), 86_400);
    expect(await cases.get(reference)).toMatchObject({ channel: 'web', complainant: { email, name: 'Ari Lambda', emailConfirmed: false } });
    expect((await cases.timeline(reference)).find((e) => e.type === 'received')?.detail).toMatchObject({ sourceIp: '198.51.100.7' });
    // The reference was given once the case and every letter it owes were stored: they wait in the outbox.
    const outbox = await new DynamoDbOutbox(casesTable(loadConfig()), 86_400).ofCase(reference);
    expect(outbox.map((e) => (e.kind === 'letter' ? `${e.letter.purpose} to ${e.letter.to.join(',')}` : e.kind))).toEqual([
      `confirm-address to ${email}`,
      // The CEO's staff address (noticeEmail), never the complaints address, which would bring it straight back in.
      'new-case-notice to ceo.notices@alumot.example',
      'timers',
    ]);
  });

  it('answers 404 for paths that are not forms', async () => {
    const { handler } = await import('#functions/complaint-form');
    expect(await handler(event('GET', '/admin'), lambdaContext())).toMatchObject({ statusCode: 404 });
  });
});
