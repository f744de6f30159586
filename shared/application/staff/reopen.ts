import { reopen as decide } from '#domain/case/actions/reopen';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case reopen REF --reason TEXT`: a closed case is open again. */
export function reopen(deps: StaffDeps, request: StaffRequest & { readonly reason: string }): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => decide(c, request.reason, ctx));
}
