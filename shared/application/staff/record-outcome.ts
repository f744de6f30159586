import { recordOutcome as decide, type Decision } from '#domain/case/staff-actions';
import type { Case } from '#domain/case/case';
import { changeCase } from '../change-case.js';
import type { StaffDeps, StaffRequest } from './staff-deps.js';

/** `case outcome REF DECISION`: the stage's outcome was sent; the appeal and outside-body windows start. */
export function recordOutcome(deps: StaffDeps, request: StaffRequest & { readonly decision: Decision }): Promise<Case> {
  return changeCase(deps, request.reference, (c, policy) => ({ change: decide(policy, c, request.decision, request) }));
}
