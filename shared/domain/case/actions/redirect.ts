import { letterFor } from '#domain/letters/complainant-letter';
import { redirectFacts } from '#domain/letters/letter-view';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireOpen, type ActionContext } from './action-kit.js';
import { closed } from './close-case.js';
import { clauseInWords } from '#domain/policy/clause-words';

/** `case redirect REF OUT-OF-SCOPE-ID`: not for this procedure; the letter says where to take it, and the case closes. */
export function redirect(policy: Policy, c: Case, outOfScopeId: string, ctx: ActionContext): CaseChange {
  const matter = policy.outOfScope.find((o) => o.id === outOfScopeId);
  if (!matter) throw new UnknownPolicyItemError('out-of-scope matter', outOfScopeId, policy.outOfScope.map((o) => o.id));
  requireOpen(c, 'redirect it');
  const done = closed(policy, c, 'redirected', ctx.at);
  return change(
    { ...done.case, recordedAsComplaint: false, redirectedTo: matter.id },
    [event(ctx.at, 'redirected', ctx.actor, `Not for this procedure: ${matter.matter}; sent to ${matter.goTo} (${clauseInWords(matter.clause)})`, { outOfScope: matter.id }), ...done.events],
    true,
    letterFor(policy, done.case, redirectFacts(policy, done.case, matter), matter.id, iso(ctx.at), ctx.sending),
  );
}
