import { markDeadlineMet as decide } from '#domain/case/actions/mark-deadline-met';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case met REF KIND`: a deadline was met by other means; it stops being chased. */
export function markDeadlineMet(deps: StaffDeps, request: StaffRequest & { readonly kind: string }): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => decide(c, request.kind, ctx));
}
