import type { Policy } from '#domain/policy/policy-schema';
import { readsCases } from '#domain/policy/capability';
import type { StaffMember } from './staff-member.js';

/**
 * Whether a person reads reports and no case anywhere: every role they hold is for reports alone (the Member
 * Responsible for Complaints), and they are no operator. The console then offers them no case list: it could
 * only ever be empty.
 */
export function readsOnlyReports(member: StaffMember, policies: readonly Pick<Policy, 'id' | 'roles'>[]): boolean {
  if (member.operator || member.memberships.length === 0) return false;
  return member.memberships.every((m) => {
    const role = policies.find((p) => p.id === m.policyId)?.roles.find((r) => r.id === m.role);
    return role !== undefined && !readsCases(role.capabilities);
  });
}
