import type { Case } from '#domain/case/case';
import { rolesAbout } from '#domain/case/named-in-complaint';
import type { StaffMember } from './staff-member.js';

/**
 * A member of staff as the staff directory keeps them, per organisation: recorded at each sign-in from what the
 * sign-in said (their address, their name, their roles in that organisation's policy), so "assign to a person"
 * can offer the people of a role. There is no other staff list: a person appears once they have signed in.
 */
export interface StaffPerson {
  readonly policyId: string;
  /** Lower case: the address a case is assigned to. */
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
  /** When they last signed in (ISO instant). */
  readonly signedInAt: string;
}

/** What a sign-in tells the directory: one entry per organisation the person is a member of; none without an address. */
export function staffPeopleOf(member: StaffMember, signedInAt: string): StaffPerson[] {
  const email = member.email?.trim().toLowerCase();
  if (!email) return [];
  const byPolicy = new Map<string, string[]>();
  for (const m of member.memberships) byPolicy.set(m.policyId, [...(byPolicy.get(m.policyId) ?? []), m.role]);
  return [...byPolicy].map(([policyId, roles]) => ({ policyId, email, name: member.name.trim() || email, roles: [...new Set(roles)].sort(), signedInAt }));
}

/**
 * Whether the complaint is about this person: they hold a role it is about (as routing reads it: `about`, and the
 * people its words name until undone), or its free-text "about" names their address or their name. Such a person
 * is never offered the case, nor may it be assigned to them.
 */
export function complaintIsAbout(c: Pick<Case, 'about' | 'named'>, person: { readonly email: string; readonly name?: string; readonly roles: readonly string[] }): boolean {
  const about = rolesAbout(c);
  if (person.roles.some((r) => about.includes(r))) return true;
  const words = (c.about ?? '').toLowerCase();
  if (words === '') return false;
  const name = person.name?.trim().toLowerCase();
  return words.includes(person.email.toLowerCase()) || Boolean(name && name.length > 2 && words.includes(name));
}
