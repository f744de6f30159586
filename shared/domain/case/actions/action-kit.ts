import type { DateTime } from 'luxon';
import type { LetterDelivery } from '#domain/letters/complainant-letter';
import type { Sending } from '#domain/letters/addressing';
import { calendarFor, describePeriod, dueDate, endOfLondonDay } from '#domain/planner/plan-deadlines';
import { londonDate } from '#domain/calendar/london-date';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Policy, Stage } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, CaseDeadline, PostLetter, TimelineEvent } from '../case.js';
import { timelineEvent } from '../timeline-event.js';
import { dateInWords } from '#domain/letters/dates-in-words';
import { deadlineDueWords } from '#domain/policy/deadline-words';
import { stageById } from '#domain/policy/policy-lookups';

/** Who did it and when (staff may record something that happened earlier: `--at`), and how letters are addressed. */
export interface ActionContext {
  readonly at: DateTime;
  readonly actor: string;
  readonly sending: Sending;
}

export function iso(at: DateTime): string {
  return at.toUTC().toISO() as string;
}

export function event(at: DateTime | string, type: TimelineEvent['type'], actor: string, summary: string, detail?: Record<string, unknown>, id?: string): TimelineEvent {
  return timelineEvent({ ...(id ? { id } : {}), at: typeof at === 'string' ? at : iso(at), type, actor, summary, ...(detail ? { detail } : {}) });
}

/** "Deadlines set: respond by Monday 7 December 2026; destroy records on ...", as staff read the timeline. */
export function deadlinesInWords(deadlines: readonly Pick<CaseDeadline, 'kind' | 'dueDate'>[]): string {
  return `Deadlines set: ${deadlines.map((d) => `${deadlineDueWords(d.kind).toLowerCase()} ${dateInWords(d.dueDate)}`).join('; ')}`;
}

export function deadlinesSet(at: DateTime | string, stage: string, planned: readonly CaseDeadline[]): TimelineEvent[] {
  if (planned.length === 0) return [];
  return [
    event(
      at,
      'deadlines-set',
      'redress',
      deadlinesInWords(planned),
      { deadlines: planned.map((d) => ({ kind: d.kind, dueDate: d.dueDate, clause: d.clause })) },
      `deadlines-set-${stage}-${typeof at === 'string' ? at : iso(at)}`,
    ),
  ];
}

const NO_DELIVERY: LetterDelivery = { letters: [], events: [], threadKeys: [] };

/** A change: the case, its events, the letters it sends (and their drafts and thread keys), whether deadlines moved. */
export function change(c: Case, events: readonly TimelineEvent[], deadlinesChanged: boolean, ...deliveries: LetterDelivery[]): CaseChange {
  const all = deliveries.length ? deliveries : [NO_DELIVERY];
  return {
    case: withPostLetters(c, all.flatMap((d) => d.events)),
    events: [...events, ...all.flatMap((d) => d.events)],
    letters: all.flatMap((d) => d.letters),
    threadKeys: all.flatMap((d) => d.threadKeys),
    deadlinesChanged,
  };
}

/** The case keeping each letter these events draft for post (once: a decision made again drafts the same ids). */
export function withPostLetters(c: Case, events: readonly TimelineEvent[]): Case {
  const known = new Set((c.postLetters ?? []).map((l) => l.id));
  const fresh = events.flatMap(postLetterOf).filter((l) => !known.has(l.id));
  return fresh.length > 0 ? { ...c, postLetters: [...(c.postLetters ?? []), ...fresh] } : c;
}

/** A letter drafted for post, as the case keeps it until it is posted (the draft's text stays on the timeline). */
function postLetterOf(e: TimelineEvent): PostLetter[] {
  if (e.type !== 'letter-drafted' || e.detail?.channel !== 'post') return [];
  const { kind, stage, subject, largePrint, callFirst } = e.detail;
  return [{ id: e.id, kind: String(kind ?? 'letter'), stage: String(stage ?? ''), subject: String(subject ?? ''), draftedAt: e.at, ...(largePrint === true ? { largePrint } : {}), ...(callFirst === true ? { callFirst } : {}) }];
}

/** Notices to staff that go with a change (a stage's handler told), as one of its deliveries. */
export function staffNotices(letters: readonly LetterToSend[]): LetterDelivery {
  return { letters: [...letters], events: [], threadKeys: [] };
}

export function stageOf(policy: Policy, c: Pick<Case, 'stage'>): Stage {
  return stageById(policy, c.stage) as Stage;
}

/** A case staff can still act on: not closed, not destroyed. */
export function requireOpen(c: Case, action: string): void {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; nothing more can be done to it`);
  if (c.status === 'closed') throw new ActionRefusedError(`${c.reference} is closed; to ${action}, reopen it first`, { instead: 'reopen', reference: c.reference });
}

/**
 * The reply date a stage leaves to staff (Connect stage 2: "let you know when you can expect a reply"): the
 * date staff give, or the policy file's default from `from` until they do.
 */
export function replyDateDeadline(policy: Policy, stage: Stage, from: DateTime, given?: string): CaseDeadline | undefined {
  const rule = stage.replyDate;
  if (!rule) return undefined;
  const date = given ?? dueDate(calendarFor(policy), londonDate(from), rule.default.amount, rule.default.unit);
  return {
    kind: 'respond',
    stage: stage.id,
    status: 'pending',
    dueDate: date,
    dueAt: endOfLondonDay(date),
    rule: given ? 'set by staff' : `${describePeriod(rule.default.amount, rule.default.unit)} (the policy's default until staff set the date)`,
    clause: rule.clause,
    setBy: given ? 'staff' : 'default',
    startedAt: from.toUTC().toISO() as string,
    ...(rule.note ? { note: rule.note } : {}),
  };
}

/** A YYYY-MM-DD date that exists, or a refusal naming the argument. */
export function requireDate(value: string, what: string, input: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new ActionRefusedError(value ? `${what} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2027-01-07` : `give ${what}`, { input });
  }
  return value;
}
