/** What every HeldMail store does (application/ports/held-mail.ts): one specification for the fake and DynamoDB. */
import { describe, expect, it } from 'vitest';
import { HeldMessageNotFoundError } from '#application/ports/store-errors';
import { heldWithoutPerson } from '#domain/mail/held-message';
import { AT, aHeld, aLetter, aPolicy } from './fixtures.js';
import type { StoresMaker } from './stores.js';

export function heldMailContract(make: StoresMaker): void {
  describe('HeldMail', () => {
    it('hold keeps the message with its notice and inbound mark; holding it again changes nothing', async () => {
      const { heldMail, outbox, counters } = await make();
      const scope = aPolicy();
      const held = aHeld(scope, `h1-${scope}`);
      await heldMail.hold(held, [aLetter(`${held.id}.notice`, undefined)], AT, `k-${scope}`);
      await heldMail.hold({ ...held, subject: 'again' }, [aLetter(`${held.id}.notice`, undefined)], '2026-11-23T11:00:00.000Z', `k-${scope}`);
      expect(await heldMail.get(held.id)).toEqual(held);
      expect(await heldMail.get(`none-${scope}`)).toBeUndefined();
      expect(await outbox.get(`${held.id}.notice`)).toMatchObject({ status: 'pending', createdAt: AT, attempts: 0 });
      expect(await counters.inbound(`k-${scope}`)).toEqual({ heldId: held.id });
      expect(await heldMail.list(scope)).toEqual([held]);
    });

    it('list: waiting or settled, of one scope, newest first', async () => {
      const { heldMail } = await make();
      const scope = aPolicy();
      const older = aHeld(scope, `a-${scope}`, '2026-11-22T10:00:00.000Z');
      const newer = aHeld(scope, `b-${scope}`, '2026-11-23T10:00:00.000Z');
      await heldMail.hold(older, [], AT);
      await heldMail.hold(newer, [], AT);
      await heldMail.hold(aHeld(aPolicy(), `c-${scope}`), [], AT);
      expect((await heldMail.list(scope)).map((h) => h.id)).toEqual([newer.id, older.id]);
      expect(await heldMail.list(scope, 'settled')).toEqual([]);
    });

    it('settle records a decision once and moves the message to the settled list; a second decision is not taken', async () => {
      const { heldMail } = await make();
      const scope = aPolicy();
      const held = aHeld(scope, `h-${scope}`);
      await heldMail.hold(held, [], AT);
      const discarded = { status: 'discarded', at: AT, by: 'katie@council.test', reason: 'an advert' } as const;
      expect(await heldMail.settle(held.id, discarded)).toEqual({ ...held, settled: discarded });
      expect(await heldMail.settle(held.id, { status: 'released', at: AT, by: 'sam@council.test', reference: 'X-2026-0001' })).toEqual({ ...held, settled: discarded });
      expect(await heldMail.list(scope)).toEqual([]);
      expect(await heldMail.list(scope, 'settled')).toEqual([{ ...held, settled: discarded }]);
      await expect(heldMail.settle(`none-${scope}`, discarded)).rejects.toBeInstanceOf(HeldMessageNotFoundError);
    });

    it('forget keeps only what a held message keeps without its person, in the list it was in; idempotent', async () => {
      const { heldMail } = await make();
      const scope = aPolicy();
      const held = aHeld(scope, `h-${scope}`);
      await heldMail.hold(held, [], AT);
      await heldMail.forget(held.id, '2027-11-23T10:00:00.000Z');
      await heldMail.forget(held.id, '2027-11-24T10:00:00.000Z');
      await heldMail.forget(`none-${scope}`, '2027-11-24T10:00:00.000Z');
      const forgotten = heldWithoutPerson(held, '2027-11-23T10:00:00.000Z');
      expect(await heldMail.get(held.id)).toEqual(forgotten);
      expect(await heldMail.list(scope)).toEqual([forgotten]);
    });
  });
}
