import type { DateTime } from 'luxon';
import type { Policy } from '#domain/policy/policy-schema';
import type { Case, CaseDeadline, TimelineEvent } from '../case.js';
import { pendingDeadlines } from '../pending-deadlines.js';
import { handlerFor } from '../route-case.js';
import { deadlinesSet, event, replyDateDeadline } from './action-kit.js';

/**
 * The deadlines a stage starts with when a case reaches it at `at`: its own for "received", and a reply date
 * the policy leaves to staff at its default.
 */
export function stageDeadlines(policy: Policy, stageId: string, at: DateTime): CaseDeadline[] {
  const stage = policy.stages.find((s) => s.id === stageId);
  const planned = pendingDeadlines(policy, stageId, 'received', at);
  const reply = stage && !planned.some((d) => d.kind === 'respond') ? replyDateDeadline(policy, stage, at) : undefined;
  return reply ? [...planned, reply] : planned;
}

/**
 * The case moves to a stage: its handler by routing (never the person it is about), its deadlines. What was
 * pending at the stage it leaves ends ("closed"), except the outside bodies' windows, which run from the event
 * the policy names and survive later stages (NACCC: twelve weeks from the end of stage 2), and retention.
 */
export function enterStage(policy: Policy, c: Case, stageId: string, at: DateTime, actor: string, why: string): { case: Case; events: TimelineEvent[] } {
  const planned = stageDeadlines(policy, stageId, at);
  const survives = (d: CaseDeadline) => d.kind === 'external-escalation-window' || d.kind === 'retention';
  const ended = c.deadlines.map((d) => (d.status === 'pending' && !survives(d) ? { ...d, status: 'closed' as const } : d));
  const { possibleNextStageRequest: _answered, ...rest } = c;
  const entered = [...(c.stagesEntered ?? [{ stage: c.stage, at: c.receivedAt }]), { stage: stageId, at: at.toUTC().toISO() as string }];
  const moved: Case = { ...rest, stage: stageId, handlerRole: handlerFor(policy, stageId, c.about), deadlines: [...ended, ...planned], stagesEntered: entered };
  return {
    case: moved,
    events: [event(at, 'stage-changed', actor, `Moved from ${c.stage} to ${stageId}: ${why}`, { from: c.stage, to: stageId }), ...deadlinesSet(at, stageId, planned)],
  };
}

/**
 * A move the policy makes by itself (Not Alone Mentoring 7.1: every acknowledged complaint goes on to
 * investigation): applied right after the case is acknowledged, so the acknowledgement gives the next stage's dates.
 */
export function automaticMove(policy: Policy, c: Case, at: DateTime): { case: Case; events: TimelineEvent[] } {
  const next = policy.stages.find((s) => s.id === c.stage)?.next;
  if (!next || next.trigger !== 'automatic' || next.when !== 'acknowledged' || c.status !== 'open') return { case: c, events: [] };
  return enterStage(policy, c, next.stage, at, 'redress', `${next.how} (clause ${next.clause})`);
}
