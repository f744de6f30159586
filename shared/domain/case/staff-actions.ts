import type { DateTime } from 'luxon';
import { acknowledgementLetter } from '#domain/letters/acknowledgement-letter';
import { letterToComplainant, type Sending } from '#domain/letters/addressing';
import { threadKey } from '#domain/mail/message-id';
import { endOfLondonDay } from '#domain/planner/plan-deadlines';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from './case-change.js';
import type { Case, CaseDeadline, TimelineEvent } from './case.js';
import { writableByEmail } from './open-case.js';
import { pendingDeadlines } from './pending-deadlines.js';
import { handlerFor } from './route-case.js';
import { timelineEvent } from './timeline-event.js';

/** Who did it and when: staff may record something that happened earlier (`--at`). */
export interface ActionContext {
  readonly at: DateTime;
  readonly actor: string;
}

export type Decision = 'upheld' | 'partly-upheld' | 'not-upheld';

function iso(at: DateTime): string {
  return at.toUTC().toISO() as string;
}

function event(at: DateTime, type: TimelineEvent['type'], actor: string, summary: string, detail?: Record<string, unknown>): TimelineEvent {
  return timelineEvent({ at: iso(at), type, actor, summary, ...(detail ? { detail } : {}) });
}

const plan = pendingDeadlines;

function deadlinesSet(at: DateTime, stage: string, planned: readonly CaseDeadline[]): TimelineEvent[] {
  if (planned.length === 0) return [];
  return [
    event(at, 'deadlines-set', 'redress', `Deadlines set for ${stage}: ${planned.map((d) => `${d.kind} ${d.dueDate}`).join(', ')}`, {
      deadlines: planned.map((d) => ({ kind: d.kind, dueDate: d.dueDate, clause: d.clause })),
    }),
  ];
}

function change(c: Case, events: TimelineEvent[], deadlinesChanged: boolean, extra: Partial<Pick<CaseChange, 'letters' | 'threadKeys'>> = {}): CaseChange {
  return { case: c, events, letters: extra.letters ?? [], threadKeys: extra.threadKeys ?? [], deadlinesChanged };
}

/**
 * The signed complaint arrived: the clock the policy holds for it starts now (Not Alone Mentoring 6.4), and
 * the complainant is acknowledged at once by email where that is possible (`acknowledge`: the use case knows
 * whether this sender already had one today).
 */
export function signCase(policy: Policy, c: Case, ctx: ActionContext & { acknowledge: boolean; sending: Sending }): CaseChange {
  if (c.signed) throw new ActionRefusedError(`${c.reference} is already signed`);
  const planned = c.status === 'awaiting-signature' ? plan(policy, c.stage, 'received', ctx.at).filter((d) => !c.deadlines.some((x) => x.stage === d.stage && x.kind === d.kind)) : [];
  let signed: Case = { ...c, signed: true, status: c.status === 'awaiting-signature' ? 'open' : c.status, deadlines: [...c.deadlines, ...planned] };
  const events = [event(ctx.at, 'signed', ctx.actor, 'Signed complaint received'), ...deadlinesSet(ctx.at, c.stage, planned)];
  const open = signed.deadlines.find((d) => d.kind === 'acknowledge' && d.stage === signed.stage && d.status === 'pending');
  if (!open || !ctx.acknowledge || !writableByEmail(signed)) return change(signed, events, planned.length > 0);
  signed = {
    ...signed,
    acknowledgedAt: signed.acknowledgedAt ?? iso(ctx.at),
    deadlines: signed.deadlines.map((d) => (d === open ? { ...d, status: 'met' as const } : d)),
  };
  const letter = letterToComplainant(policy, signed, acknowledgementLetter(policy, signed, 'signed'), 'acknowledgement', `${open.stage}-signed`, ctx.sending);
  events.push(
    timelineEvent({
      id: `acknowledged-${open.stage}-${open.dueDate}`,
      at: iso(ctx.at),
      type: 'acknowledged',
      actor: 'redress',
      summary: `Acknowledgement of the ${open.stage} complaint written to the complainant`,
    }),
  );
  return change(signed, events, true, { letters: [letter], threadKeys: [threadKey(letter.messageId)] });
}

/** Staff did what a deadline asked (acknowledged, met the complainant, responded): it stops being chased. */
export function markDeadlineMet(c: Case, kind: string, ctx: ActionContext): CaseChange {
  const open = c.deadlines.find((d) => d.kind === kind && d.stage === c.stage && (d.status === 'pending' || d.status === 'missed'));
  if (!open) throw new ActionRefusedError(`${c.reference} has no open ${kind} deadline at ${c.stage}`);
  return change(
    { ...c, deadlines: c.deadlines.map((d) => (d === open ? { ...d, status: 'met' as const } : d)), ...(kind === 'acknowledge' ? { acknowledgedAt: iso(ctx.at) } : {}) },
    [event(ctx.at, kind === 'acknowledge' ? 'acknowledged' : 'note', ctx.actor, `${kind} done (due ${open.dueDate}${open.status === 'missed' ? ', late' : ''})`, { kind, dueDate: open.dueDate })],
    false,
  );
}

