import { shortDigest } from '#domain/text/short-digest';
import { DateTime } from 'luxon';
import type { Case, CaseDeadline } from '#domain/case/case';
import { LONDON } from '#domain/calendar/working-calendar';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { DeadlineKind, Policy } from '#domain/policy/policy-schema';

/** Deadline kinds that something happens at: an escalation, a closure, a destruction. */
const TIMED_KINDS: ReadonlySet<DeadlineKind> = new Set(['acknowledge', 'meet', 'respond', 'respond-max', 'appeal-window', 'retention']);


export type TimerPurpose = 'deadline' | 'reminder';

/** What a timer carries to the function it wakes: small, and enough to find and re-check the case. */
export interface TimerInput {
  readonly reference: string;
  readonly stage: string;
  readonly kind: DeadlineKind;
  readonly dueAt: string;
  readonly deadlinesVersion: number;
  readonly purpose: TimerPurpose;
}

export interface TimerSpec {
  /** Deterministic, at most 64 characters of [0-9A-Za-z._-] (EventBridge Scheduler's rule). */
  readonly name: string;
  /** When it fires, as an ISO instant with the London offset. */
  readonly fireAt: string;
  readonly input: TimerInput;
}

/**
 * The timers a case should have now: for each pending deadline that something happens at, one at the start of
 * the day after it (the deadline is the last day on time), and the policy's reminders before it, at
 * `reminderHour` London time (the start of the working day).
 */
export function desiredTimers(policy: Policy, c: Case, reminderHour: number): TimerSpec[] {
  if (c.destroyedAt) return [];
  const calendar = calendarFor(policy);
  const timers: TimerSpec[] = [];
  for (const d of c.deadlines) {
    if (d.status !== 'pending' || !TIMED_KINDS.has(d.kind)) continue;
    const input = (purpose: TimerPurpose): TimerInput => ({
      reference: c.reference,
      stage: d.stage,
      kind: d.kind,
      dueAt: d.dueAt,
      deadlinesVersion: c.deadlinesVersion,
      purpose,
    });
    const dayAfter = DateTime.fromISO(d.dueDate, { zone: LONDON }).plus({ days: 1 }).startOf('day');
    timers.push({ name: timerName(c, d, 'deadline'), fireAt: dayAfter.toISO() as string, input: input('deadline') });
    const reminder = policy.reminders.find((r) => r.kind === d.kind);
    if (reminder && c.status !== 'closed' && !d.remindedAt) {
      const date = calendar.workingDaysBefore(d.dueDate, reminder.workingDaysBefore);
      const at = DateTime.fromISO(date, { zone: LONDON }).set({ hour: reminderHour });
      timers.push({ name: timerName(c, d, 'reminder'), fireAt: at.toISO() as string, input: input('reminder') });
    }
  }
  return timers;
}

/** The prefix every timer of a case's name starts with, so a case's timers can be listed. */
export function timerPrefix(reference: string): string {
  return `${reference}.`;
}

function timerName(c: Case, d: CaseDeadline, purpose: TimerPurpose): string {
  const name = `${c.reference}.v${c.deadlinesVersion}.${d.stage}.${d.kind}${purpose === 'reminder' ? '.remind' : ''}`;
  if (name.length <= 64 && /^[0-9A-Za-z._-]+$/.test(name)) return name;
  // A long or unusual stage id: keep the case prefix readable and make the rest a short digest.
  return `${c.reference}.${shortDigest(name, 64 - c.reference.length - 1)}`;
}
