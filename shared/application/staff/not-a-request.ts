import { notARequest as decide } from '#domain/case/actions/not-a-request';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case not-a-request REF [--reason TEXT]`: a reply flagged as perhaps asking for the next stage was not. */
export function notARequest(deps: StaffDeps, request: StaffRequest & { readonly reason?: string }): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => decide(c, request.reason, ctx));
}
