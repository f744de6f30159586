/**
 * The deadline-timer and daily-digest Lambdas, invoked as EventBridge Scheduler invokes them, and the mail-events
 * Lambda as an EventBridge rule invokes it with SES's events, on the local servers.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { MemoryMailer } from '#adapters/memory/memory-mailer';
import { MovableClock } from '#adapters/memory/movable-clock';
import { letterTagValue } from '#adapters/ses/ses-delivery-event';
import { casesTable } from '#composition/cases-table';
import { composeLocalStack } from '#composition/local-stack';
import { loadConfig } from '#config/config';
import { complaintEmail } from '#tests/support/deliver';
import { lambdaContext } from '#tests/support/lambda-context';
import { policiesFile, seedPolicies } from '#tests/support/policies';
import { SCHEDULER_ENV } from '#tests/support/scheduler-env';
import { quietLog } from '#tests/support/test-stack';

const saved = { ...process.env };
const table = `t-${randomUUID()}`;
let alumotCase = '';
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
  const [taken] = await local.useCases.takeEmail({ rawKey: 'inbound/digest.eml', recipients: ['Shaked@alumot.uk'], receivedAt: '2026-11-23T10:00:00Z' });
  if (taken?.kind !== 'case-opened') throw new Error(JSON.stringify(taken));
  alumotCase = taken.reference;
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
  const digests = async () => (await new DynamoDbOutbox(casesTable(loadConfig()), 86_400).pending(100)).filter((e) => e.kind === 'letter' && e.letter.purpose === 'digest');

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
    // Its words are kept apart from its state, and come with its lease, as the sender takes it.
    const leased = await new DynamoDbOutbox(casesTable(loadConfig()), 86_400).lease('alumot.digest.2026-11-24', '2026-11-24T08:00:00.000Z', '2026-11-24T08:05:00.000Z');
    const letter = leased?.kind === 'letter' ? leased.letter : undefined;
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

describe('mail-events handler', () => {
  const sesEvent = (reference: string, bounceType: string) => ({
    version: '0',
    id: randomUUID(),
    'detail-type': 'Email Bounced',
    source: 'aws.ses',
    account: '123456789012',
    time: '2026-11-23T10:05:00Z',
    region: 'eu-west-2',
    resources: [],
    detail: {
      eventType: 'Bounce',
      mail: { timestamp: '2026-11-23T10:00:01.000Z', messageId: 'ses-message-1', source: 'shaked@alumot.uk', destination: ['pat@example.net'], tags: { 'ses:configuration-set': ['Redress-sending'], case: [reference] } },
      bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'pat@example.net' }], timestamp: '2026-11-23T10:05:00.000Z', feedbackId: `fb-${bounceType}` },
    },
  });

  it("puts a permanent bounce on the letter's case in DynamoDB: the address marked undeliverable, the handler told", async () => {
    const { handler } = await import('#functions/mail-events');
    const cases = new (await import('#adapters/dynamodb/dynamodb-cases')).DynamoDbCases(casesTable(loadConfig()), 86_400);
    const complainant = (await cases.get(alumotCase))?.complainant.email as string;
    const event = sesEvent(alumotCase, 'Permanent');
    event.detail.bounce.bouncedRecipients = [{ emailAddress: complainant }];
    expect(await handler(event, lambdaContext())).toEqual({ outcome: 'recorded' });
    expect((await cases.get(alumotCase))?.flags).toContain('complainant-undeliverable');
    expect((await cases.timeline(alumotCase)).filter((e) => e.type === 'undeliverable')).toHaveLength(1);
    const notices = (await new DynamoDbOutbox(casesTable(loadConfig()), 86_400).pending(100)).filter((e) => e.kind === 'letter' && e.letter.purpose === 'undeliverable-notice');
    expect(notices).toHaveLength(1);
  });

  it('refuses an event that is not an SES delivery event, so EventBridge retries and dead-letters it', async () => {
    const { handler } = await import('#functions/mail-events');
    await expect(handler({ source: 'aws.ses', detail: { eventType: 'Bounce' } }, lambdaContext())).rejects.toThrow(/mail/);
  });

  it("puts SES's Send event on the letter's outbox entry: the sender after an attempt cut off before recording it records the letter and sends it to no one", async () => {
    const { handler } = await import('#functions/mail-events');
    const outbox = new DynamoDbOutbox(casesTable(loadConfig()), 86_400);
    const [letter] = (await outbox.ofCase(alumotCase)).filter((e) => e.kind === 'letter' && e.status === 'pending');
    if (letter?.kind !== 'letter') throw new Error('no pending letter');
    // A sender leased it at 10:00 and, as far as the table knows, never came back; SES had taken the letter.
    expect(await outbox.lease(letter.id, '2026-11-23T10:00:00.000Z', '2026-11-23T10:02:00.000Z')).toMatchObject({ id: letter.id, leaseUntil: '2026-11-23T10:02:00.000Z' });
    const sent = (tags: Record<string, string[]>) => ({ version: '0', id: randomUUID(), 'detail-type': 'Email Sent', source: 'aws.ses', time: '2026-11-23T10:00:01Z', detail: { eventType: 'Send', mail: { timestamp: '2026-11-23T10:00:01.000Z', messageId: 'ses-sent-1', source: 'shaked@alumot.uk', destination: letter.letter.to, tags: { 'ses:configuration-set': ['Redress-sending'], ...tags } }, send: {} } });
    expect(await handler(sent({ letter: [letterTagValue(letter.id) as string] }), lambdaContext())).toEqual({ outcome: 'recorded' });
    expect(await handler(sent({ letter: [letterTagValue(letter.id) as string] }), lambdaContext())).toEqual({ outcome: 'already-recorded' });
    expect(await handler(sent({}), lambdaContext())).toEqual({ outcome: 'not-a-letter' });

    const mailer = new MemoryMailer();
    const after = composeLocalStack(loadConfig({ ...process.env, REDRESS_STACK: 'local', REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'sender-')) }), { log: quietLog, policies: seedPolicies, mailer, clock: new MovableClock(new Date('2026-11-23T10:02:01Z')) });
    await after.useCases.sendDueLetters();
    expect(mailer.sent.filter((m) => m.id === letter.id)).toEqual([]);
    expect(await outbox.get(letter.id)).toMatchObject({ status: 'sent', providerMessageId: 'ses-sent-1' });
    const recorded = (await after.cases.timeline(alumotCase)).filter((e) => e.type === 'mail-out' && e.detail?.outboxId === letter.id);
    expect(recorded.map((e) => e.detail)).toEqual([expect.objectContaining({ providerMessageId: 'ses-sent-1', foundAlreadySent: true })]);
  });
});
