import { addNote as decide } from '#domain/case/actions/add-note';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case note REF TEXT`: an internal note on the timeline. */
export function addNote(deps: StaffDeps, request: StaffRequest & { readonly text: string }): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => decide(c, request.text, ctx));
}
