/** One organisation a person works for, and their role in its policy (a role id of that policy). */
export interface Membership {
  readonly policyId: string;
  readonly role: string;
}

/**
 * A signed-in member of staff, as the sign-in said (Cognito groups on AWS, the local staff file locally). An
 * operator looks after the deployment: held mail across organisations, no case content unless also a member.
 */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly memberships: readonly Membership[];
  readonly operator: boolean;
}

/** The group name a membership travels under in the identity provider: "<policy-id>:<role>". */
export function membershipGroup(m: Membership): string {
  return `${m.policyId}:${m.role}`;
}

/** The group that makes a person an operator. */
export const OPERATOR_GROUP = 'operator';

/** Memberships and operator standing from the groups a sign-in carries; groups of no known form are ignored. */
export function fromGroups(groups: readonly string[]): { memberships: Membership[]; operator: boolean } {
  const memberships = groups.flatMap((g) => {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(g);
    return match ? [{ policyId: match[1] as string, role: match[2] as string }] : [];
  });
  return { memberships, operator: groups.includes(OPERATOR_GROUP) };
}
