import { recordEvent as decide } from '#domain/case/actions/record-event';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case event REF EVENT`: one of the policy's own events; the deadlines it starts begin. */
export function recordEvent(deps: StaffDeps, request: StaffRequest & { readonly event: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request.event, ctx));
}
