/** The deadline-timer and daily-digest Lambdas, invoked as EventBridge Scheduler invokes them, on the local servers. */
import { randomUUID } from 'node:crypto';
import { ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { loadConfig } from '#config/config';
import { attemptContext } from '#composition/attempt-context';
import { dynamoDbClient } from '#composition/aws-clients';
import { SCHEDULER_ENV } from '#tests/support/scheduler-env';

const scheduler = mockClient(SchedulerClient);
const saved = { ...process.env };
beforeAll(async () => {
  Object.assign(process.env, {
    REDRESS_STACK: 'aws',
    REDRESS_TABLE: `t-${randomUUID()}`,
    REDRESS_RAW_MAIL_BUCKET: 'raw-mail-bucket',
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: inject('sesEndpoint'),
    ...SCHEDULER_ENV,
  });
  scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
  await ensureTable(dynamoDbClient(loadConfig()), process.env.REDRESS_TABLE as string);
});
afterAll(() => {
  process.env = saved;
  scheduler.restore();
});

describe('deadline-timer handler', () => {
  it('re-reads the case and does nothing for one that does not exist', async () => {
    const { handler } = await import('#functions/deadline-timer');
    const input = { reference: 'ALU-2026-0999', stage: 'stage-1', kind: 'respond', dueAt: '2026-12-21T23:59:59.999+00:00', deadlinesVersion: 1, purpose: 'deadline' };
    expect(await handler(input, attemptContext(10_000))).toEqual({ outcome: 'missing' });
  });

  it('refuses an input that is not a timer, so Scheduler retries and dead-letters it', async () => {
    const { handler } = await import('#functions/deadline-timer');
    await expect(handler({ reference: 'x' }, attemptContext(10_000))).rejects.toThrow(/stage/);
  });
});

describe('daily-digest handler', () => {
  it('answers for every organisation: nothing to say on an empty table (or not a working day)', async () => {
    const { handler } = await import('#functions/daily-digest');
    const outcomes = await handler({}, attemptContext(60_000));
    expect(Object.keys(outcomes).sort()).toEqual(['alumot', 'connect-north-yorkshire', 'connected-together', 'county-council', 'not-alone-mentoring']);
    for (const outcome of Object.values(outcomes)) expect(['nothing-to-say', 'not-a-working-day']).toContain(outcome);
  });
});
