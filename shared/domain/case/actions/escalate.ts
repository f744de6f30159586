import { deadlineDone } from '../pending-deadlines.js';
import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { nextStageAcknowledgementFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import { writableByEmail } from '../reachable.js';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireOpen, stageOf, type ActionContext } from './action-kit.js';
import { enterStage } from './enter-stage.js';

/**
 * `case escalate REF [--reason TEXT]`: the complainant asked for the next stage. Within the stage's window
 * (Not Alone Mentoring 8.1: fourteen working days of the outcome) it always goes ahead; after it, only with a
 * recorded reason. The next stage's deadlines start, its handler is chosen by routing, and its acknowledgement
 * goes in the same step (meeting its acknowledge deadline).
 */
export function escalate(policy: Policy, c: Case, request: { readonly reason?: string; readonly via?: string }, ctx: ActionContext): CaseChange {
  requireOpen(c, 'take it to the next stage');
  const stage = stageOf(policy, c);
  const next = stage.next;
  if (!next) {
    const bodies = policy.outsideBodies.filter((b) => !b.forMatters?.length).map((b) => b.name).join('; ');
    throw new ActionRefusedError(`${stage.name} is the last stage: its decision is final${bodies ? `; the complainant can go to ${bodies}` : ''}`);
  }
  if (next.trigger === 'automatic') throw new ActionRefusedError(`${stage.name} moves on to the next stage by itself: ${next.how}`);
  const answered = c.outcomes?.some((o) => o.stage === c.stage);
  const late = c.deadlines.some((d) => d.stage === c.stage && d.kind === 'respond' && d.status === 'missed');
  if (!answered && !late) {
    throw new ActionRefusedError(`${c.reference} has no outcome at ${stage.name} yet; the next stage can be asked for once the complainant has our response, or once it is late`);
  }
  const window = c.deadlines.find((d) => d.stage === c.stage && d.kind === 'appeal-window' && d.status !== 'met');
  const reason = request.reason?.trim();
  const today = londonDate(ctx.at);
  if (window && today > window.dueDate && !reason) {
    throw new ActionRefusedError(
      `the time to ask for the next stage ended on ${dateInWords(window.dueDate)} (${window.rule}, clause ${window.clause}); to accept the request anyway, give the reason`,
      { input: 'reason' },
    );
  }
  const used = window ? { ...c, deadlines: c.deadlines.map((d) => (d === window ? { ...d, status: 'met' as const } : d)) } : c;
  const target = policy.stages.find((s) => s.id === next.stage);
  const via = request.via ?? (c.possibleNextStageRequest ? `by email on ${dateInWords(londonDate(c.possibleNextStageRequest.at))}` : undefined);
  const moved = enterStage(policy, used, next.stage, ctx.at, ctx.actor, `the complainant asked for ${target?.name ?? next.stage}${reason ? ` (${reason})` : ''}`);
  const writable = writableByEmail(moved.case);
  const acknowledged: Case = writable
    ? { ...moved.case, acknowledgedAt: iso(ctx.at), deadlines: moved.case.deadlines.map((d) => (d.stage === next.stage && d.kind === 'acknowledge' && d.status === 'pending' ? deadlineDone(d, iso(ctx.at)) : d)) }
    : moved.case;
  const events = [
    event(ctx.at, 'next-stage-requested', ctx.actor, `The complainant asked for ${target?.name ?? next.stage}${via ? ` (${via})` : ''}${window && today > window.dueDate ? `, after the window ended on ${window.dueDate}: ${reason}` : ''}`, {
      from: c.stage,
      to: next.stage,
      ...(reason ? { reason } : {}),
    }),
    ...moved.events,
  ];
  return change(acknowledged, events, true, letterFor(policy, acknowledged, nextStageAcknowledgementFacts(policy, acknowledged), `${next.stage}-received`, iso(ctx.at), ctx.sending));
}
