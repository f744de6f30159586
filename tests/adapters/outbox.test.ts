/**
 * The outbox's lease and recording rules (Outbox): one contract, run against the memory fake and the DynamoDB
 * adapter on DynamoDB Local, so the fake cannot drift from the table. On DynamoDB a letter's body is an item of its
 * own, written once; the state a lease or a mark rewrites stays small. The DynamoDB-only checks read the items.
 */
import { randomUUID } from 'node:crypto';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { newOutboxRecords } from '#adapters/dynamodb/outbox-records';
import { key, TTL_ATTRIBUTE } from '#adapters/dynamodb/table-design';
import { MemoryCases } from '#adapters/memory/memory-cases';
import { MemoryOutbox } from '#adapters/memory/memory-outbox';
import { MemoryTables } from '#adapters/memory/memory-tables';
import type { Cases } from '#application/ports/cases';
import type { Outbox } from '#application/ports/outbox';
import { LeaseLostError } from '#application/ports/store-errors';
import { casesTable } from '#composition/cases-table';
import { loadConfig } from '#config/config';
import { letterItem, timersItem, type LetterToSend } from '#domain/outbox/outbox-item';

const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_TABLE: `t-${randomUUID()}`, REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint') });
const table = casesTable(config);
beforeAll(async () => {
  await ensureTable(table.client, config.REDRESS_TABLE);
});

const KEEP_SECONDS = 86_400;
const T0 = '2026-11-23T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** A letter on a case of its own (each test its own reference, so the tests share one table). */
function letter(reference: string | undefined, over: Partial<LetterToSend> = {}): LetterToSend {
  const id = `${reference ?? 'no-case'}.acknowledgement.${randomUUID()}`;
  return {
    id,
    purpose: 'acknowledgement',
    ...(reference ? { reference } : {}),
    toComplainant: true,
    from: { address: 'complaints@alumot.example', name: 'Alumot' },
    to: ['pat@example.net'],
    subject: `[${reference}] We have received your complaint`,
    text: 'Dear Pat,\n\nWe have your complaint. '.repeat(60),
    html: `<p>${'We have your complaint. '.repeat(60)}</p>`,
    messageId: `<${id}@redress.test>`,
    autoSubmitted: 'auto-replied',
    ...over,
  };
}

