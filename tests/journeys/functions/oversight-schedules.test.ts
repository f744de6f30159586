/**
 * The weekly look for themes and the quarterly summary, from the daily-digest Lambda as EventBridge Scheduler
 * invokes it, on DynamoDB Local: read from the reporting index, queued in the outbox, and sent by the outbox
 * sender like every other letter.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { key } from '#adapters/dynamodb/table-design';
import { MemoryMailer } from '#adapters/memory/memory-mailer';
import { MovableClock } from '#adapters/memory/movable-clock';
import { casesTable } from '#composition/cases-table';
import { composeLocalStack } from '#composition/local-stack';
import { loadConfig } from '#config/config';
import { reportYears } from '#domain/reporting/report-record';
import { lambdaContext } from '#tests/support/lambda-context';
import { recordOn, recordsByWindow } from '#tests/support/oversight-records';
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
    REDRESS_PUBLIC_URL: 'https://complaints.example.org',
    ...SCHEDULER_ENV,
  });
  const { client } = casesTable(loadConfig());
  await ensureTable(client, table);
  // The council's reporting index as cases' writes leave it: roads well above its usual in the 30 days to
  // Monday 7 December 2026, and an answered complaint in the quarter before.
  const records = [
    ...recordsByWindow('2026-12-07', [14, 4, 3, 5, 2, 6, 4, 3, 7, 4, 5, 3, 4], { category: 'roads' }),
    recordOn('2026-10-05', { category: 'waste', outcomes: [{ stage: 'stage-1', decision: 'not-upheld', at: '2026-10-12T15:00:00.000Z', remedies: [], actions: [{ due: '2026-11-01' }] }] }),
  ];
  for (const r of records) for (const year of reportYears(r)) await client.send(new PutItemCommand({ TableName: table, Item: marshall({ ...key.reportRecord(r.policyId, year, r.reference), record: r }, { removeUndefinedValues: true }) }));
});
afterEach(() => vi.useRealTimers());
afterAll(() => {
  process.env = saved;
});

describe('the themes check and the quarterly summary on the morning schedules', () => {
  const outbox = () => new DynamoDbOutbox(casesTable(loadConfig()), 86_400);

  it("the digest schedule on the week's first working day queues the council's themes notice, once; the sender sends it", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T08:00:00Z') });
    const { handler } = await import('#functions/daily-digest');
    expect(await handler({ task: 'digests' }, lambdaContext())).toMatchObject({ 'county-council themes': 'sent' });
    expect(await handler({ task: 'digests' }, lambdaContext())).toMatchObject({ 'county-council themes': 'already-sent' });
    const queued = (await outbox().pending(100)).filter((e) => e.kind === 'letter' && e.letter.purpose === 'themes-notice');
    expect(queued.map((e) => e.id)).toEqual(['county-council.themes-notice.2026-W50']);

    vi.useRealTimers();
    const mailer = new MemoryMailer();
    const sender = composeLocalStack(loadConfig({ ...process.env, REDRESS_STACK: 'local', REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'themes-')) }), { log: quietLog, policies: seedPolicies, mailer, clock: new MovableClock(new Date('2026-12-07T08:00:05Z')) });
    await sender.useCases.sendDueLetters();
    const sent = mailer.sent.filter((m) => m.id === 'county-council.themes-notice.2026-W50');
    expect(sent.map((m) => [m.subject, [...m.to].sort()])).toEqual([['Complaints well above usual in the last 30 days: County Council', ['chief-executive.notices@county-council.example', 'customer-relations.notices@county-council.example']]]);
    expect(sent[0]?.text).toContain('- Roads, pavements and parking (category): 14 in the last 30 days; usually 4 (between 2 and 7).');
    expect(sent[0]?.text).toMatch(/CCC-2026-\d{4}: https:\/\/complaints\.example\.org\/console\/cases\/CCC-2026-\d{4}/);
  });

  it("the quarterly schedule on the quarter's first working day queues the summary for the Member Responsible for Complaints, once", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-04T08:00:00Z') });
    const { handler } = await import('#functions/daily-digest');
    const first = await handler({ task: 'quarterly-summaries' }, lambdaContext());
    expect(Object.keys(first).sort()).toEqual(['alumot', 'connect-north-yorkshire', 'connected-together', 'county-council', 'not-alone-mentoring'].map((p) => `${p} quarterly summary`));
    expect(first).toMatchObject({ 'county-council quarterly summary': 'sent', 'alumot quarterly summary': 'not-asked' });
    expect(await handler({ task: 'quarterly-summaries' }, lambdaContext())).toMatchObject({ 'county-council quarterly summary': 'already-sent' });
    const leased = await outbox().lease('county-council.quarterly-summary.2026-Q4', '2027-01-04T08:00:00.000Z', '2027-01-04T08:05:00.000Z');
    const letter = leased?.kind === 'letter' ? leased.letter : undefined;
    expect([letter?.subject, letter?.to]).toEqual(['Complaints, October to December 2026: the quarterly summary for the County Council', ['member-responsible.notices@county-council.example']]);
    // October to December: the 14 and 4 of the last two windows, and the waste complaint; July to September: 12.
    expect(letter?.text).toContain('Complaints received: 19 (the quarter before: 12).');
    expect(letter?.text).toContain('1 action agreed with a complainant is not yet done; it is past the date promised.');
  });
});
