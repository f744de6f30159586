import { extendDeadline as decide } from '#domain/case/actions/extend-deadline';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

export interface ExtendRequest extends StaffRequest {
  readonly kind: string;
  readonly newDate: string;
  readonly reason: string;
  readonly agreed?: boolean;
}

/** `case extend REF KIND DATE --reason TEXT [--agreed]`: more time, with the holding letter in the same write. */
export function extendDeadline(deps: StaffDeps, request: ExtendRequest): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request, ctx));
}