describe.each([
  ['memory', () => {
    const tables = new MemoryTables();
    return { outbox: new MemoryOutbox(tables, KEEP_SECONDS), cases: new MemoryCases(tables) };
  }],
  ['DynamoDB', () => ({ outbox: new DynamoDbOutbox(table, KEEP_SECONDS), cases: new DynamoDbCases(table, 0) })],
] as [string, () => { outbox: Outbox; cases: Cases }][])('the outbox (%s)', (_name, make) => {
  it('lists a letter by its header, and hands its body over with its lease and with its case', async () => {
    const { outbox } = make();
    const reference = `ALU-${randomUUID()}`;
    const sent = letter(reference);
    await outbox.add([letterItem(sent), timersItem(reference, 1)], T0);
    const listed = (await outbox.pending(1000)).find((e) => e.id === sent.id);
    expect(listed).toMatchObject({ kind: 'letter', status: 'pending', letter: { subject: sent.subject, to: sent.to } });
    expect(listed?.kind === 'letter' && 'text' in listed.letter).toBe(false);
    expect((await outbox.get(sent.id))?.kind === 'letter' && 'text' in ((await outbox.get(sent.id)) as { letter: object }).letter).toBe(false);
    const leased = await outbox.lease(sent.id, T0, at(60));
    expect(leased?.kind === 'letter' ? leased.letter : undefined).toEqual(sent);
    const ofCase = await outbox.ofCase(reference);
    expect(ofCase.map((e) => e.id).sort()).toEqual([sent.id, timersItem(reference, 1).id].sort());
    expect(ofCase.find((e) => e.id === sent.id)).toMatchObject({ letter: { text: sent.text, html: sent.html } });
  });

  it('a lease lost mid-send (it ran out and another sender took the letter): the first cannot record or fail it, the second records it once', async () => {
    const { outbox, cases } = make();
    const reference = `ALU-${randomUUID()}`;
    const sent = letter(reference);
    await outbox.add([letterItem(sent)], T0);
    const first = await outbox.lease(sent.id, T0, at(60));
    expect(await outbox.lease(sent.id, at(30), at(90))).toBeUndefined();
    const second = await outbox.lease(sent.id, at(61), at(121));
    expect(second).toMatchObject({ lapsedLease: at(60), letter: { text: sent.text } });
    await expect(outbox.markSent(first as NonNullable<typeof first>, 'ses-first', at(62))).rejects.toThrow(LeaseLostError);
    await expect(outbox.markFailed(first as NonNullable<typeof first>, 'Throttling', at(62), at(120))).rejects.toThrow(LeaseLostError);
    await outbox.markSent(second as NonNullable<typeof second>, 'ses-second', at(63), { earlierAttemptCutOff: at(60) });
    expect(await outbox.get(sent.id)).toMatchObject({ status: 'sent', providerMessageId: 'ses-second', attempts: 0 });
    const events = (await cases.timeline(reference)).filter((e) => e.type === 'mail-out');
    expect(events.map((e) => e.detail?.providerMessageId)).toEqual(['ses-second']);
  });

  it('a crash between the send and the mark: the Send event kept on the entry comes back with the next lease, body and all', async () => {
    const { outbox } = make();
    const reference = `ALU-${randomUUID()}`;
    const sent = letter(reference);
    await outbox.add([letterItem(sent)], T0);
    await outbox.lease(sent.id, T0, at(60));
    expect(await outbox.recordAccepted(sent.id, 'ses-taken')).toBe(true);
    expect(await outbox.recordAccepted(sent.id, 'ses-other')).toBe(false);
    const next = await outbox.lease(sent.id, at(61), at(121));
    expect(next).toMatchObject({ providerMessageId: 'ses-taken', lapsedLease: at(60), letter: { text: sent.text } });
    await outbox.markSent(next as NonNullable<typeof next>, 'ses-taken', at(62), { foundAlreadySent: true });
    expect(await outbox.lease(sent.id, at(200), at(260))).toBeUndefined();
  });

  it('a failed attempt waits its turn, keeps its body, and a timer intent is done with one mark', async () => {
    const { outbox } = make();
    const reference = `ALU-${randomUUID()}`;
    const sent = letter(reference);
    const timers = timersItem(reference, 3);
    await outbox.add([letterItem(sent), timers], T0);
    const leased = await outbox.lease(sent.id, T0, at(60));
    await outbox.markFailed(leased as NonNullable<typeof leased>, 'Throttling: slow down', at(1), at(30));
    expect(await outbox.lease(sent.id, at(2), at(62))).toBeUndefined();
    expect(await outbox.lease(sent.id, at(30), at(90))).toMatchObject({ attempts: 1, lastError: 'Throttling: slow down', letter: { html: sent.html } });
    const timer = await outbox.lease(timers.id, T0, at(60));
    await outbox.markDone(timer as NonNullable<typeof timer>, at(5));
    expect(await outbox.get(timers.id)).toMatchObject({ status: 'done', sentAt: at(5) });
  });

  it('a letter about no case expires once given up, and is whole again when an operator retries it', async () => {
    const { outbox } = make();
    const notice = letter(undefined, { purpose: 'digest', toComplainant: false });
    await outbox.add([letterItem(notice)], T0);
    const leased = await outbox.lease(notice.id, T0, at(60));
    await outbox.markFailed(leased as NonNullable<typeof leased>, 'MessageRejected', at(1), undefined);
    expect(await outbox.get(notice.id)).toMatchObject({ status: 'dead', expiresAt: at(1 + KEEP_SECONDS) });
    expect(await outbox.retry(notice.id, at(10))).toBe(true);
    expect((await outbox.get(notice.id))?.expiresAt).toBeUndefined();
    expect(await outbox.lease(notice.id, at(10), at(70))).toMatchObject({ letter: { text: notice.text } });
  });

  it("destroying a case's letters takes their bodies with them; its timer intents stay", async () => {
    const { outbox } = make();
    const reference = `ALU-${randomUUID()}`;
    const letters = Array.from({ length: 14 }, () => letter(reference));
    await outbox.add([...letters.map(letterItem), timersItem(reference, 2)], T0);
    expect(await outbox.forgetLetters(reference)).toBe(14);
    expect((await outbox.ofCase(reference)).map((e) => e.kind)).toEqual(['timers']);
    expect(await outbox.lease(letters[0]?.id as string, T0, at(60))).toBeUndefined();
  });
});

