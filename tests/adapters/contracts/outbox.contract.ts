/**
 * What every Outbox store does (application/ports/outbox.ts): one specification for the fake and DynamoDB. Each
 * test makes stores of its own: the pending and dead lists are of the whole store.
 */
import { describe, expect, it } from 'vitest';
import { LeaseLostError } from '#application/ports/store-errors';
import { providerThreadKey } from '#domain/mail/message-id';
import { AT, aCase, aLetter, aPolicy, aTimersItem, aWrite } from './fixtures.js';
import { FINISHED_KEEP_SECONDS, type StoresMaker } from './stores.js';

const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;

export function outboxContract(make: StoresMaker): void {
  describe('Outbox', () => {
    it('add keeps each id once; pending is oldest first, at most the limit; ofCase is one case\'s, letters and timers', async () => {
      const { outbox } = await make();
      const ref = aCase(aPolicy(), 1).reference;
      await outbox.add([aLetter('b', ref)], at(2));
      await outbox.add([aLetter('a', ref), aTimersItem(ref, 1)], at(3));
      await outbox.add([aLetter('digest', undefined)], at(1));
      await outbox.add([{ ...aLetter('b', ref), id: 'b' }], at(9));
      expect((await outbox.pending(10)).map((e) => e.id)).toEqual(['digest', 'b', `${ref}.timers.c1`, 'a']);
      expect((await outbox.pending(2)).map((e) => e.id)).toEqual(['digest', 'b']);
      // Ties in time go by id in byte order, as DynamoDB sorts its keys (upper case before lower).
      expect((await outbox.ofCase(ref)).map((e) => e.id)).toEqual(['b', `${ref}.timers.c1`, 'a']);
      // get lists the entry's header: its body is read with the lease, where the sender needs it.
      const b = aLetter('b', ref);
      if (b.kind !== 'letter') throw new Error('aLetter makes a letter');
      const { text: _text, html: _html, ...header } = b.letter;
      expect(await outbox.get('b')).toEqual({ ...b, letter: header, createdAt: at(2), status: 'pending', attempts: 0, nextAttemptAt: at(2) });
      expect(await outbox.lease('b', at(10), at(12))).toMatchObject({ letter: { text: 'Dear Ada', html: '<p>Dear Ada</p>' } });
      expect(await outbox.get('none')).toBeUndefined();
    });

    it('lease: one sender at a time, until the lease runs out (then the lapsed lease is told); not before the next attempt is due', async () => {
      const { outbox } = await make();
      await outbox.add([aLetter('l', undefined)], at(0));
      expect(await outbox.lease('none', at(1), at(3))).toBeUndefined();
      const first = await outbox.lease('l', at(1), at(3));
      expect(first).toMatchObject({ id: 'l', leaseUntil: at(3) });
      expect(first?.lapsedLease).toBeUndefined();
      expect(await outbox.lease('l', at(2), at(4))).toBeUndefined();
      expect(await outbox.lease('l', at(3), at(5))).toBeUndefined();
      const second = await outbox.lease('l', at(4), at(6));
      expect(second).toMatchObject({ leaseUntil: at(6), lapsedLease: at(3) });
      // The first sender, cut off, cannot record a result over the second's.
      await expect(outbox.markSent(first as NonNullable<typeof first>, 'ses-1', at(4))).rejects.toBeInstanceOf(LeaseLostError);
      await outbox.markFailed(second as NonNullable<typeof second>, 'throttled', at(5), at(20));
      expect(await outbox.get('l')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'throttled', nextAttemptAt: at(20) });
      expect((await outbox.get('l'))?.leaseUntil).toBeUndefined();
      expect(await outbox.lease('l', at(19), at(21))).toBeUndefined();
      expect(await outbox.lease('l', at(20), at(22))).toMatchObject({ attempts: 1 });
    });

    it('markSent: the entry is sent and leaves the pending list; its case\'s timeline records it, and SES\'s id threads to the case', async () => {
      const { cases, outbox } = await make();
      const c = aCase(aPolicy(), 1);
      await cases.write(aWrite(c, { outbox: [aLetter('ack', c.reference)] }));
      const leased = await outbox.lease('ack', at(1), at(3));
      await outbox.markSent(leased as NonNullable<typeof leased>, 'SES-Message-1', at(2));
      const sent = await outbox.get('ack');
      expect(sent).toMatchObject({ status: 'sent', sentAt: at(2), providerMessageId: 'SES-Message-1', attempts: 0 });
      expect(sent?.leaseUntil).toBeUndefined();
      expect(sent?.expiresAt).toBeUndefined();
      expect(await outbox.pending(10)).toEqual([]);
      expect((await cases.timeline(c.reference)).map((e) => e.type)).toEqual(['mail-out']);
      expect(await cases.byThread([providerThreadKey('SES-Message-1')])).toBe(c.reference);
      expect(await outbox.lease('ack', at(9), at(10))).toBeUndefined();
    });

    it('recordAccepted: SES took a pending letter no sender recorded: kept once; nothing for a sent or unknown one', async () => {
      const { outbox } = await make();
      await outbox.add([aLetter('a', undefined), aLetter('b', undefined)], at(0));
      expect(await outbox.recordAccepted('a', 'ses-a')).toBe(true);
      expect(await outbox.recordAccepted('a', 'ses-a2')).toBe(false);
      expect(await outbox.get('a')).toMatchObject({ status: 'pending', providerMessageId: 'ses-a' });
      const leased = await outbox.lease('b', at(1), at(3));
      await outbox.markSent(leased as NonNullable<typeof leased>, 'ses-b', at(2));
      expect(await outbox.recordAccepted('b', 'ses-other')).toBe(false);
      expect(await outbox.recordAccepted('none', 'ses-x')).toBe(false);
    });

    it('a finished entry about no case expires after the keeping time; one about a case does not', async () => {
      const { outbox } = await make();
      const ref = aCase(aPolicy(), 1).reference;
      await outbox.add([aLetter('digest', undefined), aTimersItem(ref, 1)], at(0));
      const digest = await outbox.lease('digest', at(1), at(3));
      await outbox.markSent(digest as NonNullable<typeof digest>, 'ses-d', at(2));
      const timers = await outbox.lease(`${ref}.timers.c1`, at(1), at(3));
      await outbox.markDone(timers as NonNullable<typeof timers>, at(2));
      expect((await outbox.get('digest'))?.expiresAt).toBe(new Date(Date.parse(at(2)) + FINISHED_KEEP_SECONDS * 1000).toISOString());
      expect(await outbox.get(`${ref}.timers.c1`)).toMatchObject({ status: 'done', sentAt: at(2) });
      expect((await outbox.get(`${ref}.timers.c1`))?.expiresAt).toBeUndefined();
    });

    it('markFailed with no next attempt: dead, in the dead list (most recently given up first), on its case\'s timeline; retry makes it pending again', async () => {
      const { cases, outbox } = await make();
      const c = aCase(aPolicy(), 1);
      await cases.write(aWrite(c, { outbox: [aLetter('first', c.reference)], at: at(0) }));
      await outbox.add([aLetter('second', undefined)], at(1));
      const second = await outbox.lease('second', at(2), at(4));
      await outbox.markFailed(second as NonNullable<typeof second>, 'refused', at(3), undefined);
      const first = await outbox.lease('first', at(5), at(7));
      await outbox.markFailed(first as NonNullable<typeof first>, 'x'.repeat(2000), at(6), undefined);
      const dead = await outbox.get('first');
      expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
      expect(dead?.lastError).toHaveLength(1000);
      expect(dead?.leaseUntil).toBeUndefined();
      expect(dead?.sentAt).toBeUndefined();
      expect((await outbox.dead(10)).map((e) => e.id)).toEqual(['first', 'second']);
      expect((await outbox.dead(1)).map((e) => e.id)).toEqual(['first']);
      expect(await outbox.pending(10)).toEqual([]);
      expect((await cases.timeline(c.reference)).map((e) => [e.type, e.id])).toEqual([['letter-failed', 'letter-failed-first']]);
      expect(await outbox.retry('first', at(8))).toBe(true);
      expect(await outbox.retry('first', at(8))).toBe(false);
      expect(await outbox.retry('none', at(8))).toBe(false);
      expect(await outbox.get('first')).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: at(8) });
      expect((await outbox.dead(10)).map((e) => e.id)).toEqual(['second']);
      expect((await outbox.pending(10)).map((e) => e.id)).toEqual(['first']);
      expect(await outbox.lease('first', at(8), at(9))).toMatchObject({ id: 'first' });
    });

    it('forgetLetters: a case\'s letters go, sent or waiting; its timer intents stay', async () => {
      const { outbox } = await make();
      const ref = aCase(aPolicy(), 1).reference;
      await outbox.add([aLetter('a', ref), aLetter('b', ref), aTimersItem(ref, 1), aLetter('other', `${ref}X`)], AT);
      const a = await outbox.lease('a', at(1), at(3));
      await outbox.markSent(a as NonNullable<typeof a>, 'ses-a', at(2));
      expect(await outbox.forgetLetters(ref)).toBe(2);
      expect((await outbox.ofCase(ref)).map((e) => e.id)).toEqual([`${ref}.timers.c1`]);
      expect(await outbox.get('other')).toBeDefined();
      expect(await outbox.forgetLetters(ref)).toBe(0);
    });
  });
}
