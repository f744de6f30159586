import { changeStage as decide } from '#domain/case/staff-actions';
import type { Case } from '#domain/case/case';
import { changeCase } from '../change-case.js';
import type { StaffDeps, StaffRequest } from './staff-deps.js';

/** `case stage REF STAGE`: the case moves to another stage (an appeal, a review); the old stage's deadlines close, the new one's start. */
export function changeStage(deps: StaffDeps, request: StaffRequest & { readonly stage: string }): Promise<Case> {
  return changeCase(deps, request.reference, (c, policy) => ({ change: decide(policy, c, request.stage, request) }));
}