describe('the outbox items on DynamoDB', () => {
  const outbox = new DynamoDbOutbox(table, KEEP_SECONDS);
  const item = async (k: { PK: string; SK: string }) => {
    const got = await table.client.send(new GetItemCommand({ TableName: table.name, Key: marshall(k), ConsistentRead: true }));
    return got.Item ? unmarshall(got.Item) : undefined;
  };

  it("a letter is a state (what a lease and a mark rewrite, its size not the letter's) and a body written once beside it", async () => {
    const reference = `ALU-${randomUUID()}`;
    const short = letter(reference);
    const long = letter(reference, { text: short.text.repeat(20), html: short.html.repeat(20) });
    await outbox.add([letterItem(short), letterItem(long)], T0);
    for (const sent of [short, long]) {
      const leased = await outbox.lease(sent.id, T0, at(60));
      await outbox.markSent(leased as NonNullable<typeof leased>, 'ses-1', at(1));
      expect((await item(key.outboxBody(sent.id)))?.body).toEqual({ text: sent.text, html: sent.html });
    }
    const [shortState, longState] = await Promise.all([item(key.outbox(short.id)), item(key.outbox(long.id))]);
    expect(JSON.stringify(longState)).not.toContain('We have your complaint');
    expect(JSON.stringify(longState).length).toBe(JSON.stringify(shortState).length);
  });

  it('a body about no case expires with its state, and is kept again when the letter is retried', async () => {
    const notice = letter(undefined, { purpose: 'digest', toComplainant: false });
    await outbox.add([letterItem(notice)], T0);
    const leased = await outbox.lease(notice.id, T0, at(60));
    await outbox.markSent(leased as NonNullable<typeof leased>, 'ses-2', at(1));
    expect((await item(key.outboxBody(notice.id)))?.[TTL_ATTRIBUTE]).toBe(Math.floor(Date.parse(at(1)) / 1000) + KEEP_SECONDS);
    const failing = letter(undefined, { purpose: 'digest', toComplainant: false });
    await outbox.add([letterItem(failing)], T0);
    const held = await outbox.lease(failing.id, T0, at(60));
    await outbox.markFailed(held as NonNullable<typeof held>, 'MessageRejected', at(1), undefined);
    expect((await item(key.outboxBody(failing.id)))?.[TTL_ATTRIBUTE]).toBeTypeOf('number');
    await outbox.retry(failing.id, at(5));
    expect((await item(key.outboxBody(failing.id)))?.[TTL_ATTRIBUTE]).toBeUndefined();
  });

  it('a letter written before bodies were kept apart (its body in its state) is still leased whole and sent', async () => {
    const reference = `ALU-${randomUUID()}`;
    const old = letter(reference);
    const [state] = newOutboxRecords(letterItem(old), T0);
    await table.client.send(new PutItemCommand({ TableName: table.name, Item: marshall({ ...state?.key, ...state?.attributes, item: letterItem(old) }, { removeUndefinedValues: true }) }));
    const leased = await outbox.lease(old.id, T0, at(60));
    expect(leased?.kind === 'letter' ? leased.letter : undefined).toEqual(old);
    expect((await outbox.ofCase(reference)).map((e) => (e.kind === 'letter' ? e.letter.text : ''))).toEqual([old.text]);
  });
});
