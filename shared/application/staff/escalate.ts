import { escalate as decide, type EscalateRequest } from '#domain/case/actions/escalate';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/**
 * `case escalate REF [--grounds TEXT] [--reason TEXT]`: the complainant asked for the next stage; its
 * acknowledgement and the notice to its handler go in the same write.
 */
export function escalate(deps: StaffDeps, request: StaffRequest & EscalateRequest): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request, ctx));
}
