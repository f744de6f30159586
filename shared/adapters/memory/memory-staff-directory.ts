import type { StaffDirectory } from '#application/ports/staff-directory';
import type { StaffPerson } from '#domain/access/staff-person';

/** The staff directory in memory, with DynamoDbStaffDirectory's rules: one entry per person per organisation. */
export class MemoryStaffDirectory implements StaffDirectory {
  private readonly people = new Map<string, StaffPerson>();

  async record(person: StaffPerson): Promise<void> {
    const email = person.email.toLowerCase();
    this.people.set(`${person.policyId}#${email}`, { ...person, email, roles: [...new Set(person.roles)].sort() });
  }

  async inRole(policyId: string, role: string): Promise<StaffPerson[]> {
    return [...this.people.values()].filter((p) => p.policyId === policyId && p.roles.includes(role)).sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  }

  async person(policyId: string, email: string): Promise<StaffPerson | undefined> {
    return this.people.get(`${policyId}#${email.trim().toLowerCase()}`);
  }
}
