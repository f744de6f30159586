import { reassign as decide } from '#domain/case/actions/reassign';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case reassign REF ROLE`: another handler, never the person it is about nor, where the policy says so, an earlier stage's. */
export function reassign(deps: StaffDeps, request: StaffRequest & { readonly role: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request.role, ctx));
}
