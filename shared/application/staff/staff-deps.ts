import type { DateTime } from 'luxon';
import type { ActionContext } from '#domain/case/actions/action-kit';
import type { CaseChange } from '#domain/case/case-change';
import type { Case } from '#domain/case/case';
import type { Sending } from '#domain/letters/addressing';
import type { Policy } from '#domain/policy/policy-schema';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';
import type { Counters } from '../ports/counters.js';

/** What every staff action needs: the cases, the policies, and how letters are addressed. */
export interface StaffDeps extends ChangeCaseDeps {
  readonly counters: Counters;
  readonly sending: Sending;
}

/** Who asked for the action and when it happened (staff may record something that happened earlier). */
export interface StaffRequest {
  readonly reference: string;
  readonly at: DateTime;
  readonly actor: string;
}

/** A staff action that is one domain decision on the case as it is now, saved in one write (retried on a race). */
export function staffChange(deps: StaffDeps, request: StaffRequest, decide: (c: Case, policy: Policy, ctx: ActionContext) => CaseChange): Promise<Case> {
  const ctx: ActionContext = { at: request.at, actor: request.actor, sending: deps.sending };
  return changeCase(deps, request.reference, (c, policy) => ({ change: decide(c, policy, ctx) }));
}
