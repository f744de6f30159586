import { acknowledge as decide } from '#domain/case/actions/acknowledge';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case acknowledge REF [--respond-by DATE] [--by-post-or-phone]`: staff acknowledged it, or set the reply date the policy leaves to them. */
export function acknowledge(deps: StaffDeps, request: StaffRequest & { readonly respondBy?: string; readonly byPostOrPhone?: boolean }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, { ...ctx, ...(request.respondBy ? { respondBy: request.respondBy } : {}), ...(request.byPostOrPhone ? { byPostOrPhone: true } : {}) }));
}
