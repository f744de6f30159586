import type { Case } from '#domain/case/case';
import { rolesAbout } from '#domain/case/named-in-complaint';
import { roleInSentence } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { mayRead, roleAndAbove, rolesIn } from './case-access.js';
import type { StaffMember } from './staff-member.js';
import { listInWords } from '#domain/text/list-in-words';

/**
 * The roles that may set, review or lift a restriction on a case's complainant: those above its handler
 * (`reportsTo`, all the way up), never the handler's own, so the decision is a more senior person's than the one
 * dealing with the complaint; a role that lists capabilities must list `restrict`; never a role the complaint is about.
 */
export function rolesThatMayRestrict(policy: Policy, c: Pick<Case, 'handlerRole' | 'about' | 'named'>): string[] {
  const about = rolesAbout(c);
  return [...roleAndAbove(policy, c.handlerRole)].slice(1).filter((id) => {
    const role = policy.roles.find((r) => r.id === id);
    return role !== undefined && !about.includes(id) && (!role.capabilities || role.capabilities.includes('restrict'));
  });
}

export function mayRestrict(member: StaffMember, policy: Policy, c: Case): boolean {
  if (!mayRead(member, policy, c)) return false;
  const held = rolesIn(member, policy.id);
  return rolesThatMayRestrict(policy, c).some((r) => held.has(r));
}

/** Who can, in one sentence for someone who cannot (the handler included: it is theirs to ask). */
export function whoMayRestrictSentence(policy: Policy, c: Case): string {
  const roles = rolesThatMayRestrict(policy, c).map((r) => roleInSentence(policy, r));
  const who = roles.length === 0 ? 'no role of the policy (none is above the handler)' : listInWords(roles, 'or');
  return `Only ${who} can restrict how this complainant contacts us: a restriction is decided by someone more senior than ${roleInSentence(policy, c.handlerRole)}, who handles ${c.reference}. Ask them.`;
}
