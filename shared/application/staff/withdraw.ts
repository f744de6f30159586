import { withdraw as decide } from '#domain/case/actions/withdraw';
import type { Case } from '#domain/case/case';
import { staffChange, type StaffDeps, type StaffRequest } from './staff-deps.js';

/** `case withdraw REF [--confirmed-in-writing]`: the complainant withdrew (or asked to, where it must be confirmed in writing). */
export function withdraw(deps: StaffDeps, request: StaffRequest & { readonly confirmedInWriting: boolean }): Promise<Case> {
  return staffChange(deps, request, (c, policy, ctx) => decide(policy, c, request, ctx));
}
