import { mayKnowOf } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import type { Case } from '#domain/case/case';
import { ActionRefusedError } from '#domain/case/case-change';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Cases } from '../ports/cases.js';
import { CaseNotFoundError } from '../ports/store-errors.js';
import type { WhoMay } from '../staff/staff-action-catalogue.js';

/** A case the person may read but not act on this way: the message says who can. */
export class NotYoursToActOnError extends ActionRefusedError {
  constructor(
    readonly reference: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotYoursToActOnError';
  }
}

/**
 * Whether this person may take an action on a case as read: one they may not know of is "no such case"
 * (CaseNotFoundError); one they may know of but not act on this way says who can (NotYoursToActOnError).
 */
export function authoriseOnCase(member: StaffMember, policy: Policy, c: Case, who: WhoMay): void {
  if (!mayKnowOf(member, policy, c)) throw new CaseNotFoundError(c.reference);
  if (!who.may(member, policy, c)) throw new NotYoursToActOnError(c.reference, who.refusal(policy, c));
}

/** The case a person asks to act on (to show them its form), when they may: see authoriseOnCase. */
export async function caseToActOn(deps: { readonly cases: Pick<Cases, 'get'>; readonly policies: PolicySet }, member: StaffMember, reference: string, who: WhoMay): Promise<{ c: Case; policy: Policy }> {
  const c = await deps.cases.get(reference);
  if (!c) throw new CaseNotFoundError(reference);
  const policy = deps.policies.get(c.policyId);
  authoriseOnCase(member, policy, c, who);
  return { c, policy };
}
