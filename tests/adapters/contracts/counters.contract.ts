/** What every Counters store does (application/ports/counters.ts): one specification for the fake and DynamoDB. */
import { describe, expect, it } from 'vitest';
import { aCase, aHeld, aPolicy, aWrite, referenceClaim } from './fixtures.js';
import type { StoresMaker } from './stores.js';

export function countersContract(make: StoresMaker): void {
  describe('Counters', () => {
    it('lastReference: 0 before any, then the sequence the last case write claimed, per prefix and year', async () => {
      const { cases, counters } = await make();
      const policy = aPolicy();
      expect(await counters.lastReference(policy.toUpperCase(), 2026)).toBe(0);
      await cases.write(aWrite(aCase(policy, 1), { claims: [referenceClaim(policy, 1)] }));
      await cases.write(aWrite(aCase(policy, 2), { claims: [referenceClaim(policy, 2)] }));
      expect(await counters.lastReference(policy.toUpperCase(), 2026)).toBe(2);
      expect(await counters.lastReference(policy.toUpperCase(), 2027)).toBe(0);
    });

    it('inbound: what a message became, a case (with the digest of a form submission) or a held message', async () => {
      const { cases, counters, heldMail } = await make();
      const policy = aPolicy();
      const c = aCase(policy, 1);
      expect(await counters.inbound(`k1-${policy}`)).toBeUndefined();
      await cases.write(aWrite(c, { claims: [{ kind: 'inbound', key: `k1-${policy}`, reference: c.reference, outcome: 'opened', contentDigest: 'sha-1' }, { kind: 'inbound', key: `k2-${policy}`, reference: c.reference, outcome: 'joined' }] }));
      await heldMail.hold(aHeld(policy, `h-${policy}`), [], '2026-11-23T10:00:00.000Z', `k3-${policy}`);
      expect(await counters.inbound(`k1-${policy}`)).toEqual({ reference: c.reference, outcome: 'opened', contentDigest: 'sha-1' });
      expect(await counters.inbound(`k2-${policy}`)).toEqual({ reference: c.reference, outcome: 'joined' });
      expect(await counters.inbound(`k3-${policy}`)).toEqual({ heldId: `h-${policy}` });
    });

    it('spam counts per organisation and day', async () => {
      const { counters } = await make();
      const policy = aPolicy();
      expect(await counters.spamCount(policy, '2026-11-23')).toBe(0);
      await counters.countSpam(policy, '2026-11-23');
      await counters.countSpam(policy, '2026-11-23');
      await counters.countSpam(policy, '2026-11-24');
      expect(await counters.spamCount(policy, '2026-11-23')).toBe(2);
      expect(await counters.spamCount(policy, '2026-11-24')).toBe(1);
      expect(await counters.spamCount(aPolicy(), '2026-11-23')).toBe(0);
    });
  });
}
