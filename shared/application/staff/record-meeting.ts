import { recordMeeting as decide } from '#domain/case/actions/meeting';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case meeting REF --offered DATE | --held`: a meeting with the complainant. */
export function recordMeeting(deps: StaffDeps, request: StaffRequest & { readonly offeredFor?: string; readonly held?: boolean }): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => decide(c, request, ctx));
}