/** The case moves to another stage (an appeal, a review): the old stage's open deadlines close, the new stage's start. */
export function changeStage(policy: Policy, c: Case, stageId: string, ctx: ActionContext): CaseChange {
  const stage = policy.stages.find((s) => s.id === stageId);
  if (!stage) throw new UnknownPolicyItemError('stage', stageId, policy.stages.map((s) => s.id));
  if (c.status === 'closed') throw new ActionRefusedError(`${c.reference} is closed; it cannot change stage`);
  if (stageId === c.stage) throw new ActionRefusedError(`${c.reference} is already at ${stageId}`);
  const planned = plan(policy, stageId, 'received', ctx.at);
  const closedOut = c.deadlines.map((d) => (d.status === 'pending' && d.kind !== 'retention' ? { ...d, status: 'met' as const } : d));
  return change(
    { ...c, stage: stageId, handlerRole: handlerFor(policy, stageId, c.about), deadlines: [...closedOut, ...planned] },
    [event(ctx.at, 'stage-changed', ctx.actor, `Moved from ${c.stage} to ${stageId}`, { from: c.stage, to: stageId }), ...deadlinesSet(ctx.at, stageId, planned)],
    true,
  );
}

/** More time, agreed with the complainant where the policy allows (Connected Together 2.4, Alumot 2.6). */
export function extendDeadline(c: Case, kind: string, newDate: string, reason: string, ctx: ActionContext): CaseChange {
  const current = c.deadlines.find((d) => d.kind === kind && d.status === 'pending' && d.stage === c.stage);
  if (!current) throw new ActionRefusedError(`${c.reference} has no pending ${kind} deadline at ${c.stage}`);
  if (newDate <= current.dueDate) throw new ActionRefusedError(`the new date ${newDate} must be after the current one, ${current.dueDate}`);
  const extended: CaseDeadline = { ...current, dueDate: newDate, dueAt: endOfLondonDay(newDate), rule: `extended from ${current.dueDate}: ${reason}` };
  return change(
    { ...c, deadlines: c.deadlines.map((d) => (d === current ? extended : d)) },
    [event(ctx.at, 'extended', ctx.actor, `${kind} deadline extended from ${current.dueDate} to ${newDate}: ${reason}`, { kind, from: current.dueDate, to: newDate, reason })],
    true,
  );
}

/** The stage's outcome was sent: its response deadlines are met, and the windows it opens start (appeal, outside bodies). */
export function recordOutcome(policy: Policy, c: Case, decision: Decision, ctx: ActionContext): CaseChange {
  if (c.status !== 'open') throw new ActionRefusedError(`${c.reference} is ${c.status}; record an outcome on an open case`);
  const planned = plan(policy, c.stage, 'outcome', ctx.at);
  const met = c.deadlines.map((d) => (d.status === 'pending' && d.stage === c.stage ? { ...d, status: 'met' as const } : d));
  return change(
    { ...c, outcome: { decision, at: iso(ctx.at), stage: c.stage }, deadlines: [...met, ...planned] },
    [event(ctx.at, 'outcome', ctx.actor, `Outcome at ${c.stage}: ${decision}`, { decision }), ...deadlinesSet(ctx.at, c.stage, planned)],
    true,
  );
}

/** The case is closed: what is still open ends, and the retention clock starts. */
export function closeCase(policy: Policy, c: Case, ctx: ActionContext): CaseChange {
  if (c.status === 'closed') throw new ActionRefusedError(`${c.reference} is already closed`);
  const planned = plan(policy, c.stage, 'closed', ctx.at);
  const ended = c.deadlines.map((d) => (d.status === 'pending' ? { ...d, status: (d.kind.endsWith('window') ? 'lapsed' : 'met') as CaseDeadline['status'] } : d));
  return change(
    { ...c, status: 'closed', closedAt: iso(ctx.at), deadlines: [...ended, ...planned] },
    [event(ctx.at, 'closed', ctx.actor, 'Case closed'), ...deadlinesSet(ctx.at, c.stage, planned)],
    true,
  );
}

/**
 * Someone besides the complainant may write into the case (a representative, an advocate): their replies
 * then join it instead of opening a case of their own. Letters still go only to the complainant.
 */
export function addParticipant(c: Case, email: string, ctx: ActionContext): CaseChange {
  const address = email.trim().toLowerCase();
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) throw new ActionRefusedError(`"${email}" is not an email address`);
  if (c.status === 'closed') throw new ActionRefusedError(`${c.reference} is closed; reopen it before adding anyone to it`);
  if (c.complainant.email?.toLowerCase() === address || c.participants.includes(address)) {
    throw new ActionRefusedError(`${address} can already write into ${c.reference}`);
  }
  return change({ ...c, participants: [...c.participants, address] }, [event(ctx.at, 'participant-added', ctx.actor, `${address} may now write into this case`, { participant: address })], false);
}
