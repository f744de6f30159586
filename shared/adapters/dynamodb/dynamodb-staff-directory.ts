import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { StaffDirectory } from '#application/ports/staff-directory';
import type { StaffPerson } from '#domain/access/staff-person';
import type { DynamoTable } from './dynamo-table.js';
import { key } from './table-design.js';

/**
 * The staff directory in the cases table, one partition per organisation (STAFF#<policy>): an item per person
 * (SK PERSON#<email>), and beside it an item per role they hold (SK ROLE#<role>#<email>, a copy of the person), so
 * "the people of a role" is one query on the key and "is this person in the role" one read. A sign-in rewrites the
 * person and their roles in one transaction, and deletes the items of roles the sign-in no longer gives them.
 */
export class DynamoDbStaffDirectory implements StaffDirectory {
  constructor(private readonly table: DynamoTable) {}

  async record(person: StaffPerson): Promise<void> {
    const email = person.email.trim().toLowerCase();
    const roles = [...new Set(person.roles)].sort();
    const kept: StaffPerson = { policyId: person.policyId, email, name: person.name, roles, signedInAt: person.signedInAt };
    const before = await this.person(person.policyId, email);
    const dropped = (before?.roles ?? []).filter((r) => !roles.includes(r));
    const put = (k: { PK: string; SK: string }): TransactWriteItem => ({ Put: { TableName: this.table.name, Item: marshall({ ...k, person: kept }) } });
    const items: TransactWriteItem[] = [
      put(key.staffPerson(person.policyId, email)),
      ...roles.map((r) => put(key.staffInRole(person.policyId, r, email))),
      ...dropped.map((r) => ({ Delete: { TableName: this.table.name, Key: marshall(key.staffInRole(person.policyId, r, email)) } })),
    ];
    await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
  }

  async inRole(policyId: string, role: string): Promise<StaffPerson[]> {
    const first = key.staffInRole(policyId, role, '');
    const rows = await this.table.query({ value: first.PK, sortBeginsWith: first.SK }, 'ascending');
    return rows.map((r) => r.person as StaffPerson);
  }

  async person(policyId: string, email: string): Promise<StaffPerson | undefined> {
    const row = await this.table.get(key.staffPerson(policyId, email.trim().toLowerCase()));
    return row ? (row.person as StaffPerson) : undefined;
  }
}
