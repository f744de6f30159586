import { markDeadlineMet as decide } from '#domain/case/staff-actions';
import type { Case } from '#domain/case/case';
import { changeCase } from '../change-case.js';
import type { StaffDeps, StaffRequest } from './staff-deps.js';

/** `case met REF KIND`: a deadline was met (acknowledged, met the complainant, responded); it stops being chased. */
export function markDeadlineMet(deps: StaffDeps, request: StaffRequest & { readonly kind: string }): Promise<Case> {
  return changeCase(deps, request.reference, (c) => ({ change: decide(c, request.kind, request) }));
}
