/**
 * The Lambda handlers end to end: an SES receipt event into the intake function gives a case with its letters
 * and timer intent in the outbox of DynamoDB Local; the outbox sender function then sends the acknowledgement
 * through the SES emulator and sets the timers. S3 and EventBridge Scheduler have no local server here, so they
 * alone are mocked, and their requests asserted exactly. The functions' clock is fixed, so no day breaks it.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { CreateScheduleCommand, DeleteScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { SCHEDULER_ENV } from '#tests/support/scheduler-env';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { loadConfig } from '#config/config';
import { casesTable, dynamoDbClient } from '#composition/cases-table';
import { lambdaContext } from '#tests/support/lambda-context';
import { policiesFile } from '#tests/support/policies';
import { sentEmails } from '#tests/support/ses-outbox';
import { startSesEmulator } from '#local/ses-emulator';
import type { RunningServer } from '#local/dynamodb-local';

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
// This file's own SES emulator, so what it finds sent only this file can have sent.
let ses: RunningServer;
beforeAll(async () => {
  ses = await startSesEmulator(0);
  // Only Date is faked: the functions' clock reads five minutes after the message came in, whatever the day.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T10:05:00.000Z') });
  Object.assign(process.env, {
    REDRESS_STACK: 'aws',
    REDRESS_POLICIES_FILE: policiesFile(),
    REDRESS_TABLE: table,
    REDRESS_RAW_MAIL_BUCKET: 'raw-mail-bucket',
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: ses.endpoint,
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
afterAll(async () => {
  await ses.stop();
  vi.useRealTimers();
  process.env = saved;
  s3.restore();
  scheduler.restore();
});

describe('email-intake handler', () => {
  it('reads the raw mail SES stored and opens a case, once, however often SES invokes it; the outbox sender sends its letters', async () => {
    const { handler } = await import('#functions/email-intake');
    const context: Context = lambdaContext('redress-email-intake');
    expect(await handler(sesEvent(), context)).toEqual({ taken: 1 });
    expect(await handler(sesEvent(), context)).toEqual({ taken: 1 });

    const cases = await new DynamoDbCases(casesTable(loadConfig()), 86_400).newestFirst('county-council');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ channel: 'email', complainant: { email: from, name: 'Lee Lambda' }, receivedAt: '2026-11-23T10:00:00.000Z' });
    // Intake sends nothing and sets no timer itself: the letters and the timer intent wait in the outbox.
    expect(await sentEmails(ses.endpoint, from)).toHaveLength(0);
    expect(scheduler.calls()).toHaveLength(0);
    const reference = cases[0]?.reference as string;
    expect((await new DynamoDbOutbox(casesTable(loadConfig()), 86_400).ofCase(reference)).map((e) => [e.kind, e.kind === 'letter' ? e.letter.purpose : '', e.status])).toEqual([
      ['letter', 'acknowledgement', 'pending'],
      ['letter', 'new-case-notice', 'pending'],
      ['timers', '', 'pending'],
    ]);

    const sender = await import('#functions/outbox-sender');
    expect(await sender.handler({ Records: [{ eventName: 'INSERT' }] }, lambdaContext('redress-outbox-sender'))).toEqual({ sent: 2, timersSet: 1, failed: 0, dead: 0, waiting: 0 });
    expect(await sender.handler({ sweep: true }, lambdaContext('redress-outbox-sender'))).toEqual({ sent: 0, timersSet: 0, failed: 0, dead: 0, waiting: 0 });
    expect(await sentEmails(ses.endpoint, from)).toHaveLength(1);

    // Each invocation reads the stored message; the second finds its digest already taken in and stops there.
    const stored = { Bucket: 'raw-mail-bucket', Key: `inbound/${messageId}` };
    expect(s3.commandCalls(HeadObjectCommand).map((c) => c.args[0].input)).toEqual([stored, stored]);
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input)).toEqual([stored, stored]);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);

    // The case's timers: its acknowledgement was sent at once, so the response and its absolute limit remain.
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
    await expect(handler({ Records: [{ eventSource: 'aws:s3' }] }, lambdaContext())).rejects.toThrow(/eventSource/);
  });
});
