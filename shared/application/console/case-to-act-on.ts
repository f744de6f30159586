import { mayAct, mayKnowOf } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import type { Case } from '#domain/case/case';
import { ActionRefusedError } from '#domain/case/case-change';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Cases } from '../ports/cases.js';
import { CaseNotFoundError } from '../ports/store-errors.js';
import { roleTitle } from '#domain/policy/policy-lookups';

/** A case the person may read but not act on: its handler's role, or one above it, may. */
export class NotYoursToActOnError extends ActionRefusedError {
  constructor(
    readonly reference: string,
    handler: string,
  ) {
    super(`${reference} is handled by ${handler}: only they, or someone above them, can act on it`);
    this.name = 'NotYoursToActOnError';
  }
}

/**
 * The case a person asks to act on, when they may: its handler's role or one above it. One they may not know of
 * is "no such case"; one they may read but not act on says who can.
 */
export async function caseToActOn(deps: { readonly cases: Pick<Cases, 'get'>; readonly policies: PolicySet }, member: StaffMember, reference: string): Promise<{ c: Case; policy: Policy }> {
  const c = await deps.cases.get(reference);
  const policy = c ? deps.policies.get(c.policyId) : undefined;
  if (!c || !policy || !mayKnowOf(member, policy, c)) throw new CaseNotFoundError(reference);
  if (!mayAct(member, policy, c)) {
    throw new NotYoursToActOnError(reference, roleTitle(policy, c.handlerRole));
  }
  return { c, policy };
}
