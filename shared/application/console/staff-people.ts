import type { Case } from '#domain/case/case';
import { complaintIsAbout, staffPeopleOf, type StaffPerson } from '#domain/access/staff-person';
import type { StaffMember } from '#domain/access/staff-member';
import type { Policy } from '#domain/policy/policy-schema';
import type { StaffDirectory } from '../ports/staff-directory.js';

/** A sign-in, recorded in the staff directory: once per organisation the person is a member of (none without an address). */
export async function recordSignIn(deps: { readonly staffDirectory: StaffDirectory }, member: StaffMember, at: Date): Promise<void> {
  for (const person of staffPeopleOf(member, at.toISOString())) await deps.staffDirectory.record(person);
}

/**
 * The people a case may be assigned to: those who have signed in holding its handling role, but never a person the
 * complaint is about, nor the person who has it now. One query on the directory's key.
 */
export async function assignablePeople(deps: { readonly staffDirectory: StaffDirectory }, c: Case, policy: Policy): Promise<StaffPerson[]> {
  const people = await deps.staffDirectory.inRole(policy.id, c.handlerRole);
  return people.filter((p) => p.email !== c.handler?.email && !complaintIsAbout(c, p));
}
