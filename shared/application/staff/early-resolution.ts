import { earlyResolution as decide } from '#domain/case/actions/early-resolution';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case early-resolution REF --summary TEXT`: resolved at once, so not recorded as a complaint (the council). */
export function earlyResolution(deps: StaffDeps, request: StaffRequest & { readonly summary: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request.summary, ctx));
}
