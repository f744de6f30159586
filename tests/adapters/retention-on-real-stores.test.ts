/**
 * Destruction at retention on the real stores: DynamoDB Local (a table of the test's own) and the file raw-mail
 * store. A case with everything that can hold its complainant is destroyed, then every item of the table (a scan:
 * this is a test, not a request path) and every file of the raw-mail store are searched for the complainant's
 * address, name and words. The rules themselves are tested over the memory fakes in
 * tests/unit/retention-destroys-everything.test.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { TTL_ATTRIBUTE } from '#adapters/dynamodb/table-design';
import { caseWithEverything, destroyAtRetention, SECRETS, type JourneyStack } from '#tests/support/case-with-everything';
import { deliver } from '#tests/support/deliver';
import { testStack, type TestStack } from '#tests/support/test-stack';

let stack: TestStack;
let journey: JourneyStack;

beforeAll(async () => {
  stack = await testStack({ REDRESS_SENT_NOTICE_KEEP_DAYS: '30' });
  journey = {
    useCases: stack.useCases,
    cases: stack.cases,
    timers: stack.timers,
    clock: stack.clock,
    deliver: (raw, options) => deliver(stack, raw, options),
    drain: () => stack.sendLetters(),
  };
});

/** Every item of the table, as stored, and whether DynamoDB's TTL has it due for deletion (DynamoDB Local never deletes). */
async function tableItems(): Promise<{ item: Record<string, unknown>; expired: boolean }[]> {
  const now = stack.clock.now().getTime() / 1000;
  const items: { item: Record<string, unknown>; expired: boolean }[] = [];
  let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
  do {
    const page = await stack.table.client.send(new ScanCommand({ TableName: stack.table.name, ExclusiveStartKey: start }));
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      items.push({ item, expired: typeof item[TTL_ATTRIBUTE] === 'number' && (item[TTL_ATTRIBUTE] as number) <= now });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every file of the raw-mail store: its key and its content. */
async function storedFiles(): Promise<string[]> {
  const root = join(stack.config.REDRESS_DATA_DIR, 'mail');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(entries.filter((e) => e.isFile()).map(async (e) => `${join(e.parentPath, e.name)}\n${await readFile(join(e.parentPath, e.name), 'utf8')}`));
}

describe('destruction at retention over DynamoDB Local and the file raw-mail store', () => {
  it('leaves the complainant’s address, name and words in no item of the table and no stored file', async () => {
    const reference = await caseWithEverything(journey);
    const before = JSON.stringify((await tableItems()).map((i) => i.item)) + (await storedFiles()).join('\n');
    for (const secret of SECRETS) expect(before, secret).toContain(secret);

    expect(await destroyAtRetention(journey, reference)).toEqual(['destroyed']);

    const items = await tableItems();
    // What still holds the person must be due for deletion by TTL (a held-mail notice about no case): nothing else.
    const kept = items.filter((i) => !i.expired).map((i) => i.item);
    const text = JSON.stringify(kept);
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    const expiring = items.filter((i) => i.expired && SECRETS.some((s) => JSON.stringify(i.item).includes(s)));
    // Only the words of a held-mail notice (about no case), in its letter's body: its state, expiring with it, holds none.
    expect(expiring.map((i) => [String(i.item.PK).replace(/#.*/, ''), i.item.SK])).toEqual([['OUTBOX', 'BODY']]);
    const state = items.find((i) => i.item.PK === expiring[0]?.item.PK && i.item.SK === 'OUTBOX');
    expect([state?.expired, (state?.item.item as { letter?: { purpose?: string } } | undefined)?.letter?.purpose]).toEqual([true, 'held-notice']);
    expect(await storedFiles()).toEqual([]);
    // The morning projection went with the case's closing, and would with its lookups had it stayed open.
    expect(items.filter((i) => String(i.item.PK).startsWith('DUE#'))).toEqual([]);

    // What the console and `case show` read: no letter to the address, the anonymous record, the destruction.
    expect((await stack.outbox.ofCase(reference)).filter((e) => e.kind === 'letter')).toEqual([]);
    expect(await stack.cases.byName('not-alone-mentoring', 'dana', 10)).toEqual([]);
    const [record] = await stack.reportRecords.ofYear('not-alone-mentoring', 2026);
    expect(record).toMatchObject({ reference, destroyed: true, outcomes: [{ decision: 'not-upheld' }] });
    expect((await stack.cases.timeline(reference)).at(-1)?.type).toBe('destroyed');
  });
});
