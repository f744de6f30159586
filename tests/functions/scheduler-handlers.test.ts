/** The deadline-timer and daily-digest Lambdas, invoked as EventBridge Scheduler invokes them, on the local servers. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { MovableClock } from '#adapters/memory/movable-clock';
import { casesTable } from '#composition/aws-clients';
import { composeLocalStack } from '#composition/local-stack';
import { loadConfig } from '#config/config';
import { complaintEmail } from '#tests/support/deliver';
import { lambdaContext } from '#tests/support/lambda-context';
import { policiesFile, seedPolicies } from '#tests/support/policies';
import { SCHEDULER_ENV } from '#tests/support/scheduler-env';
import { quietLog } from '#tests/support/test-stack';

const saved = { ...process.env };
const table = `t-${randomUUID()}`;
beforeAll(async () => {
  Object.assign(process.env, {
    REDRESS_STACK: 'aws',
    REDRESS_POLICIES_FILE: policiesFile(),
    REDRESS_TABLE: table,
    REDRESS_RAW_MAIL_BUCKET: 'raw-mail-bucket',
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    ...SCHEDULER_ENV,
  });
  await ensureTable(casesTable(loadConfig()).client, table);
  // One open Alumot case, taken in on Monday 23 November 2026 through the local stack on the same table.
  const local = composeLocalStack(loadConfig({ ...process.env, REDRESS_STACK: 'local', REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'digest-')) }), {
    log: quietLog,
    policies: seedPolicies,
    clock: new MovableClock(new Date('2026-11-23T10:00:00Z')),
  });
  const mail = complaintEmail({ to: 'Shaked@alumot.uk' });
  await local.rawMail.put('inbound/digest.eml', Buffer.from(mail.raw.replace(/\n/g, '\r\n')));
  await local.useCases.takeEmail({ rawKey: 'inbound/digest.eml', recipients: ['Shaked@alumot.uk'], receivedAt: '2026-11-23T10:00:00Z' });
});
afterEach(() => vi.useRealTimers());
afterAll(() => {
  process.env = saved;
});

describe('deadline-timer handler', () => {
  it('re-reads the case and does nothing for one that does not exist', async () => {
    const { handler } = await import('#functions/deadline-timer');
    const input = { reference: 'ALU-2026-0999', stage: 'stage-1', kind: 'respond', dueAt: '2026-12-21T23:59:59.999+00:00', deadlinesVersion: 1, purpose: 'deadline' };
    expect(await handler(input, lambdaContext())).toEqual({ outcome: 'missing' });
  });

  it('refuses an input that is not a timer, so Scheduler retries and dead-letters it', async () => {
    const { handler } = await import('#functions/deadline-timer');
    await expect(handler({ reference: 'x' }, lambdaContext())).rejects.toThrow(/stage/);
  });
});

describe('daily-digest handler', () => {
  const digests = async () => (await new DynamoDbOutbox(casesTable(loadConfig())).pending(100)).filter((e) => e.kind === 'letter' && e.letter.purpose === 'digest');

  it('on a bank holiday (Monday 28 December 2026, the Boxing Day substitute) sends nothing to anyone', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-28T08:00:00Z') });
    const { handler } = await import('#functions/daily-digest');
    const outcomes = await handler({}, lambdaContext());
    expect(outcomes).toEqual({ alumot: 'not-a-working-day', 'connect-north-yorkshire': 'not-a-working-day', 'connected-together': 'not-a-working-day', 'county-council': 'not-a-working-day', 'not-alone-mentoring': 'not-a-working-day' });
    expect(await digests()).toEqual([]);
  });

  it('on a working morning queues one digest for the organisation with an open case, and none for the rest; run twice, still one', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T08:00:00Z') });
    const { handler } = await import('#functions/daily-digest');
    const expected = { alumot: 'sent', 'connect-north-yorkshire': 'nothing-to-say', 'connected-together': 'nothing-to-say', 'county-council': 'nothing-to-say', 'not-alone-mentoring': 'nothing-to-say' };
    expect(await handler({}, lambdaContext())).toEqual(expected);
    expect(await handler({}, lambdaContext())).toEqual({ ...expected, alumot: 'already-sent' });
    const queued = await digests();
    expect(queued.map((e) => e.id)).toEqual(['alumot.digest.2026-11-24']);
    const letter = queued[0]?.kind === 'letter' ? queued[0].letter : undefined;
    expect(letter?.subject).toBe('Complaints digest for Tuesday 24 November 2026: Alumot');
    expect(letter?.text).toContain('ALU-2026-0001');
  });

  it('does only the task its schedule names: the digest schedule sends no report, the report schedule no digest', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T08:00:00Z') });
    const { handler } = await import('#functions/daily-digest');
    const digestsOnly = await handler({ task: 'digests' }, lambdaContext());
    expect(Object.keys(digestsOnly).sort()).toEqual(['alumot', 'connect-north-yorkshire', 'connected-together', 'county-council', 'not-alone-mentoring']);
    const reportsOnly = await handler({ task: 'annual-reports' }, lambdaContext());
    expect(Object.keys(reportsOnly).sort()).toEqual(['alumot', 'connect-north-yorkshire', 'connected-together', 'county-council', 'not-alone-mentoring'].map((p) => `${p} annual report`));
    // Not January: no report is due.
    expect(Object.values(reportsOnly).every((o) => o !== 'sent')).toBe(true);
    await expect(handler({ task: 'reports' }, lambdaContext())).rejects.toThrow(/task/);
  });
});
