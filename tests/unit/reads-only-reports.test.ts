/** Who the console offers no case list: a person whose every role reads reports alone, and who is no operator. */
import { describe, expect, it } from 'vitest';
import { readsOnlyReports } from '#domain/access/reads-only-reports';
import type { StaffMember } from '#domain/access/staff-member';
import { seedPolicies } from '#tests/support/policies';

const person = (memberships: StaffMember['memberships'], operator = false): StaffMember => ({ id: 'p', name: 'P', memberships, operator });

describe('readsOnlyReports', () => {
  it("is the council's Member Responsible for Complaints, and no one who also reads cases", () => {
    const member = { policyId: 'county-council', role: 'member-responsible' };
    expect(readsOnlyReports(person([member]), seedPolicies.all)).toBe(true);
    expect(readsOnlyReports(person([member, { policyId: 'alumot', role: 'ceo' }]), seedPolicies.all)).toBe(false);
    expect(readsOnlyReports(person([member], true), seedPolicies.all)).toBe(false);
    expect(readsOnlyReports(person([{ policyId: 'county-council', role: 'service-manager' }]), seedPolicies.all)).toBe(false);
    // No organisation yet, or a role the policies do not have: nothing is taken away.
    expect(readsOnlyReports(person([]), seedPolicies.all)).toBe(false);
    expect(readsOnlyReports(person([{ policyId: 'county-council', role: 'no-such-role' }]), seedPolicies.all)).toBe(false);
  });
});
