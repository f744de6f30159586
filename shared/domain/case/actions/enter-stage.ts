import type { DateTime } from 'luxon';
import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { stageEntryNotice, type StageEntry } from '#domain/letters/stage-notices';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Policy } from '#domain/policy/policy-schema';
import type { Case, CaseDeadline, TimelineEvent } from '../case.js';
import { pendingDeadlines } from '../pending-deadlines.js';
import { rolesAbout } from '../named-in-complaint.js';
import { handlerFor, noticeAddress } from '../route-case.js';
import { clauseInWords } from '#domain/policy/clause-words';
import { deadlinesSet, event, iso, replyDateDeadline } from './action-kit.js';
import { stageById, stageName } from '#domain/policy/policy-lookups';

/**
 * The deadlines a stage starts with when a case reaches it at `at`: its own for "received", and a reply date
 * the policy leaves to staff at its default.
 */
export function stageDeadlines(policy: Policy, stageId: string, at: DateTime): CaseDeadline[] {
  const stage = stageById(policy, stageId);
  const planned = pendingDeadlines(policy, stageId, 'received', at);
  const reply = stage && !planned.some((d) => d.kind === 'respond') ? replyDateDeadline(policy, stage, at) : undefined;
  return reply ? [...planned, reply] : planned;
}

/**
 * The case as it stands in a stage: its handler by routing (never the person it is about), its deadlines. What
 * was pending at the stage it leaves ends ("closed"), except the outside bodies' windows, which run from the
 * event the policy names and survive later stages (NACCC: twelve weeks from the end of stage 2), and retention.
 * Tells nobody by itself: a case that really moves also sends its handler stageNotice (escalate, automaticMove).
 */
export function movedToStage(policy: Policy, c: Case, stageId: string, at: DateTime, actor: string, why: string): { case: Case; events: TimelineEvent[] } {
  const planned = stageDeadlines(policy, stageId, at);
  const survives = (d: CaseDeadline) => d.kind === 'external-escalation-window' || d.kind === 'retention';
  const ended = c.deadlines.map((d) => (d.status === 'pending' && !survives(d) ? { ...d, status: 'closed' as const } : d));
  // The person who had it handled the stage it leaves; the next stage's role assigns its own.
  const { possibleNextStageRequest: _answered, handler: _previous, ...rest } = c;
  const entered = [...(c.stagesEntered ?? [{ stage: c.stage, at: c.receivedAt }]), { stage: stageId, at: at.toUTC().toISO() as string }];
  const moved: Case = { ...rest, stage: stageId, handlerRole: handlerFor(policy, stageId, rolesAbout(c)), deadlines: [...ended, ...planned], stagesEntered: entered };
  return {
    case: moved,
    events: [event(at, 'stage-changed', actor, `Moved from ${stageName(policy, c.stage)} to ${stageName(policy, stageId)}: ${why}`, { from: c.stage, to: stageId }), ...deadlinesSet(at, stageId, planned)],
  };
}

/** A case moved on to a stage, and the notice that tells its handler. */
export interface StageEntered {
  readonly case: Case;
  readonly events: TimelineEvent[];
  readonly letters: LetterToSend[];
}

/**
 * The notice to a stage's handler that the case has entered it, by whatever path it came (the complainant asked
 * on their page or by email, staff recorded it, the policy moved it on): how it came, the complainant's reasons,
 * the dates now running, the console link. It goes where the handler role's notices go, never to the person the
 * complaint is about. Made from the case as the step leaves it, so that it can say what the step did (an
 * acknowledgement sent).
 */
export function stageNotice(policy: Policy, c: Case, entry: StageEntry, sending: Sending): LetterToSend {
  const to = noticeAddress(policy, c, c.handlerRole, sending.operatorEmail);
  return noticeToStaff(policy, c.reference, c.reference, [to], stageEntryNotice(policy, c, entry, sending), 'stage-notice', `${c.stage}-${entry.at}`, sending);
}

/**
 * A move the policy makes by itself (Not Alone Mentoring 7.1: every acknowledged complaint goes on to
 * investigation): applied right after the case is acknowledged, so the acknowledgement gives the next stage's
 * dates; the next stage's handler is told.
 */
export function automaticMove(policy: Policy, c: Case, at: DateTime, sending: Sending): StageEntered {
  const next = stageById(policy, c.stage)?.next;
  if (!next || next.trigger !== 'automatic' || next.when !== 'acknowledged' || c.status !== 'open') return { case: c, events: [], letters: [] };
  const moved = movedToStage(policy, c, next.stage, at, 'redress', `${next.how} (${clauseInWords(next.clause)})`);
  return { ...moved, letters: [stageNotice(policy, moved.case, { at: iso(at), automatic: { how: next.how, clause: next.clause } }, sending)] };
}
