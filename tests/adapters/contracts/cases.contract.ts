/**
 * What every Cases store does (application/ports/cases.ts), as one specification: the memory fake and the DynamoDB
 * adapter both run it (stores.contract.test.ts), so that the fake the unit tests trust cannot drift from the table.
 */
import { describe, expect, it } from 'vitest';
import type { CaseDeadline } from '#domain/case/case';
import { ClaimTakenError, ConcurrentChangeError, ItemTooLargeError } from '#application/ports/store-errors';
import { AT, aCase, aLetter, anEvent, aPolicy, aWrite, referenceClaim } from './fixtures.js';
import type { StoresMaker } from './stores.js';

const due = (dueAt: string, status: CaseDeadline['status'] = 'pending'): CaseDeadline => ({ kind: 'respond', dueDate: dueAt.slice(0, 10), dueAt, rule: '10 working days', clause: '1', stage: 'stage-1', status });

export function casesContract(make: StoresMaker): void {
  describe('Cases', () => {
    it('get: nothing for an unknown reference; a written case comes back as written', async () => {
      const { cases } = await make();
      const c = aCase(aPolicy(), 1, { subject: 'Bins', incident: { place: 'Mill Lane' } });
      expect(await cases.get(c.reference)).toBeUndefined();
      await cases.write(aWrite(c));
      expect(await cases.get(c.reference)).toEqual(c);
    });

    it('write: creating a case that exists is a concurrent change, or the reference claim taken when it claims one', async () => {
      const { cases } = await make();
      const policy = aPolicy();
      const c = aCase(policy, 1);
      await cases.write(aWrite(c, { claims: [referenceClaim(policy, 1)] }));
      await expect(cases.write(aWrite(c))).rejects.toBeInstanceOf(ConcurrentChangeError);
      await expect(cases.write(aWrite(c, { claims: [referenceClaim(policy, 1)] }))).rejects.toBeInstanceOf(ClaimTakenError);
    });

    it('write: a change from the stored version is kept; one from a stale version changes nothing at all', async () => {
      const { cases, outbox } = await make();
      const c = aCase(aPolicy(), 1);
      await cases.write(aWrite(c));
      const v2 = { ...c, version: 2, summary: 'changed' };
      await cases.write(aWrite(v2, { expectedVersion: 1, events: [anEvent('e1', AT)] }));
      expect(await cases.get(c.reference)).toEqual(v2);
      const stale = { ...c, version: 2, summary: 'stale' };
      await expect(cases.write(aWrite(stale, { expectedVersion: 1, events: [anEvent('e2', AT)], threadKeys: ['<stale@x>'], outbox: [aLetter(`${c.reference}.stale`, c.reference)] }))).rejects.toBeInstanceOf(ConcurrentChangeError);
      expect((await cases.get(c.reference))?.summary).toBe('changed');
      expect((await cases.timeline(c.reference)).map((e) => e.id)).toEqual(['e1']);
      expect(await cases.byThread(['<stale@x>'])).toBeUndefined();
      expect(await outbox.get(`${c.reference}.stale`)).toBeUndefined();
    });

    it('claims: an inbound key once; reference numbers one after another, none skipped or used twice; a sender acknowledged once a day', async () => {
      const { cases, counters } = await make();
      const policy = aPolicy();
      const [a, b, c] = [aCase(policy, 1), aCase(policy, 2), aCase(policy, 3)];
      const inbound = { kind: 'inbound', key: `k-${policy}`, reference: a.reference, outcome: 'opened' } as const;
      const ack = { kind: 'acknowledgement', policyId: policy, sender: 'Ada@Example.org', date: '2026-11-23', reference: a.reference } as const;
      await cases.write(aWrite(a, { claims: [inbound, referenceClaim(policy, 1), ack] }));
      expect(await counters.lastReference(policy.toUpperCase(), 2026)).toBe(1);
      await expect(cases.write(aWrite(b, { claims: [{ ...inbound, reference: b.reference }] }))).rejects.toMatchObject({ name: 'ClaimTakenError', claim: { kind: 'inbound' } });
      await expect(cases.write(aWrite(b, { claims: [referenceClaim(policy, 1)] }))).rejects.toMatchObject({ name: 'ClaimTakenError', claim: { kind: 'reference' } });
      await expect(cases.write(aWrite(b, { claims: [referenceClaim(policy, 3)] }))).rejects.toMatchObject({ name: 'ClaimTakenError', claim: { kind: 'reference' } });
      await expect(cases.write(aWrite(b, { claims: [{ ...ack, reference: b.reference, sender: 'ada@example.org' }] }))).rejects.toMatchObject({ name: 'ClaimTakenError', claim: { kind: 'acknowledgement' } });
      expect(await cases.get(b.reference)).toBeUndefined();
      // The same case may claim its own acknowledgement again (a retried write).
      await cases.write(aWrite({ ...a, version: 2 }, { expectedVersion: 1, claims: [ack] }));
      await cases.write(aWrite(b, { claims: [referenceClaim(policy, 2)] }));
      await cases.write(aWrite(c, { claims: [referenceClaim(policy, 3), { ...ack, reference: c.reference, date: '2026-11-24' }] }));
      expect(await counters.lastReference(policy.toUpperCase(), 2026)).toBe(3);
      expect(await counters.acknowledgedToday(policy, 'ada@example.org', '2026-11-23')).toBe(a.reference);
      expect(await counters.acknowledgedToday(policy, 'ADA@example.org', '2026-11-24')).toBe(c.reference);
    });

    it('threads and pages: the first case to write a key keeps it; the first key found in the order asked wins', async () => {
      const { cases } = await make();
      const policy = aPolicy();
      const [a, b] = [aCase(policy, 1), aCase(policy, 2)];
      await cases.write(aWrite(a, { threadKeys: ['<a1@x>', '<shared@x>'], pageKeys: ['page-a'] }));
      await cases.write(aWrite(b, { threadKeys: ['<b1@x>', '<shared@x>'], pageKeys: ['page-b'] }));
      expect(await cases.byThread(['<shared@x>'])).toBe(a.reference);
      expect(await cases.byThread(['<nothing@x>', '<b1@x>', '<a1@x>'])).toBe(b.reference);
      expect(await cases.byThread([])).toBeUndefined();
      expect(await cases.byPageKey('page-b')).toBe(b.reference);
      expect(await cases.byPageKey('page-none')).toBeUndefined();
    });

    it('byName: cases whose complainant name starts with the words, in name order, at most the limit', async () => {
      const { cases } = await make();
      const policy = aPolicy();
      const names = ['Ada Lovelace', 'Ada Byron', 'Charles Babbage', 'adam smith'];
      for (const [i, name] of names.entries()) await cases.write(aWrite(aCase(policy, i + 1, { complainant: { anonymous: false, name } })));
      await cases.write(aWrite(aCase(aPolicy(), 9, { complainant: { anonymous: false, name: 'Ada Other' } })));
      expect((await cases.byName(policy, 'ada', 10)).map((c) => c.complainant.name)).toEqual(['Ada Byron', 'Ada Lovelace', 'adam smith']);
      expect((await cases.byName(policy, 'ada b', 10)).map((c) => c.complainant.name)).toEqual(['Ada Byron']);
      expect(await cases.byName(policy, 'ada', 1)).toHaveLength(1);
      expect(await cases.byName(policy, '  ', 10)).toEqual([]);
    });

    it('ofComplainant: one address (in any case) of one policy, newest first', async () => {
      const { cases } = await make();
      const policy = aPolicy();
      await cases.write(aWrite(aCase(policy, 1, { receivedAt: '2026-11-20T10:00:00.000Z' })));
      await cases.write(aWrite(aCase(policy, 2, { receivedAt: '2026-11-22T10:00:00.000Z', complainant: { anonymous: false, email: 'ADA@example.org' } })));
      await cases.write(aWrite(aCase(policy, 3, { complainant: { anonymous: false, email: 'bob@example.org' } })));
      expect((await cases.ofComplainant(policy, 'Ada@Example.org')).map((c) => c.reference)).toEqual([aCase(policy, 2).reference, aCase(policy, 1).reference]);
    });

    it('open: the cases not closed, soonest pending deadline first, those with none last', async () => {
      const { cases } = await make();
      const policy = aPolicy();
      await cases.write(aWrite(aCase(policy, 1, { deadlines: [due('2026-12-10T23:59:59.999Z'), due('2026-11-30T23:59:59.999Z', 'met')] })));
      await cases.write(aWrite(aCase(policy, 2)));
      await cases.write(aWrite(aCase(policy, 3, { deadlines: [due('2026-12-01T23:59:59.999Z')] })));
      await cases.write(aWrite(aCase(policy, 4, { status: 'closed' })));
      expect((await cases.open(policy)).map((c) => c.reference.slice(-1))).toEqual(['3', '1', '2']);
      // Closing a case takes it out of the list.
      await cases.write(aWrite({ ...aCase(policy, 3), status: 'closed', version: 2 }, { expectedVersion: 1 }));
      expect((await cases.open(policy)).map((c) => c.reference.slice(-1))).toEqual(['1', '2']);
    });

    it('newestFirst and newestPage: a policy\'s cases newest first, page by page with a cursor', async () => {
      const { cases } = await make();
      const policy = aPolicy();
      for (let i = 1; i <= 5; i++) await cases.write(aWrite(aCase(policy, i, { receivedAt: `2026-11-2${i}T10:00:00.000Z` })));
      const refs = (list: { reference: string }[]) => list.map((c) => c.reference.slice(-1)).join('');
      expect(refs(await cases.newestFirst(policy))).toBe('54321');
      const first = await cases.newestPage(policy, 2);
      expect(refs(first.cases)).toBe('54');
      const second = await cases.newestPage(policy, 2, first.next);
      expect(refs(second.cases)).toBe('32');
      const last = await cases.newestPage(policy, 2, second.next);
      expect(refs(last.cases)).toBe('1');
      expect(last.next).toBeUndefined();
      expect((await cases.newestPage(policy, 5)).next).toBeUndefined();
    });

    it('timeline: events oldest first (ties by id); rewriteTimeline overwrites them in place', async () => {
      const { cases } = await make();
      const c = aCase(aPolicy(), 1);
      await cases.write(aWrite(c, { events: [anEvent('b', '2026-11-23T10:00:01.000Z'), anEvent('a', '2026-11-23T10:00:01.000Z'), anEvent('c', '2026-11-23T09:00:00.000Z')] }));
      expect((await cases.timeline(c.reference)).map((e) => e.id)).toEqual(['c', 'a', 'b']);
      await cases.rewriteTimeline(c.reference, [{ ...anEvent('a', '2026-11-23T10:00:01.000Z'), summary: 'redacted' }]);
      const timeline = await cases.timeline(c.reference);
      expect(timeline.map((e) => [e.id, e.summary])).toEqual([['c', 'event c'], ['a', 'redacted'], ['b', 'event b']]);
    });

    it('write: two events with one key in one write are refused; a case over the item limit is ItemTooLargeError', async () => {
      const { cases } = await make();
      const c = aCase(aPolicy(), 1);
      await expect(cases.write(aWrite(c, { events: [anEvent('a', AT), anEvent('a', AT, 'again')] }))).rejects.toThrow();
      expect(await cases.get(c.reference)).toBeUndefined();
      await expect(cases.write(aWrite({ ...c, summary: 'x'.repeat(410 * 1024) }))).rejects.toBeInstanceOf(ItemTooLargeError);
      expect(await cases.get(c.reference)).toBeUndefined();
    });

    it('removeLookups: the thread, page and acknowledgement items that find the case go, never another case\'s', async () => {
      const { cases, counters } = await make();
      const policy = aPolicy();
      const [a, b] = [aCase(policy, 1), aCase(policy, 2)];
      const ack = { kind: 'acknowledgement', policyId: policy, sender: 'ada@example.org', date: '2026-11-23', reference: a.reference } as const;
      await cases.write(aWrite(a, { threadKeys: ['<a@x>', '<both@x>'], pageKeys: ['page-a'], claims: [ack] }));
      await cases.write(aWrite(b, { threadKeys: ['<b@x>', '<both@x>'], pageKeys: ['page-b'] }));
      await cases.removeLookups(a.reference, { threadKeys: ['<a@x>', '<both@x>'], pageKeys: ['page-a'] });
      expect(await cases.byThread(['<a@x>'])).toBeUndefined();
      expect(await cases.byThread(['<both@x>'])).toBeUndefined();
      expect(await cases.byPageKey('page-a')).toBeUndefined();
      expect(await counters.acknowledgedToday(policy, 'ada@example.org', '2026-11-23')).toBeUndefined();
      expect(await cases.byThread(['<b@x>'])).toBe(b.reference);
      expect(await cases.byPageKey('page-b')).toBe(b.reference);
      // Idempotent: a second pass finds nothing left and changes nothing.
      expect(await cases.removeLookups(a.reference, { threadKeys: ['<a@x>'], pageKeys: ['page-a'] })).toBe(0);
      expect(await cases.get(a.reference)).toEqual(a);
    });

    it('a case write\'s outbox items are pending from the write, each id once', async () => {
      const { cases, outbox } = await make();
      const c = aCase(aPolicy(), 1);
      await cases.write(aWrite(c, { outbox: [aLetter(`${c.reference}.ack`, c.reference)] }));
      await cases.write(aWrite({ ...c, version: 2 }, { expectedVersion: 1, at: '2026-11-23T11:00:00.000Z', outbox: [{ ...aLetter(`${c.reference}.ack`, c.reference), id: `${c.reference}.ack` }] }));
      const entries = await outbox.ofCase(c.reference);
      expect(entries.map((e) => [e.id, e.status, e.createdAt, e.attempts])).toEqual([[`${c.reference}.ack`, 'pending', AT, 0]]);
    });
  });
}
