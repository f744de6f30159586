import type { Case } from '#domain/case/case';
import { rolesAbout } from '#domain/case/named-in-complaint';
import type { Policy } from '#domain/policy/policy-schema';
import { readsCases } from '#domain/policy/capability';
import type { StaffMember } from './staff-member.js';

/** The roles a person holds in one organisation. */
export function rolesIn(member: StaffMember, policyId: string): Set<string> {
  return new Set(member.memberships.filter((m) => m.policyId === policyId).map((m) => m.role));
}

/**
 * The roles a person holds in one organisation that read its cases: a role for reports alone (the Member
 * Responsible for Complaints) gives its holder the organisation's annual report, never a case.
 */
export function caseRolesIn(member: StaffMember, policy: Policy): Set<string> {
  return new Set([...rolesIn(member, policy.id)].filter((r) => readsCases(policy.roles.find((role) => role.id === r)?.capabilities)));
}

/** A role and every role above it (`reportsTo`, all the way up). */
export function roleAndAbove(policy: Policy, role: string): Set<string> {
  const chain = new Set<string>();
  for (let current: string | undefined = role; current && !chain.has(current); current = policy.roles.find((r) => r.id === current)?.reportsTo) chain.add(current);
  return chain;
}

/**
 * Whether a person may know a case exists (see it listed, counted, found): a member of its organisation, and
 * never the person it is about (Alumot's CEO does not learn of a complaint about the CEO, even by a count).
 */
export function mayKnowOf(member: StaffMember, policy: Policy, c: Pick<Case, 'about' | 'named'>): boolean {
  const roles = caseRolesIn(member, policy);
  if (roles.size === 0) return false;
  return !rolesAbout(c).some((r) => roles.has(r));
}

/**
 * Whether a person may read what a case says: one they may know of that is not confidential, or a confidential
 * one when they hold its handler's role or a role above it. Everyone else sees its reference and "confidential".
 */
export function mayRead(member: StaffMember, policy: Policy, c: Pick<Case, 'about' | 'named' | 'confidential' | 'handlerRole'>): boolean {
  if (!mayKnowOf(member, policy, c)) return false;
  if (!c.confidential) return true;
  const allowed = roleAndAbove(policy, c.handlerRole);
  return [...rolesIn(member, policy.id)].some((r) => allowed.has(r));
}

/**
 * Whether a person may act on a case: they may read it and hold its handler's role or one above it. The rules of
 * each action (the independence of a later stage's reviewer, the policy's own) are the actions' to check.
 */
export function mayAct(member: StaffMember, policy: Policy, c: Case): boolean {
  if (!mayRead(member, policy, c)) return false;
  const allowed = roleAndAbove(policy, c.handlerRole);
  return [...rolesIn(member, policy.id)].some((r) => allowed.has(r));
}

/**
 * Whether a person may read an organisation's annual report: a member holding a role the policy's report is for
 * (`reporting.to`), or one above it; with no roles named, any member; and whoever holds a role with the `reports`
 * capability (the Member Responsible for Complaints).
 */
export function mayReadReport(member: StaffMember, policy: Policy): boolean {
  const roles = rolesIn(member, policy.id);
  if (roles.size === 0) return false;
  if (policy.roles.some((r) => roles.has(r.id) && r.capabilities?.includes('reports'))) return true;
  if (policy.reporting.to.length === 0) return true;
  return policy.reporting.to.some((to) => [...roles].some((r) => roleAndAbove(policy, to).has(r)));
}
