import type { StaffMember } from '#domain/access/staff-member';
import { describePolicy } from '#domain/policy/describe-policy';
import type { PolicySet } from '#domain/policy/policy-set';

/** A policy as a person reads it (`policy show`), for a member of its organisation; undefined for anyone else, or no such policy. */
export function policyTextFor(policies: PolicySet, member: StaffMember, policyId: string): ReturnType<typeof describePolicy> | undefined {
  if (!member.memberships.some((m) => m.policyId === policyId) || !policies.all.some((p) => p.id === policyId)) return undefined;
  return describePolicy(policies.get(policyId));
}
