import { markActionDone as decide } from '#domain/case/actions/action-done';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case action-done REF N`: an action agreed at an outcome was done. */
export function markActionDone(deps: StaffDeps, request: StaffRequest & { readonly action: number }): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => decide(c, request.action, ctx));
}
