import { deadlineDone } from '../pending-deadlines.js';
import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { nextStageAcknowledgementFacts } from '#domain/letters/letter-view';
import type { NextStageAsked } from '#domain/letters/stage-notices';
import { clauseInWords } from '#domain/policy/clause-words';
import type { Policy } from '#domain/policy/policy-schema';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { writableByEmail } from '../reachable.js';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireOpen, stageOf, staffNotices, type ActionContext } from './action-kit.js';
import { movedToStage, stageNotice } from './enter-stage.js';
import { stageById } from '#domain/policy/policy-lookups';

/** A request for the next stage: why it is accepted late, how it came, and the complainant's reasons. */
export interface EscalateRequest {
  /** Why a request after the time to ask ended is accepted anyway (needed only then). */
  readonly reason?: string;
  /** How it came, for the timeline and the handler ("on their complaint page"); a confirmed email says so itself. */
  readonly via?: string;
  /** What the complainant says is still wrong: typed by them on their page, or as staff took it down. */
  readonly grounds?: string;
  /** The grounds are the complainant's own typing (their page), not staff's note of a call or a letter. */
  readonly groundsInOwnWords?: boolean;
}

/**
 * `case escalate REF [--grounds TEXT] [--reason TEXT]`: the complainant asked for the next stage. Within the
 * stage's window (Not Alone Mentoring 8.1: fourteen working days of the outcome) it always goes ahead; after it,
 * only with a recorded reason. The next stage's deadlines start, its handler is chosen by routing and told (with
 * the complainant's reasons: those given, or the email staff confirmed as the request), and its acknowledgement
 * goes in the same step (meeting its acknowledge deadline).
 */
export function escalate(policy: Policy, c: Case, request: EscalateRequest, ctx: ActionContext): CaseChange {
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
  const afterWindow = Boolean(window && today > window.dueDate);
  if (window && afterWindow && !reason) {
    throw new ActionRefusedError(
      `the time to ask for the next stage ended on ${dateInWords(window.dueDate)} (${window.rule}, ${clauseInWords(window.clause)}); to accept the request anyway, give the reason`,
      { input: 'reason' },
    );
  }
  const grounds = request.grounds?.trim() ? boundText(request.grounds.trim(), TEXT_BOUNDS.grounds) : undefined;
  const used = window ? { ...c, deadlines: c.deadlines.map((d) => (d === window ? { ...d, status: 'met' as const } : d)) } : c;
  const target = stageById(policy, next.stage);
  const emailed = c.possibleNextStageRequest;
  const via = request.via ?? (emailed ? `by email on ${dateInWords(londonDate(emailed.at))}` : undefined);
  const moved = movedToStage(policy, used, next.stage, ctx.at, ctx.actor, `the complainant asked for ${target?.name ?? next.stage}${reason ? ` (${reason})` : ''}`);
  const writable = writableByEmail(moved.case);
  const acknowledged: Case = writable
    ? { ...moved.case, acknowledgedAt: iso(ctx.at), deadlines: moved.case.deadlines.map((d) => (d.stage === next.stage && d.kind === 'acknowledge' && d.status === 'pending' ? deadlineDone(d, iso(ctx.at)) : d)) }
    : moved.case;
  const events = [
    event(
      ctx.at,
      'next-stage-requested',
      ctx.actor,
      `The complainant asked for ${target?.name ?? next.stage}${via ? ` (${via})` : ''}${window && afterWindow ? `, after the window ended on ${window.dueDate}: ${reason}` : ''}${grounds ? `. Their reasons: ${grounds}` : ''}`,
      { from: c.stage, to: next.stage, ...(reason ? { reason } : {}), ...(grounds ? { grounds, groundsInOwnWords: request.groundsInOwnWords === true } : {}) },
    ),
    ...moved.events,
  ];
  const asked: NextStageAsked = {
    via: via ?? `recorded by ${ctx.actor}`,
    ...(grounds ? { grounds: { words: grounds, by: request.groundsInOwnWords ? 'complainant' : 'staff' } } : {}),
    ...(emailed?.words ? { email: { at: emailed.at, words: emailed.words } } : {}),
    ...(window && afterWindow && reason ? { late: { windowEnded: window.dueDate, reason } } : {}),
  };
  return change(
    acknowledged,
    events,
    true,
    letterFor(policy, acknowledged, nextStageAcknowledgementFacts(policy, acknowledged), `${next.stage}-received`, iso(ctx.at), ctx.sending),
    staffNotices([stageNotice(policy, acknowledged, { at: iso(ctx.at), asked }, ctx.sending)]),
  );
}
