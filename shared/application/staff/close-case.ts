import { closeCase as decide } from '#domain/case/actions/close-case';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case close REF`: the complaint is finished; the retention clock starts and the complainant is told. */
export function closeCase(deps: StaffDeps, request: StaffRequest): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, ctx));
}
