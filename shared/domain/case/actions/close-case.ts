import type { DateTime } from 'luxon';
import { letterFor } from '#domain/letters/complainant-letter';
import { closureFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseChange } from '../case-change.js';
import type { Case, ClosureReason, TimelineEvent } from '../case.js';
import { pendingDeadlines } from '../pending-deadlines.js';
import { categoryToClose } from './category-to-close.js';
import { change, deadlinesSet, event, iso, requireOpen, type ActionContext } from './action-kit.js';
import { stageById } from '#domain/policy/policy-lookups';

/**
 * The case as closed: what is still pending ends (an outside body's window is the complainant's and runs on),
 * and the retention clock starts.
 */
export function closed(policy: Policy, c: Case, reason: ClosureReason, at: DateTime): { case: Case; events: TimelineEvent[] } {
  const planned = pendingDeadlines(policy, c.stage, 'closed', at);
  const ended = c.deadlines.map((d) => (d.status === 'pending' && d.kind !== 'external-escalation-window' ? { ...d, status: 'closed' as const } : d));
  const { possibleNextStageRequest: _unanswered, ...rest } = c;
  return {
    case: { ...rest, status: 'closed', closedAt: iso(at), closure: reason, deadlines: [...ended, ...planned] },
    events: deadlinesSet(at, c.stage, planned),
  };
}

/**
 * `case close REF`: the complaint is finished. The complainant gets a closure letter (with where else to go
 * while an outside body's window is open, and when the records will be destroyed), unless the last letter
 * was the final decision, which said all of that already. Where the policy reports by category, it needs one
 * (`--category`, or set before).
 */
export function closeCase(policy: Policy, c: Case, ctx: ActionContext, category?: string): CaseChange {
  requireOpen(c, 'close it');
  const filed = categoryToClose(policy, c, category, ctx);
  const done = closed(policy, filed.case, 'resolved', ctx.at);
  const finalSent = c.outcome && stageById(policy, c.outcome?.stage)?.final;
  const events = [...filed.events, event(ctx.at, 'closed', ctx.actor, 'Case closed'), ...done.events];
  if (finalSent) return change(done.case, events, true);
  return change(done.case, events, true, letterFor(policy, done.case, closureFacts(policy, done.case, 'resolved'), 'resolved', iso(ctx.at), ctx.sending));
}
