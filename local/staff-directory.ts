import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { membershipGroup, OPERATOR_GROUP } from '#domain/access/staff-member';
import type { PolicySet } from '#domain/policy/policy-set';

const person = z.object({
  username: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'must be lower-case letters, digits, dots and dashes')),
  name: z.string().check(z.minLength(1)),
  email: z.email(),
  /** Local only: the file is the owner's alone, and the password is printed in `npm start`'s banner. */
  password: z.string().check(z.minLength(12)),
  /** "<policy-id>:<role>" for each organisation and role, and "operator". */
  groups: z.array(z.string()),
});
const directory = z.object({ staff: z.array(person) });
export type LocalStaffMember = z.infer<typeof person>;

/**
 * The staff the local sign-in knows, from a file (`REDRESS_LOCAL_STAFF_FILE`, under the data folder by default):
 * made on first start with one person per role of each policy and an operator, each with a random password, and
 * read as it is afterwards, so a developer can add people or roles by editing it. It stands in for Cognito's
 * users and groups; the console reads the same claims from both.
 */
export function localStaffDirectory(file: string, policies: PolicySet): LocalStaffMember[] {
  if (!existsSync(file)) {
    const staff: LocalStaffMember[] = [
      ...policies.all.flatMap((p) =>
        p.roles.map((r) => ({
          username: `${p.id}.${r.id}`,
          name: `${r.title} (${p.organisation.name})`,
          email: `${r.id}@${p.id}.staff.localhost`,
          password: randomBytes(9).toString('base64url'),
          groups: [membershipGroup({ policyId: p.id, role: r.id })],
        })),
      ),
      { username: 'operator', name: 'Redress operator', email: 'operator@staff.localhost', password: randomBytes(9).toString('base64url'), groups: [OPERATOR_GROUP] },
    ];
    writeFileSync(file, JSON.stringify({ staff }, null, 2) + '\n', { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  const parsed = directory.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.staff;
}

/** The person with this username and password, compared in constant time; undefined otherwise. */
export function checkPassword(staff: readonly LocalStaffMember[], username: string, password: string): LocalStaffMember | undefined {
  const found = staff.find((s) => s.username === username.trim().toLowerCase());
  const expected = Buffer.from(found?.password ?? 'x'.repeat(12));
  const given = Buffer.from(password);
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  return found && same ? found : undefined;
}
