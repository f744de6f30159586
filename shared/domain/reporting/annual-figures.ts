import { indexedAbout } from '#domain/case/about-role';
import { londonDate } from '#domain/calendar/london-date';
import type { Decision } from '#domain/case/case';
import { calendarFor, endOfLondonDay } from '#domain/planner/plan-deadlines';
import { DateTime } from 'luxon';
import { LONDON } from '#domain/calendar/working-calendar';
import type { Policy } from '#domain/policy/policy-schema';
import type { RecordedOutcome, ReportRecord } from './report-record.js';
import { feedbackFigures, type FeedbackFigures } from './feedback-figures.js';
import { stageById } from '#domain/policy/policy-lookups';
import { adjustmentFigures, type AdjustmentFigures } from './adjustment-figures.js';
import { serviceRequestFigures, type ServiceRequestFigures } from './service-request-figures.js';
import { onlyAServiceRequest } from './service-request-record.js';

export interface StageFigures {
  readonly stage: string;
  readonly name: string;
  readonly entered: number;
  readonly acknowledged: number;
  /** On or before the acknowledgement date as first set. */
  readonly acknowledgedOnTime: number;
  readonly responded: number;
  /** On or before the response date as first set, before any extension. */
  readonly respondedOnTime: number;
  /** On or before the response date as finally set, after any extension. */
  readonly respondedWithinExtension: number;
  /** Responses whose date was extended. */
  readonly extended: number;
  /** Mean working days from the stage's day 0 to the outcome, to one decimal place; null with no responses. */
  readonly averageWorkingDaysToRespond: number | null;
  readonly medianWorkingDaysToRespond: number | null;
  readonly outcomes: Readonly<Record<Decision, number>>;
}

/** The year's figures for one organisation, as ../shared/conventions/report.md sets them out (and more). */
export interface AnnualFigures {
  readonly policy: string;
  readonly organisation: string;
  readonly year: number;
  /** Complaints received (early resolutions are not complaints; withdrawn and redirected ones are). */
  readonly received: number;
  readonly byChannel: Readonly<Record<string, number>>;
  /** By the policy's categories, in its order, then "uncategorised". */
  readonly byCategory: readonly { readonly category: string; readonly name: string; readonly count: number }[];
  readonly earlyResolutions: number;
  readonly withdrawn: number;
  readonly redirected: number;
  readonly redirectedTo: readonly { readonly matter: string; readonly goTo: string; readonly count: number }[];
  readonly stages: readonly StageFigures[];
  /** Moves to a later stage in the year: the complainant asked for the next stage. */
  readonly escalated: number;
  /** Complaints taken to an outside body in the year, where staff recorded it, by body. */
  readonly toOutsideBodies: readonly { readonly body: string; readonly name: string; readonly count: number }[];
  readonly remedies: readonly { readonly remedy: string; readonly count: number }[];
  readonly actionsAgreed: number;
  readonly actionsDone: number;
  /** Agreed in the year, not done, and past their date on the day the report was made. */
  readonly actionsOverdue: number;
  /** What staff learnt, from the year's outcomes (staff only; never in a published report). */
  readonly lessons: readonly string[];
  /** Cases counted whose personal data has since been destroyed (their anonymous records still count). */
  readonly fromDestroyedCases: number;
  /** Complainants' answers about how their complaints were handled, counted (see feedbackFigures). */
  readonly feedback?: FeedbackFigures;
  /** Cases with a reasonable adjustment in force in the year, and each adjustment (LGSCO 5.6). */
  readonly adjustments?: AdjustmentFigures;
  /** Service requests, apart from complaints, where the policy has them (./service-request-figures.ts). */
  readonly serviceRequests?: ServiceRequestFigures;
}

const UNCATEGORISED = 'uncategorised';

/**
 * Counts a year's figures from the anonymous records of the organisation's cases active in it. Each figure is
 * counted by the date of its own event (Europe/London): received in the year it was received, a stage entered in
 * the year it was entered, a response in the year its outcome was sent.
 */
export function annualFigures(policy: Policy, records: readonly ReportRecord[], year: number, today: string, reader?: { readonly roles: ReadonlySet<string> }): AnnualFigures {
  return periodFigures(policy, records, { year, from: startOfLondonYear(year), to: startOfLondonYear(year + 1) }, today, reader);
}

/**
 * The same figures over part of a year (the quarterly summary's quarter): `from` inclusive, `to` exclusive, as
 * epoch milliseconds of London midnights; `records` those of the year the period lies in.
 */
