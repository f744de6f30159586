/**
 * The Lambda handler end to end: an SES receipt event in, a case in DynamoDB Local and an acknowledgement
 * in the SES emulator out. S3 has no local server here, so it alone is mocked, and its requests asserted.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { CreateScheduleCommand, DeleteScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { SCHEDULER_ENV } from '#tests/support/scheduler-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbCaseStore } from '#adapters/dynamodb/dynamodb-case-store';
import { loadConfig } from '#config/config';
import { attemptContext } from '#composition/attempt-context';
import { dynamoDbClient } from '#composition/aws-clients';
import { sentEmails } from '#tests/support/ses-outbox';

const s3 = mockClient(S3Client);
// EventBridge Scheduler has no local server: it alone (with S3) is mocked, and its requests are asserted exactly.
const scheduler = mockClient(SchedulerClient);
const table = `t-${randomUUID()}`;
const messageId = `ses-${randomUUID()}`;
const from = `lambda.${Date.now()}@example.net`;
const raw = Buffer.from(
  [`From: Lee Lambda <${from}>`, 'To: complaints@county-council.example', 'Subject: Bins not collected', `Message-ID: <${messageId}@example.net>`, '', 'Three weeks running.', ''].join('\r\n'),
);

function sesEvent(verdicts: Record<string, { status: string }> = {}) {
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: { messageId, timestamp: '2026-11-23T10:00:00.000Z', source: from, destination: ['complaints@county-council.example'] },
          receipt: {
            timestamp: '2026-11-23T10:00:00.000Z',
            recipients: ['complaints@county-council.example'],
            spamVerdict: { status: 'PASS' },
            virusVerdict: { status: 'PASS' },
            spfVerdict: { status: 'PASS' },
            dkimVerdict: { status: 'PASS' },
            dmarcVerdict: { status: 'PASS' },
            ...verdicts,
          },
        },
      },
    ],
  };
}

const saved = { ...process.env };
beforeAll(async () => {
  Object.assign(process.env, {
    REDRESS_STACK: 'aws',
    REDRESS_TABLE: table,
    REDRESS_RAW_MAIL_BUCKET: 'raw-mail-bucket',
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: inject('sesEndpoint'),
    ...SCHEDULER_ENV,
  });
  scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
  scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-2:123456789012:schedule/redress/x' });
  await ensureTable(dynamoDbClient(loadConfig()), table);
  s3.on(HeadObjectCommand, { Bucket: 'raw-mail-bucket', Key: `inbound/${messageId}` }).resolves({ ContentLength: raw.length });
  s3.on(GetObjectCommand, { Bucket: 'raw-mail-bucket', Key: `inbound/${messageId}` }).callsFake(() => ({
    // The SDK's Node body is a Readable with helper methods the store does not use.
    Body: Readable.from([raw]) as unknown as GetObjectCommandOutput['Body'],
  }));
});
afterAll(() => {
  process.env = saved;
  s3.restore();
  scheduler.restore();
});

describe('email-intake handler', () => {
  it('reads the raw mail SES stored and opens a case, once, however often SES invokes it', async () => {
    const { handler } = await import('#functions/email-intake');
    const context: Context = attemptContext(30_000);
    expect(await handler(sesEvent(), context)).toEqual({ taken: 1 });
    expect(await handler(sesEvent(), context)).toEqual({ taken: 1 });

    const store = new DynamoDbCaseStore(dynamoDbClient(loadConfig()), table);
    const cases = await store.listCases('county-council');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ channel: 'email', complainant: { email: from, name: 'Lee Lambda' }, receivedAt: '2026-11-23T10:00:00.000Z' });
    expect(await sentEmails(inject('sesEndpoint'), from)).toHaveLength(1);

    expect(s3.commandCalls(HeadObjectCommand).map((c) => c.args[0].input)).toEqual([{ Bucket: 'raw-mail-bucket', Key: `inbound/${messageId}` }]);
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input)).toEqual([{ Bucket: 'raw-mail-bucket', Key: `inbound/${messageId}` }]);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);

    // The case's timers: its acknowledgement was sent at once, so the response and its absolute limit remain.
    const reference = cases[0]?.reference as string;
    const target = (input: object) => ({
      Arn: SCHEDULER_ENV.REDRESS_DEADLINE_FUNCTION_ARN,
      RoleArn: SCHEDULER_ENV.REDRESS_SCHEDULER_ROLE_ARN,
      Input: JSON.stringify(input),
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
      DeadLetterConfig: { Arn: SCHEDULER_ENV.REDRESS_TIMER_DLQ_ARN },
    });
    const timer = (kind: string, dueAt: string, purpose: string) => ({ reference, stage: 'stage-1', kind, dueAt, deadlinesVersion: 1, purpose });
    const common = { GroupName: 'redress-timers', ScheduleExpressionTimezone: 'Europe/London', FlexibleTimeWindow: { Mode: 'OFF' }, ActionAfterCompletion: 'DELETE' };
    expect(scheduler.commandCalls(ListSchedulesCommand).map((c) => c.args[0].input)).toEqual([{ GroupName: 'redress-timers', NamePrefix: `${reference}.` }]);
    expect(scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input)).toEqual([
      // Monday 23 November 2026 + 10 working days = Monday 7 December; the timer goes off as 8 December begins.
      { Name: `${reference}.v1.stage-1.respond`, ScheduleExpression: 'at(2026-12-08T00:00:00)', ...common, Target: target(timer('respond', '2026-12-07T23:59:59.999+00:00', 'deadline')) },
      // Two working days before: Thursday 3 December, 09:00.
      { Name: `${reference}.v1.stage-1.respond.remind`, ScheduleExpression: 'at(2026-12-03T09:00:00)', ...common, Target: target(timer('respond', '2026-12-07T23:59:59.999+00:00', 'reminder')) },
      // + 20 working days = Monday 21 December.
      { Name: `${reference}.v1.stage-1.respond-max`, ScheduleExpression: 'at(2026-12-22T00:00:00)', ...common, Target: target(timer('respond-max', '2026-12-21T23:59:59.999+00:00', 'deadline')) },
    ]);
    expect(scheduler.commandCalls(DeleteScheduleCommand)).toHaveLength(0);
  });

  it('refuses an event that is not an SES receipt, so Lambda retries and dead-letters it', async () => {
    const { handler } = await import('#functions/email-intake');
    await expect(handler({ Records: [{ eventSource: 'aws:s3' }] }, attemptContext(1000))).rejects.toThrow(/eventSource/);
  });
});
