import { DateTime } from 'luxon';
import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { closedCaseNotice, escalationNotice, reminderNotice } from '#domain/letters/deadline-notices';
import { calendarFor, dueDate } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import type { TimerInput } from '#domain/timers/timer-plan';
import type { CaseChange } from './case-change.js';
import type { Case, CaseDeadline, TimelineEvent } from './case.js';
import { closed } from './actions/close-case.js';
import { withPostLetters } from './actions/action-kit.js';
import { composeLetter, letterFor } from '#domain/letters/complainant-letter';
import { clauseInWords } from '#domain/policy/clause-words';
import { closureFacts, holdingFacts } from '#domain/letters/letter-view';
import { noticeAddress } from './route-case.js';
import { timelineEvent } from './timeline-event.js';
import { dateInWords } from '#domain/letters/dates-in-words';
import { deadlineDueWords } from '#domain/policy/deadline-words';
import { stageById } from '#domain/policy/policy-lookups';

export type TimerVerdict =
  | { readonly outcome: 'superseded' | 'already-done' }
  | { readonly outcome: 'destroy'; readonly deadline: CaseDeadline }
  | { readonly outcome: 'reminded' | 'escalated' | 'closed'; readonly change: CaseChange };

/**
 * What a timer that went off asks of its case, read again just now: nothing when the deadline was met or
 * replaced since the timer was set (its deadlines version moved on) or the reminder already went; otherwise a
 * reminder to the handler, an escalation of a missed deadline to the handler and the role above it (with a
 * holding-letter draft where the policy has one), the case's closure when its appeal window ran out, or the
 * destruction of its personal data at the retention date (done by the use case, which owns the stored files).
 */
export function timerFired(policy: Policy, c: Case, input: TimerInput, sending: Sending, now: string): TimerVerdict {
  if (c.deadlinesVersion !== input.deadlinesVersion) return { outcome: 'superseded' };
  const deadline = c.deadlines.find((d) => d.stage === input.stage && d.kind === input.kind && d.dueAt === input.dueAt);
  if (!deadline || deadline.status !== 'pending' || (input.purpose === 'reminder' && deadline.remindedAt)) return { outcome: 'already-done' };
  if (input.purpose === 'reminder') {
    // A reminder that fires late (after an outage, say) is not sent once the deadline itself has passed: the escalation says it all.
    if (Date.parse(now) > Date.parse(deadline.dueAt)) return { outcome: 'already-done' };
    return { outcome: 'reminded', change: remind(policy, c, deadline, sending, now) };
  }
  switch (deadline.kind) {
    case 'appeal-window':
      return { outcome: 'closed', change: closeAfterAppealWindow(policy, c, deadline, sending, now) };
    case 'retention':
      return { outcome: 'destroy', deadline };
    default:
      return { outcome: 'escalated', change: escalate(policy, c, deadline, sending, now) };
  }
}

function remind(policy: Policy, c: Case, deadline: CaseDeadline, sending: Sending, now: string): CaseChange {
  const to = noticeAddress(policy, c, c.handlerRole, sending.operatorEmail);
  return {
    case: { ...c, deadlines: c.deadlines.map((d) => (same(d, deadline) ? { ...d, remindedAt: now } : d)), updatedAt: now },
    events: [event(now, 'reminder', `Reminder to ${to}: ${deadlineDueWords(deadline.kind).toLowerCase()} ${dateInWords(deadline.dueDate)}`, deadline)],
    letters: [noticeToStaff(policy, c.reference, c.reference, [to], reminderNotice(policy, c, deadline, sending), 'reminder', key(deadline), sending)],
    threadKeys: [],
    deadlinesChanged: false,
  };
}

