import { issuePage as issue, revokePage as revoke } from '#domain/case/actions/complainant-page';
import type { Case } from '#domain/case/case';
import { newPageToken } from '../complainant/page-token.js';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** A new page address for the case (the old one stops working); the case as saved carries it. */
export function issuePage(deps: StaffDeps, request: StaffRequest): Promise<Case> {
  const token = newPageToken();
  return staffChange(deps, request, (c, _policy, ctx) => issue(c, token, ctx));
}

/** The case's page taken down: its address opens nothing, and letters carry no link. */
export function revokePage(deps: StaffDeps, request: StaffRequest): Promise<Case> {
  return staffChange(deps, request, (c, _policy, ctx) => revoke(c, ctx));
}
