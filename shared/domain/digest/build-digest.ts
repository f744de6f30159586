import { DateTime } from 'luxon';
import type { Case, CaseDeadline } from '#domain/case/case';
import type { DueCase } from './due-case.js';
import { londonDate } from '#domain/calendar/london-date';
import { LONDON } from '#domain/calendar/working-calendar';
import { owedDeadlines } from '#domain/case/pending-deadlines';
import { calendarFor } from '#domain/planner/plan-deadlines';
import { dateInWords } from '#domain/letters/dates-in-words';
import { renderLetter, type Letter, type LetterSection } from '#domain/letters/letter';
import type { Policy } from '#domain/policy/policy-schema';
import { stageName } from '#domain/policy/policy-lookups';
import { KIND_WORDS } from '#domain/policy/deadline-words';
import { ADJUSTMENTS_SECTION, adjustmentsDueForReview } from './adjustments-due.js';
import { missedTarget, SERVICE_REQUESTS_PAST_TARGET } from './service-requests-due.js';
import { lettersWaiting, lettersWaitingSections } from './letters-waiting.js';

export interface DigestLine {
  readonly reference: string;
  readonly text: string;
}

export interface Digest {
  readonly policyId: string;
  readonly date: string;
  readonly sections: readonly { readonly heading: string; readonly lines: readonly DigestLine[] }[];
}


/**
 * What a line adds where the acknowledgement waits for the complainant to confirm the address typed into the
 * form: Redress sends it by itself then, or staff acknowledge by post or telephone. Empty otherwise.
 */
export function awaitingConfirmationWords(c: Pick<Case, 'complainant'>, kind: string | undefined): string {
  return kind === 'acknowledge' && c.complainant.emailConfirmed === false ? '; email address not confirmed yet: it goes by itself when they confirm, or acknowledge by post or phone' : '';
}

