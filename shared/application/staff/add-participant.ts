import { addParticipant as decide } from '#domain/case/actions/add-participant';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case add-participant REF EMAIL`: someone besides the complainant (a representative) may write into the case; letters still go only to the complainant. */
export function addParticipant(deps: StaffDeps, request: StaffRequest & { readonly email: string }): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => decide(c, request.email, ctx));
}
