import { extendDeadline as decide } from '#domain/case/staff-actions';
import type { Case } from '#domain/case/case';
import { changeCase } from '../change-case.js';
import type { StaffDeps, StaffRequest } from './staff-deps.js';

/** `case extend REF KIND DATE --reason TEXT`: more time for a deadline, with the reason on the timeline. */
export function extendDeadline(deps: StaffDeps, request: StaffRequest & { readonly kind: string; readonly newDate: string; readonly reason: string }): Promise<Case> {
  return changeCase(deps, request.reference, (c) => ({ change: decide(c, request.kind, request.newDate, request.reason, request) }));
}
