import { recordReferral as decide } from '#domain/case/actions/record-referral';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case outside-body REF BODY`: the complainant took the complaint to an outside body. */
export function recordReferral(deps: StaffDeps, request: StaffRequest & { readonly body: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request.body, ctx));
}
