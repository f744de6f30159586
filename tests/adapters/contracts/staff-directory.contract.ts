/** What every StaffDirectory does (application/ports/staff-directory.ts): one specification for the fake and DynamoDB. */
import { describe, expect, it } from 'vitest';
import type { StaffPerson } from '#domain/access/staff-person';
import { aPolicy } from './fixtures.js';
import type { StoresMaker } from './stores.js';

const person = (policyId: string, email: string, roles: string[], name = email.split('@')[0] as string): StaffPerson => ({ policyId, email, name, roles, signedInAt: '2026-11-23T09:00:00.000Z' });

export function staffDirectoryContract(make: StoresMaker): void {
  describe('StaffDirectory', () => {
    it('lists the people of one role of one organisation, by address; a role whose name begins another is its own', async () => {
      const { staffDirectory } = await make();
      const policy = aPolicy();
      const other = aPolicy();
      await staffDirectory.record(person(policy, 'sam@example.org', ['manager']));
      await staffDirectory.record(person(policy, 'al@example.org', ['manager', 'director']));
      await staffDirectory.record(person(policy, 'io@example.org', ['manager-2']));
      await staffDirectory.record(person(other, 'zed@example.org', ['manager']));
      expect((await staffDirectory.inRole(policy, 'manager')).map((p) => p.email)).toEqual(['al@example.org', 'sam@example.org']);
      expect((await staffDirectory.inRole(policy, 'director')).map((p) => p.email)).toEqual(['al@example.org']);
      expect(await staffDirectory.inRole(policy, 'nobody')).toEqual([]);
      expect(await staffDirectory.person(policy, 'AL@example.org')).toEqual(person(policy, 'al@example.org', ['director', 'manager']));
      expect(await staffDirectory.person(policy, 'zed@example.org')).toBeUndefined();
    });

    it('a later sign-in gives the name and roles as they are now: a role no longer held no longer lists them', async () => {
      const { staffDirectory } = await make();
      const policy = aPolicy();
      await staffDirectory.record(person(policy, 'Sam@Example.org', ['manager', 'director'], 'Sam'));
      await staffDirectory.record({ ...person(policy, 'sam@example.org', ['director'], 'Sam Jones'), signedInAt: '2026-11-24T09:00:00.000Z' });
      expect(await staffDirectory.inRole(policy, 'manager')).toEqual([]);
      expect(await staffDirectory.inRole(policy, 'director')).toEqual([{ policyId: policy, email: 'sam@example.org', name: 'Sam Jones', roles: ['director'], signedInAt: '2026-11-24T09:00:00.000Z' }]);
    });
  });
}
