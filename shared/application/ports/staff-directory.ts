import type { StaffPerson } from '#domain/access/staff-person';

/**
 * The people who have signed in to the console, per organisation (the staff directory). Written at each sign-in;
 * read to offer the people of a role and to check that a person assigned a case holds its role. Every read is by
 * key: an organisation and a role, or an organisation and an address.
 */
export interface StaffDirectory {
  /** Records (or refreshes) a person at sign-in: their name and roles as this sign-in gives them, roles they no longer hold dropped. */
  record(person: StaffPerson): Promise<void>;
  /** The people of an organisation holding a role, by address. */
  inRole(policyId: string, role: string): Promise<StaffPerson[]>;
  /** One person of an organisation by address (any case), if they have signed in. */
  person(policyId: string, email: string): Promise<StaffPerson | undefined>;
}
