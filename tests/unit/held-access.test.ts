/**
 * Who may release held mail, and into which organisation: the rule the console's release function applies before
 * it parses a message. Over the memory fake of held mail and the seed policies.
 */
import { describe, expect, it } from 'vitest';
import { MemoryHeldMail } from '#adapters/memory/memory-held-mail';
import { MemoryTables } from '#adapters/memory/memory-tables';
import { heldToRelease } from '#application/console/held-access';
import { HeldMessageNotFoundError } from '#application/ports/store-errors';
import { fromGroups, type StaffMember } from '#domain/access/staff-member';
import type { HeldMessage } from '#domain/mail/held-message';
import { seedPolicies } from '#tests/support/policies';

const member = (...groups: string[]): StaffMember => ({ id: groups.join(','), name: 'Sam', ...fromGroups(groups) });

async function held(...messages: HeldMessage[]) {
  const heldMail = new MemoryHeldMail(new MemoryTables());
  for (const m of messages) await heldMail.hold(m, [], m.receivedAt);
  return { heldMail, policies: seedPolicies };
}

const toNobody: HeldMessage = { id: 'h-nobody', scope: 'operator', reason: 'unknown-recipient', rawKey: 'inbound/a', receivedAt: '2026-11-30T09:00:00Z' };
const toAlumot: HeldMessage = { id: 'h-alumot', scope: 'alumot', reason: 'auto-reply', rawKey: 'inbound/b', receivedAt: '2026-11-30T09:01:00Z' };

describe('heldToRelease', () => {
  it('lets an operator release mail sent to no organisation into any organisation', async () => {
    const deps = await held(toNobody);
    await expect(heldToRelease(deps, member('operator'), 'h-nobody', 'county-council')).resolves.toMatchObject({ id: 'h-nobody' });
  });

  it('lets the organisation’s staff who take new complaints release its mail into it, and into no other organisation', async () => {
    const deps = await held(toAlumot);
    await expect(heldToRelease(deps, member('alumot:ceo'), 'h-alumot', undefined)).resolves.toMatchObject({ id: 'h-alumot' });
    await expect(heldToRelease(deps, member('alumot:ceo'), 'h-alumot', 'alumot')).resolves.toMatchObject({ id: 'h-alumot' });
    await expect(heldToRelease(deps, member('alumot:ceo'), 'h-alumot', 'county-council')).rejects.toThrow(HeldMessageNotFoundError);
  });

  it('answers "no such message" to anyone else, as for a message that does not exist', async () => {
    const deps = await held(toNobody, toAlumot);
    await expect(heldToRelease(deps, member('alumot:ceo'), 'h-nobody', 'alumot')).rejects.toThrow(HeldMessageNotFoundError);
    await expect(heldToRelease(deps, member('county-council:chief-executive'), 'h-alumot', undefined)).rejects.toThrow(HeldMessageNotFoundError);
    await expect(heldToRelease(deps, member('operator'), 'h-missing', 'alumot')).rejects.toThrow(HeldMessageNotFoundError);
  });
});
