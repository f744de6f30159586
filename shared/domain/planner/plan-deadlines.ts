import { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { LONDON, WorkingCalendar } from '#domain/calendar/working-calendar';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import { BUILT_IN_EVENTS, type DeadlineKind, type DeadlineRule, type Policy, type TimeUnit } from '#domain/policy/policy-schema';
import { stageById } from '#domain/policy/policy-lookups';

/** One dated deadline: the last day on which the action is on time. */
export interface Deadline {
  readonly kind: DeadlineKind;
  /** Europe/London date, YYYY-MM-DD. */
  readonly dueDate: string;
  /** The end of dueDate in Europe/London, as an ISO-8601 instant with offset. */
  readonly dueAt: string;
  /** The rule in words, e.g. "10 working days". */
  readonly rule: string;
  readonly clause: string;
  readonly body?: string;
  /** Other outside bodies the same window applies to. */
  readonly alsoFor?: readonly string[];
  readonly note?: string;
}

/**
 * The deadlines an event starts at a stage of a policy: the stage's own rules for that event, then the
 * policy-wide ones (retention on closure). Pure: the same inputs always give the same plan.
 */
export function planDeadlines(policy: Policy, stageId: string, event: string, at: DateTime): Deadline[] {
  const stage = stageById(policy, stageId);
  if (!stage) throw new UnknownPolicyItemError('stage', stageId, policy.stages.map((s) => s.id));
  const events = [...BUILT_IN_EVENTS, ...policy.events.map((e) => e.id)];
  if (!events.includes(event)) throw new UnknownPolicyItemError('event', event, events);

  const calendar = calendarFor(policy);
  const eventDate = londonDate(at);
  return [...stage.deadlines, ...policy.anyStageDeadlines]
    .filter((rule) => rule.event === event)
    .map((rule) => dated(rule, dueDate(calendar, eventDate, rule.amount, rule.unit)));
}

const calendars = new WeakMap<Policy, WorkingCalendar>();

/** One calendar per loaded policy: its jurisdiction's bank holidays plus its closure days. */
export function calendarFor(policy: Policy): WorkingCalendar {
  let calendar = calendars.get(policy);
  if (!calendar) {
    calendar = new WorkingCalendar(policy.jurisdiction, policy.closureDays);
    calendars.set(policy, calendar);
  }
  return calendar;
}

export function dueDate(calendar: WorkingCalendar, eventDate: string, amount: number, unit: TimeUnit): string {
  if (unit === 'workingDays') return calendar.addWorkingDays(eventDate, amount);
  // Luxon clamps to the end of a shorter month (31 January + 1 month = 28/29 February), as the rules ask.
  const start = DateTime.fromISO(eventDate, { zone: 'utc' });
  const due = start.plus({ [unit]: amount });
  return due.toISODate() as string;
}

const endOfDayCache = new Map<string, string>();

/** The end of a London day as an instant with its offset; cached, as plans revisit the same few dates. */
export function endOfLondonDay(date: string): string {
  let end = endOfDayCache.get(date);
  if (end === undefined) {
    end = DateTime.fromISO(date, { zone: LONDON }).endOf('day').toISO() as string;
    if (endOfDayCache.size > 50_000) endOfDayCache.clear();
    endOfDayCache.set(date, end);
  }
  return end;
}

export function describePeriod(amount: number, unit: TimeUnit): string {
  const words: Record<TimeUnit, [string, string]> = {
    workingDays: ['working day', 'working days'],
    days: ['day', 'days'],
    weeks: ['week', 'weeks'],
    months: ['month', 'months'],
    years: ['year', 'years'],
  };
  return `${amount} ${words[unit][amount === 1 ? 0 : 1]}`;
}

function dated(rule: DeadlineRule, date: string): Deadline {
  return {
    kind: rule.kind,
    dueDate: date,
    dueAt: endOfLondonDay(date),
    rule: describePeriod(rule.amount, rule.unit),
    clause: rule.clause,
    ...(rule.body ? { body: rule.body } : {}),
    ...(rule.alsoFor ? { alsoFor: rule.alsoFor } : {}),
    ...(rule.note ? { note: rule.note } : {}),
  };
}
