import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { pendingDeadlines } from '../pending-deadlines.js';
import { change, deadlinesSet, event, iso, requireOpen, type ActionContext } from './action-kit.js';
import { clauseInWords } from '#domain/policy/clause-words';

/**
 * `case event REF EVENT`: one of the policy's own events happened (Connected Together 2.4: the nature of the
 * complaint is established), and the deadlines it starts at this stage begin (the 15-working-day response).
 */
export function recordEvent(policy: Policy, c: Case, eventId: string, ctx: ActionContext): CaseChange {
  const own = policy.events.find((e) => e.id === eventId);
  if (!own) throw new UnknownPolicyItemError('event', eventId, policy.events.map((e) => e.id));
  requireOpen(c, `record ${eventId}`);
  if (c.policyEvents?.some((e) => e.stage === c.stage && e.event === eventId)) throw new ActionRefusedError(`${eventId} is already recorded for ${c.reference} at ${c.stage}`);
  const planned = pendingDeadlines(policy, c.stage, eventId, ctx.at);
  return change(
    { ...c, deadlines: [...c.deadlines, ...planned], policyEvents: [...(c.policyEvents ?? []), { stage: c.stage, event: eventId, at: iso(ctx.at) }] },
    [event(ctx.at, 'event-recorded', ctx.actor, `${own.description} (${clauseInWords(own.clause)})`, { event: eventId }), ...deadlinesSet(ctx.at, c.stage, planned)],
    planned.length > 0,
  );
}
