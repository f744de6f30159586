import { recordOutcome as decide, type OutcomeRequest } from '#domain/case/actions/record-outcome';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case outcome REF DECISION --summary TEXT ...`: the stage's decision and its letter, checked, in one write. */
export function recordOutcome(deps: StaffDeps, request: StaffRequest & OutcomeRequest): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request, ctx));
}