function escalate(policy: Policy, c: Case, deadline: CaseDeadline, sending: Sending, now: string): CaseChange {
  const handler = noticeAddress(policy, c, c.handlerRole, sending.operatorEmail);
  const above = policy.roles.find((r) => r.id === c.handlerRole)?.reportsTo;
  const recipients = [...new Set([handler, ...(above ? [noticeAddress(policy, c, above, sending.operatorEmail)] : [])])];
  const holding = deadline.kind === 'respond' ? holdingLetterDraft(policy, c, deadline) : undefined;
  const events: TimelineEvent[] = [event(now, 'escalated', `Deadline missed (${deadlineDueWords(deadline.kind).toLowerCase()} ${dateInWords(deadline.dueDate)}): escalated to ${recipients.join(', ')}`, deadline)];
  if (holding) {
    events.push(
      timelineEvent({
        id: `holding-letter-${deadline.stage}-${deadline.dueDate}`,
        at: now,
        type: 'note',
        actor: 'redress',
        summary: `Holding letter drafted for staff, proposing ${dateInWords(holding.newDate)} (${clauseInWords(holding.clause)})`,
        detail: { draft: holding.text, proposedDate: holding.newDate },
      }),
    );
  }
  return {
    case: { ...c, deadlines: c.deadlines.map((d) => (same(d, deadline) ? { ...d, status: 'missed' as const } : d)), updatedAt: now },
    events,
    letters: [noticeToStaff(policy, c.reference, c.reference, recipients, escalationNotice(policy, c, deadline, above, holding, sending), 'escalation', key(deadline), sending)],
    threadKeys: [],
    deadlinesChanged: false,
  };
}

function closeAfterAppealWindow(policy: Policy, c: Case, deadline: CaseDeadline, sending: Sending, now: string): CaseChange {
  const lapsed: Case = { ...c, deadlines: c.deadlines.map((d) => (same(d, deadline) ? { ...d, status: 'closed' as const } : d)), updatedAt: now };
  const done = closed(policy, lapsed, 'no-appeal', DateTime.fromISO(now));
  // The complainant is told too: the window they did not use has ended, and the case with it.
  const letter = letterFor(policy, done.case, closureFacts(policy, done.case, 'no-appeal', { windowEnded: deadline.dueDate }), 'no-appeal', now, sending);
  return {
    case: withPostLetters(done.case, letter.events),
    events: [
      event(now, 'closed', `Closed: no appeal by ${deadline.dueDate}, the end of the appeal window (${deadline.clause})`, deadline),
      ...done.events,
      ...letter.events,
    ],
    letters: [
      noticeToStaff(policy, c.reference, c.reference, [noticeAddress(policy, done.case, done.case.handlerRole, sending.operatorEmail)], closedCaseNotice(policy, done.case, deadline, sending), 'closed-notice', key(deadline), sending),
      ...letter.letters,
    ],
    threadKeys: letter.threadKeys,
    deadlinesChanged: true,
  };
}

/**
 * The policy's holding letter (Not Alone Mentoring 7.5), drafted from the holding template with a new date for
 * staff to agree: `case extend` sends it, with their reason, once they have.
 */
function holdingLetterDraft(policy: Policy, c: Case, deadline: CaseDeadline): { text: string; newDate: string; clause: string } | undefined {
  const stage = stageById(policy, deadline.stage);
  const rule = stage?.deadlines.find((d) => d.kind === 'respond');
  if (!stage?.holdingLetter || !rule) return undefined;
  const newDate = dueDate(calendarFor(policy), deadline.dueDate, rule.amount, rule.unit);
  // The draft travels in a notice to the role above the handler too: a confidential complainant stays unnamed there.
  const shown: Case = c.confidential ? { ...c, complainant: { anonymous: true } } : c;
  const letter = composeLetter(policy, holdingFacts(policy, shown, { reason: '[why more time is needed, to be completed by staff]', newDate, agreed: false }));
  return { text: letter.text, newDate, clause: stage.holdingLetter.clause };
}

function same(a: CaseDeadline, b: CaseDeadline): boolean {
  return a.stage === b.stage && a.kind === b.kind && a.dueAt === b.dueAt;
}

function key(d: CaseDeadline): string {
  return `${d.stage}-${d.kind}-${d.dueDate}`;
}

function event(now: string, type: TimelineEvent['type'], summary: string, deadline: CaseDeadline): TimelineEvent {
  return timelineEvent({
    id: `${type}-${deadline.stage}-${deadline.kind}-${deadline.dueDate}`,
    at: now,
    type,
    actor: 'redress',
    summary,
    detail: { stage: deadline.stage, kind: deadline.kind, dueDate: deadline.dueDate, clause: deadline.clause },
  });
}
