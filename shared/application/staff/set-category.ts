import { setCategory as decide } from '#domain/case/actions/set-category';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case category REF ID`: the category the case is filed under, for the report. */
export function setCategory(deps: StaffDeps, request: StaffRequest & { readonly category: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request.category, ctx));
}
