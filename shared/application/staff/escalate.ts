import { escalate as decide } from '#domain/case/actions/escalate';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case escalate REF [--reason TEXT]`: the complainant asked for the next stage; its acknowledgement goes in the same write. */
export function escalate(deps: StaffDeps, request: StaffRequest & { readonly reason?: string; readonly via?: string }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request, ctx));
}