/** The digest's sections, most urgent first: a case is listed once, in the first that fits it. */
export const DIGEST_SECTIONS = ['Perhaps asking for the next stage', 'Overdue', SERVICE_REQUESTS_PAST_TARGET, 'Due today', 'Due this week', 'Awaiting acknowledgement', 'Awaiting signature', 'No date set', 'New since yesterday'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

/** Held messages a person may have written, listed before any case. */
export const HELD_SECTION = 'Held, perhaps written by a person';

/** Where one open case stands this morning: its section, the deadline that put it there and the working days to it. */
export interface CaseStanding {
  readonly section: DigestSection;
  readonly deadline?: CaseDeadline;
  /** Working days from today to the deadline: negative when overdue. */
  readonly workingDaysLeft?: number;
  readonly isNew: boolean;
  /** The complainant's reply that may ask for the next stage, for that section. */
  readonly reply?: NonNullable<Case['possibleNextStageRequest']>;
  /** A service request's target it has missed (./service-requests-due.ts), for that section. */
  readonly serviceRequestTarget?: string;
}

/** The dates a morning's view is measured from, worked out once for all its cases. */
export interface Morning {
  readonly today: string;
  /** A week from today: the end of "due this week". */
  readonly weekEnd: string;
  /** Twenty-four hours before now: "new since yesterday" from here. */
  readonly since: string;
}

export function morningOf(now: DateTime): Morning {
  return { today: londonDate(now), weekEnd: now.setZone(LONDON).startOf('day').plus({ days: 7 }).toISODate() as string, since: now.toUTC().minus({ hours: 24 }).toISO() as string };
}

/**
 * Where an open case stands on the morning given, or undefined when it needs nothing this week: the soonest
 * task staff still owe (a late one until it is done or extended), else what it waits for. Working days are the
 * policy's own (its jurisdiction's bank holidays and closure days).
 */
export function caseStanding(policy: Policy, c: DueCase, morning: Morning): CaseStanding | undefined {
  const { today, weekEnd, since } = morning;
  const isNew = c.receivedAt >= since;
  const [soonest] = owedDeadlines(c).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const standing = (section: DigestSection, d?: CaseDeadline): CaseStanding => ({
    section,
    isNew,
    ...(d ? { deadline: d, workingDaysLeft: calendarFor(policy).workingDaysFrom(today, d.dueDate) } : {}),
  });
  // A closed case is projected only for its letters to post ("Letters to post"), never in a section.
  if (c.status === 'closed') return undefined;
  if (c.possibleNextStageRequest) return { section: 'Perhaps asking for the next stage', isNew, reply: c.possibleNextStageRequest };
  // A service request has no complaint deadlines: listed past its target, else only while new.
  if (c.serviceRequest) {
    const missed = missedTarget(c.serviceRequest, today);
    if (missed) return { section: SERVICE_REQUESTS_PAST_TARGET, isNew, serviceRequestTarget: missed, workingDaysLeft: calendarFor(policy).workingDaysFrom(today, missed) };
    return isNew ? standing('New since yesterday') : undefined;
  }
  if (soonest && soonest.dueDate < today) return standing('Overdue', soonest);
  if (soonest && soonest.dueDate === today) return standing('Due today', soonest);
  if (soonest && soonest.dueDate <= weekEnd) return standing('Due this week', soonest);
  if (soonest?.kind === 'acknowledge') return standing('Awaiting acknowledgement', soonest);
  if (c.status === 'awaiting-signature') return standing('Awaiting signature');
  if (!c.deadlines.some((d) => d.status === 'pending' && d.kind !== 'retention')) return standing('No date set');
  return isNew ? standing('New since yesterday', soonest) : undefined;
}

/**
 * One organisation's morning view of its open cases, each listed once where it is most urgent: perhaps asking
 * for the next stage (a reply while its window is open, for staff to confirm), overdue, service requests past
 * their target (where the policy sets one), due
 * today, due this week, awaiting acknowledgement, awaiting signature, no date set (open with no deadline
 * running: staff must set one or close it), new since yesterday. Days are working days. A confidential case shows
 * its reference, stage and dates, never who or what. Then the actions agreed at outcomes that are past their date
 * (`overdueActions`). Before all of them, held messages that a person may have written (`heldForAPerson`), then
 * the calls to make before a letter goes and the letters to post (`lettersWaiting`, as the morning view lists them;
 * a closed case given here is listed there only).
 * Undefined when there is nothing to say.
 */
export function buildDigest(policy: Policy, openCases: readonly DueCase[], now: DateTime, actionsOverdue: readonly DigestLine[] = [], heldForAPerson: readonly DigestLine[] = [], more: readonly { readonly heading: string; readonly lines: readonly DigestLine[] }[] = []): Digest | undefined {
  const morning = morningOf(now);
  const line = (c: DueCase, s: CaseStanding): DigestLine => {
    const who = c.confidential ? ' (confidential)' : '';
    const fresh = s.isNew && s.section !== 'New since yesterday' ? '; new since yesterday' : '';
    const d = s.deadline;
    if (s.reply) {
      return { reference: c.reference, text: `${c.reference}${who}: ${stageName(policy, c.stage)}, replied on ${dateInWords(londonDate(s.reply.at))}${s.reply.windowEnds ? ` (the time to ask ends ${dateInWords(s.reply.windowEnds)})` : ''}: confirm it, or say it was not a request` };
    }
    if (s.serviceRequestTarget) return { reference: c.reference, text: `${c.reference}${who}: service request, to be dealt with by ${dateInWords(s.serviceRequestTarget)} (${daysInWords(s.workingDaysLeft ?? 0)})${fresh}` };
    if (!d) return { reference: c.reference, text: `${c.reference}${who}: ${stageName(policy, c.stage)}, received ${dateInWords(londonDate(c.receivedAt))}${fresh}` };
    return { reference: c.reference, text: `${c.reference}${who}: ${stageName(policy, c.stage)}, ${KIND_WORDS[d.kind] ?? d.kind} by ${dateInWords(d.dueDate)} (${daysInWords(s.workingDaysLeft ?? 0)})${awaitingConfirmationWords(c, d.kind)}${fresh}` };
  };
  const placed = openCases
    .map((c) => ({ c, s: caseStanding(policy, c, morning) }))
    .filter((x): x is { c: DueCase; s: CaseStanding } => x.s !== undefined)
    .sort((a, b) => (a.s.deadline?.dueDate ?? a.c.receivedAt).localeCompare(b.s.deadline?.dueDate ?? b.c.receivedAt) || a.c.reference.localeCompare(b.c.reference));
  const sections = [
    // First: a complaint held by mistake has had no acknowledgement and no deadline (`heldForAPerson`).
    { heading: HELD_SECTION, lines: heldForAPerson },
    // Letters drafted for post (from open cases, and closed ones given for them), and the calls that must come first.
    ...lettersWaitingSections(lettersWaiting(openCases, () => true)),
    ...DIGEST_SECTIONS.map((heading) => ({ heading, lines: placed.filter((x) => x.s.section === heading).map((x) => line(x.c, x.s)) })),
    // Actions agreed at outcomes and not done by their date, from any case, open or closed.
    { heading: 'Actions past their date', lines: actionsOverdue },
    { heading: ADJUSTMENTS_SECTION, lines: adjustmentsDueForReview(policy, openCases.filter((c) => c.status !== 'closed'), morning) },
    // Sections of their own builders (restrictions on contact to review, ...), last.
    ...more,
  ].filter((s) => s.lines.length > 0);
  return sections.length > 0 ? { policyId: policy.id, date: morning.today, sections } : undefined;
}

/** "2 working days overdue", "due today", "1 working day left". */
export function daysInWords(workingDaysLeft: number): string {
  if (workingDaysLeft === 0) return 'due today';
  const n = Math.abs(workingDaysLeft);
  return `${n} working day${n === 1 ? '' : 's'} ${workingDaysLeft < 0 ? 'overdue' : 'left'}`;
}

export function digestLetter(policy: Policy, digest: Digest, consoleUrl?: string): Letter {
  const counts = digest.sections.map((s) => `${s.heading.toLowerCase()}: ${s.lines.length}`).join('; ');
  const sections: LetterSection[] = [
    { paragraphs: [`${policy.organisation.name}, open complaints on ${dateInWords(digest.date)}. ${counts}.`, ...(consoleUrl ? [`The same, live, with every case a click away: ${consoleUrl}`] : [])] },
    ...digest.sections.map((s) => ({ heading: `${s.heading} (${s.lines.length})`, paragraphs: s.lines.map((l) => l.text) })),
  ];
  return renderLetter(`Complaints digest for ${dateInWords(digest.date)}: ${policy.organisation.name}`, sections);
}
