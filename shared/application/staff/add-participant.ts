import { addParticipant as decide } from '#domain/case/staff-actions';
import type { Case } from '#domain/case/case';
import { changeCase } from '../change-case.js';
import type { StaffDeps, StaffRequest } from './staff-deps.js';

/** `case add-participant REF EMAIL`: someone besides the complainant (a representative) may write into the case; letters still go only to the complainant. */
export function addParticipant(deps: StaffDeps, request: StaffRequest & { readonly email: string }): Promise<Case> {
  return changeCase(deps, request.reference, (c) => ({ change: decide(c, request.email, request) }));
}
