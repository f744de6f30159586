import { redirect as decide } from '#domain/case/actions/redirect';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case redirect REF OUT-OF-SCOPE-ID`: not for this procedure; the letter says where to go instead. */
export function redirect(deps: StaffDeps, request: StaffRequest & { readonly outOfScope: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request.outOfScope, ctx));
}
