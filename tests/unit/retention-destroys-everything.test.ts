/**
 * Destruction at retention over the memory fakes: every item of every table and every stored file is searched for
 * the complainant's address, name and words after the case is destroyed. The same journey runs over DynamoDB Local
 * and the file raw-mail store in tests/adapters/retention-on-real-stores.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { letterItem } from '#domain/outbox/outbox-item';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { ADDRESS, caseWithEverything, destroyAtRetention, SECRETS } from '#tests/support/case-with-everything';


/**
 * Everything the fakes hold, as text. An outbox entry past its expiry is left out: DynamoDB's TTL deletes it
 * (typically within two days), and the fake keeps it only to show that it was given one.
 */
function everything(stack: MemoryStack): string {
  const t = stack.tables;
  const now = stack.clock.now().toISOString();
  const nested = <V>(m: Map<string, Map<string, V>>) => [...m].map(([k, v]) => [k, [...v]]);
  const tables = {
    cases: [...t.cases],
    timelines: nested(t.timelines),
    threads: [...t.threads],
    pages: [...t.pages],
    inbound: [...t.inbound],
    acknowledgements: [...t.acknowledgements],
    held: [...t.held],
    outbox: [...t.outbox.values()].filter((e) => !(e.expiresAt && e.expiresAt <= now)),
    reportRecords: nested(t.reportRecords),
    pendingActions: [...t.pendingActions],
    timers: [...stack.timers.timers],
  };
  const files = [...stack.rawMail.files].map(([key, content]) => `${key}\n${content.toString('utf8')}`);
  return [JSON.stringify(tables), ...files].join('\n');
}

describe('destruction at retention (memory fakes)', () => {
  it('leaves the complainant’s address, name and words in no item of any table and no stored file', async () => {
    const stack = memoryStack();
    const reference = await caseWithEverything(stack);
    const before = everything(stack);
    // Each secret is somewhere before, so finding none after means destruction reached it.
    for (const secret of SECRETS) expect(before, secret).toContain(secret);
    expect(stack.tables.threads.size).toBeGreaterThan(0);

    expect(await destroyAtRetention(stack, reference)).toEqual(['destroyed']);
    const after = everything(stack);
    for (const secret of SECRETS) expect(after, secret).not.toContain(secret);
    expect([...stack.rawMail.files.keys()]).toEqual([]);
  });

  it('keeps the anonymous figures: the report record counts the case, without its lessons', async () => {
    const stack = memoryStack();
    const reference = await caseWithEverything(stack);
    await destroyAtRetention(stack, reference);
    const [record] = await stack.reportRecords.ofYear('not-alone-mentoring', 2026);
    expect(record).toMatchObject({ reference, destroyed: true, channel: 'email', outcomes: [{ decision: 'not-upheld' }] });
    expect(record?.outcomes[0]?.lessons).toBeUndefined();
    const report = await stack.useCases.annualReport('not-alone-mentoring', 2026);
    expect(JSON.stringify(report)).toContain('"received":1');
  });

  it('lists no letter to the complainant’s address on the case, keeps the held message’s why and when, and a waiting letter is never sent', async () => {
    const stack = memoryStack();
    const reference = await caseWithEverything(stack);
    const heldId = [...stack.tables.held.keys()][0] as string;
    // A letter still waiting at retention (the mail service down for good, say).
    const waiting = { id: `${reference}.waiting`, purpose: 'acknowledgement' as const, reference, toComplainant: true, from: { address: 'not.alone.mentoring@gmail.com', name: 'Not Alone Mentoring' }, to: [ADDRESS], subject: 'SUBJECT-SECRET', text: 'BODY-SECRET', html: '', messageId: `<${reference}.waiting@redress.localhost>`, autoSubmitted: 'auto-replied' as const };
    stack.clock.set('2032-12-07T00:30:00Z');
    await stack.outbox.add([letterItem(waiting)], '2032-12-06T10:00:00.000Z');
    const sentBefore = stack.mailer.sent.length;
    const timer = (await stack.timers.list(reference)).find((t) => t.input.kind === 'retention');
    await stack.useCases.fireTimer(timer?.input as NonNullable<typeof timer>['input']);
    expect((await stack.outbox.ofCase(reference)).filter((e) => e.kind === 'letter')).toEqual([]);
    expect(await stack.heldMail.get(heldId)).toMatchObject({ id: heldId, reason: 'unknown-recipient', settled: { status: 'released', reference } });
    expect((await stack.heldMail.get(heldId))?.destroyedAt).toBeDefined();
    await stack.drain();
    expect(stack.mailer.sent.length).toBe(sentBefore);
  });

  it('gives a sent notice about no case (a held-mail notice, a digest) an expiry, and none to a letter about a case', async () => {
    const stack = memoryStack({ REDRESS_SENT_NOTICE_KEEP_DAYS: '30' });
    const reference = await caseWithEverything(stack);
    const entries = [...stack.tables.outbox.values()].filter((e) => e.kind === 'letter');
    const heldNotice = entries.find((e) => e.kind === 'letter' && e.letter.purpose === 'held-notice');
    expect(heldNotice?.status).toBe('sent');
    expect(heldNotice?.expiresAt).toBe(new Date(Date.parse(heldNotice?.sentAt as string) + 30 * 86_400_000).toISOString());
    const ofCase = entries.filter((e) => e.kind === 'letter' && e.letter.reference === reference);
    expect(ofCase.length).toBeGreaterThan(0);
    expect(ofCase.every((e) => e.expiresAt === undefined)).toBe(true);
  });
});
