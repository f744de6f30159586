import { closeCase as decide } from '#domain/case/staff-actions';
import type { Case } from '#domain/case/case';
import { changeCase } from '../change-case.js';
import type { StaffDeps, StaffRequest } from './staff-deps.js';

/** `case close REF`: the case is closed; what is still open ends and the retention clock starts. */
export function closeCase(deps: StaffDeps, request: StaffRequest): Promise<Case> {
  return changeCase(deps, request.reference, (c, policy) => ({ change: decide(policy, c, request) }));
}
