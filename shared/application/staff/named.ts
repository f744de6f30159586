import { decideNamed, type NamedDecision } from '#domain/case/actions/named';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case named REF confirm|undo [--reason TEXT]`: the handler confirms or undoes whom the complaint's words named. */
export function named(deps: StaffDeps, request: StaffRequest & { readonly decision: NamedDecision; readonly reason?: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decideNamed(policy, c, request, ctx));
}