export function periodFigures(policy: Policy, records: readonly ReportRecord[], period: { readonly year: number; readonly from: number; readonly to: number }, today: string, reader?: { readonly roles: ReadonlySet<string> }): AnnualFigures {
  // Instants compared as numbers against the period's bounds in London, and "on time" as done by the end of the
  // due day: the report reads thousands of records, and a time zone conversion for each would be most of its time.
  const { year, from, to } = period;
  const inYear = (at: string | undefined) => {
    if (at === undefined) return false;
    const t = Date.parse(at);
    return t >= from && t < to;
  };
  const byEndOf = (at: string, date: string) => Date.parse(at) <= Date.parse(endOfLondonDay(date));
  const calendar = calendarFor(policy);
  // A service request is not a complaint, unless the person complained about it.
  const received = records.filter((r) => inYear(r.receivedAt) && r.closure !== 'early-resolution' && !onlyAServiceRequest(r));
  const closedAs = (closure: string) => records.filter((r) => r.closure === closure && inYear(r.closedAt ?? r.receivedAt));
  const redirected = closedAs('redirected');
  const outcomesInYear = records.flatMap((r) => r.outcomes.filter((o) => inYear(o.at)).map((o) => ({ record: r, outcome: o })));

  const stages: StageFigures[] = policy.stages
    .filter((s) => s.formal)
    .map((stage) => {
      const ofStage = (r: ReportRecord, kind: 'acknowledge' | 'respond') => r.deadlines.find((d) => d.stage === stage.id && d.kind === kind);
      const acknowledgements = records.flatMap((r) => {
        const d = ofStage(r, 'acknowledge');
        return d?.doneAt && inYear(d.doneAt) ? [byEndOf(d.doneAt, d.firstDue)] : [];
      });
      const responses = outcomesInYear
        .filter(({ outcome }) => outcome.stage === stage.id)
        .map(({ record, outcome }) => {
          const due = ofStage(record, 'respond');
          const entered = record.stagesEntered.find((s) => s.stage === stage.id)?.at ?? record.receivedAt;
          const day0 = calendar.firstWorkingDayFrom(londonDate(due?.startedAt ?? entered));
          const answered = londonDate(outcome.at);
          return { outcome, due, answered, workingDays: Math.max(0, calendar.workingDaysFrom(day0, answered)), onTime: Boolean(due && byEndOf(outcome.at, due.firstDue)), withinExtension: Boolean(due && byEndOf(outcome.at, due.finalDue)) };
        });
      const days = responses.map((r) => r.workingDays).sort((a, b) => a - b);
      return {
        stage: stage.id,
        name: stage.name,
        entered: records.filter((r) => r.stagesEntered.some((s) => s.stage === stage.id && inYear(s.at))).length,
        acknowledged: acknowledgements.length,
        acknowledgedOnTime: acknowledgements.filter(Boolean).length,
        responded: responses.length,
        respondedOnTime: responses.filter((r) => r.onTime).length,
        respondedWithinExtension: responses.filter((r) => r.withinExtension).length,
        extended: responses.filter((r) => r.due?.extended).length,
        averageWorkingDaysToRespond: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
        medianWorkingDaysToRespond: median(days),
        outcomes: decisionCounts(responses.map((r) => r.outcome)),
      };
    });

  const categories = [...policy.categories.map((c) => ({ category: c.id, name: c.name })), { category: UNCATEGORISED, name: 'Not yet categorised' }];
  const actions = outcomesInYear.flatMap(({ outcome }) => outcome.actions);
  return {
    feedback: feedbackFigures(records, inYear),
    policy: policy.id,
    organisation: policy.organisation.name,
    year,
    received: received.length,
    byChannel: countBy(received, (r) => r.channel),
    byCategory: categories.map((c) => ({ ...c, count: received.filter((r) => (r.category ?? UNCATEGORISED) === c.category).length })),
    earlyResolutions: closedAs('early-resolution').length,
    withdrawn: closedAs('withdrawn').length,
    redirected: redirected.length,
    redirectedTo: policy.outOfScope
      .map((o) => ({ matter: o.matter, goTo: o.goTo, count: redirected.filter((r) => r.redirectedTo === o.id).length }))
      .filter((o) => o.count > 0),
    stages,
    escalated: records.reduce((n, r) => n + r.stagesEntered.filter((s, i) => i > 0 && inYear(s.at) && askedFor(policy, r.stagesEntered[i - 1]?.stage)).length, 0),
    toOutsideBodies: policy.outsideBodies
      .map((b) => ({ body: b.id, name: b.name, count: records.filter((r) => (r.referrals ?? []).some((x) => x.body === b.id && inYear(x.at))).length }))
      .filter((b) => b.count > 0),
    remedies: Object.entries(countBy(outcomesInYear.flatMap(({ outcome }) => outcome.remedies), (x) => x)).map(([remedy, count]) => ({ remedy, count })),
    actionsAgreed: actions.length,
    actionsDone: actions.filter((a) => a.doneAt).length,
    actionsOverdue: actions.filter((a) => !a.doneAt && a.due < today).length,
    // A complaint's lessons are never shown to the role it was about.
    lessons: outcomesInYear.flatMap(({ record, outcome }) => (outcome.lessons && !indexedAbout(record).some((r) => reader?.roles.has(r)) ? [outcome.lessons] : [])),
    fromDestroyedCases: records.filter((r) => r.destroyed && (inYear(r.receivedAt) || r.outcomes.some((o) => inYear(o.at)))).length,
    adjustments: adjustmentFigures(records, { from, to }),
    ...serviceRequestFigures(policy, records, inYear),
  };
}

/** Every decision, those the policy does not use at 0, so that every report has the same shape. */
function decisionCounts(outcomes: readonly RecordedOutcome[]): Record<Decision, number> {
  const counts: Record<Decision, number> = { upheld: 0, 'partly-upheld': 0, 'not-upheld': 0 };
  for (const o of outcomes) counts[o.decision] += 1;
  return counts;
}

/** A move out of this stage that the complainant asks for (not one the policy makes by itself, as NAM 7.1's). */
function askedFor(policy: Policy, fromStage: string | undefined): boolean {
  return stageById(policy, fromStage)?.next?.trigger === 'complainant-request';
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function startOfLondonYear(year: number): number {
  return DateTime.fromObject({ year, month: 1, day: 1 }, { zone: LONDON }).toMillis();
}
