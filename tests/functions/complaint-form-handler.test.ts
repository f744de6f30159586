/** The form Lambda end to end: API Gateway HTTP API events in, a case in DynamoDB Local and mail in the SES emulator out. */
import { randomUUID } from 'node:crypto';
import { CreateScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCHEDULER_ENV } from '#tests/support/scheduler-env';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbCaseStore } from '#adapters/dynamodb/dynamodb-case-store';
import { loadConfig } from '#config/config';
import { attemptContext } from '#composition/attempt-context';
import { dynamoDbClient } from '#composition/aws-clients';
import { issueFormToken } from '#adapters/http/form-token';
import { sentEmails } from '#tests/support/ses-outbox';

const table = `t-${randomUUID()}`;
const scheduler = mockClient(SchedulerClient);
const saved = { ...process.env };
beforeAll(async () => {
  Object.assign(process.env, {
    REDRESS_STACK: 'aws',
    REDRESS_TABLE: table,
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: inject('sesEndpoint'),
    REDRESS_FORM_SECRET: 'test-form-secret-0123456789-0123456789',
    ...SCHEDULER_ENV,
  });
  scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
  scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-2:123456789012:schedule/redress/x' });
  await ensureTable(dynamoDbClient(loadConfig()), table);
});
afterAll(() => {
  process.env = saved;
  scheduler.restore();
});

function event(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    rawPath: path,
    headers,
    ...(body === undefined ? {} : { body: Buffer.from(body).toString('base64'), isBase64Encoded: true }),
    requestContext: { http: { method, path, sourceIp: '198.51.100.7' } },
  };
}

describe('complaint-form handler', () => {
  it('serves the form page', async () => {
    const { handler } = await import('#functions/complaint-form');
    const response = await handler(event('GET', '/forms/alumot'), attemptContext(10_000));
    expect(response).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
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
    const response = await handler(event('POST', '/forms/alumot', body, { 'Content-Type': 'application/json' }), attemptContext(10_000));
    expect(typeof response === 'object' && response.statusCode).toBe(201);
    const { reference } = JSON.parse(typeof response === 'object' ? (response.body as string) : '{}') as { reference: string };
    const c = await new DynamoDbCaseStore(dynamoDbClient(loadConfig()), table).getCase(reference);
    expect(c).toMatchObject({ channel: 'web', complainant: { email, name: 'Ari Lambda' } });
    const timeline = await new DynamoDbCaseStore(dynamoDbClient(loadConfig()), table).timeline(reference);
    expect(timeline.find((e) => e.type === 'received')?.detail).toMatchObject({ sourceIp: '198.51.100.7' });
    expect(await sentEmails(inject('sesEndpoint'), email)).toHaveLength(1);
    // Alumot stage one: the acknowledgement went out at once; the response timer and its reminder remain.
    expect(scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input.Name)).toEqual([
      `${reference}.v1.stage-1.respond`,
      `${reference}.v1.stage-1.respond.remind`,
    ]);
  });

  it('answers 404 for paths that are not forms', async () => {
    const { handler } = await import('#functions/complaint-form');
    expect(await handler(event('GET', '/admin'), attemptContext(10_000))).toMatchObject({ statusCode: 404 });
  });
});
