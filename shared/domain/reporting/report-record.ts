import { londonDate } from '#domain/calendar/london-date';
import type { Case, CaseStatus, ClosureReason, Decision } from '#domain/case/case';
import type { DeadlineKind } from '#domain/policy/policy-schema';
import { aboutRoleOf } from '#domain/case/about-role';
import { placeKey } from '#domain/oversight/place-key';
import type { CaseFeedback } from '#domain/case/case-feedback';
import { recordedAdjustments, type RecordedAdjustment } from './adjustment-figures.js';
import { serviceRequestInstants, serviceRequestRecordOf, type ServiceRequestRecord } from './service-request-record.js';

/** The deadline kinds the report measures: acknowledging and responding. */
const MEASURED: readonly DeadlineKind[] = ['acknowledge', 'respond'];

/** One measured deadline of a stage: as first set, as finally set, and when it was done. */
export interface RecordedDeadline {
  readonly stage: string;
  readonly kind: DeadlineKind;
  /** The date as first set, before any extension: what "on time" is measured against. */
  readonly firstDue: string;
  /** The date after every extension: what "on time against the agreed extension" is measured against. */
  readonly finalDue: string;
  readonly extended: boolean;
  /** Every extension was agreed with the complainant. */
  readonly agreed: boolean;
  /** When its clock started (the stage's day 0 is that day, or the next working day). */
  readonly startedAt?: string;
  readonly doneAt?: string;
}

export interface RecordedOutcome {
  readonly stage: string;
  readonly decision: Decision;
  readonly at: string;
  readonly remedies: readonly string[];
  readonly actions: readonly { readonly due: string; readonly doneAt?: string }[];
  /** Staff's words, kept for the staff report only; absent for a confidential case and after destruction. */
  readonly lessons?: string;
}

/**
 * What the annual report needs of one case, and nothing that identifies anyone: no name, address, words of the
 * complaint or of its outcome. Kept beside the case for every year it was active in, written in the case's own
 * transaction, so a year's report is one query of small items; destruction at retention leaves it standing.
 */
export interface ReportRecord {
  readonly reference: string;
  readonly policyId: string;
  readonly channel: Case['channel'];
  readonly category?: string;
  readonly confidential: boolean;
  /** The policy role the complaint is about, when it is one: its lessons are never shown to that role. */
  readonly aboutRole?: string;
  /** Every role it is about, where there are more than one (see aboutRoleOf). */
  readonly aboutRoles?: readonly string[];
  /** False for a matter resolved early, which the policy does not count as a complaint. */
  readonly recordedAsComplaint: boolean;
  readonly status: CaseStatus;
  readonly receivedAt: string;
  readonly closedAt?: string;
  readonly closure?: ClosureReason;
  /** Where a redirected matter was sent (the policy's out-of-scope id). */
  readonly redirectedTo?: string;
  readonly stagesEntered: readonly { readonly stage: string; readonly at: string }[];
  /** Outside bodies the complainant went to, and when. */
  readonly referrals: readonly { readonly body: string; readonly at: string }[];
  readonly deadlines: readonly RecordedDeadline[];
  readonly outcomes: readonly RecordedOutcome[];
  readonly destroyed: boolean;
  /** The role handling it (the team), for the weekly themes check; absent on records written before it was kept. */
  readonly handlerRole?: string;
  /**
   * Where it happened, as the themes check counts it (placeKey): never for a confidential case, and gone with the
   * personal data at retention (the record is written again from the anonymised case).
   */
  readonly place?: string;
  /** The complainant's answers about how it was handled (fixed answers, given once after closure). */
  readonly feedback?: CaseFeedback;
  /** Reasonable adjustments agreed (kind and dates only); absent on records made before they were kept. */
  readonly adjustments?: readonly RecordedAdjustment[];
  /** A service request, not a complaint unless the person complained about it (./service-request-record.ts). */
  readonly serviceRequest?: ServiceRequestRecord;
}

export function reportRecordOf(c: Case): ReportRecord {
  const measured = c.deadlines.filter((d) => MEASURED.includes(d.kind));
  // An extension either moves a deadline in place (its extensions list) or, once missed, is a new deadline of the
  // same kind after it: one recorded deadline per stage and kind, first date from the first, final from the last.
  const groups = new Map<string, typeof measured>();
  for (const d of measured) groups.set(`${d.stage}/${d.kind}`, [...(groups.get(`${d.stage}/${d.kind}`) ?? []), d]);
  const deadlines: RecordedDeadline[] = [...groups.values()].map((list) => {
    const first = list[0] as (typeof list)[number];
    const last = list[list.length - 1] as (typeof list)[number];
    const extensions = list.flatMap((d) => d.extensions ?? []);
    const done = list.find((d) => d.doneAt)?.doneAt;
    return {
      stage: first.stage,
      kind: first.kind,
      firstDue: first.extensions?.[0]?.from ?? first.dueDate,
      finalDue: last.dueDate,
      extended: extensions.length > 0 || list.length > 1,
      agreed: extensions.length > 0 && extensions.every((e) => e.agreed),
      ...(first.startedAt ? { startedAt: first.startedAt } : {}),
      ...(done ? { doneAt: done } : {}),
    };
  });
  const outcomes: RecordedOutcome[] = (c.outcomes ?? (c.outcome ? [c.outcome] : [])).map((o) => ({
    stage: o.stage,
    decision: o.decision,
    at: o.at,
    remedies: o.remedies,
    actions: o.actions.map((a) => ({ due: a.due, ...(a.doneAt ? { doneAt: a.doneAt } : {}) })),
    ...(o.lessons && !c.confidential && !c.destroyedAt ? { lessons: o.lessons } : {}),
  }));
  return {
    reference: c.reference,
    policyId: c.policyId,
    channel: c.channel,
    ...(c.category ? { category: c.category } : {}),
    confidential: c.confidential,
    ...aboutRoleOf(c),
    recordedAsComplaint: c.recordedAsComplaint !== false,
    status: c.status,
    receivedAt: c.receivedAt,
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    ...(c.closure ? { closure: c.closure } : {}),
    ...(c.redirectedTo ? { redirectedTo: c.redirectedTo } : {}),
    stagesEntered: c.stagesEntered ?? [{ stage: c.stage, at: c.receivedAt }],
    referrals: c.referrals ?? [],
    deadlines,
    outcomes,
    destroyed: Boolean(c.destroyedAt),
    handlerRole: c.handlerRole,
    ...placeOf(c),
    ...(c.feedback ? { feedback: c.feedback } : {}),
    ...recordedAdjustments(c),
    ...serviceRequestRecordOf(c),
  };
}

function placeOf(c: Case): { readonly place?: string } {
  const place = c.confidential || c.destroyedAt ? undefined : placeKey(c.incident?.place);
  return place ? { place } : {};
}

/** The years (Europe/London) a case did something in: its record is kept in each, so each year's report finds it. */
export function reportYears(r: ReportRecord): number[] {
  const instants = [
    r.receivedAt,
    r.closedAt,
    ...r.stagesEntered.map((s) => s.at),
    ...(r.referrals ?? []).map((x) => x.at),
    ...r.deadlines.map((d) => d.doneAt),
    ...r.outcomes.flatMap((o) => [o.at, ...o.actions.map((a) => a.doneAt)]),
    r.feedback?.at,
    ...(r.adjustments ?? []).flatMap((a) => [a.agreedAt, a.endedAt]),
    ...serviceRequestInstants(r),
  ].filter((at): at is string => Boolean(at));
  return [...new Set(instants.map((at) => Number(londonDate(at).slice(0, 4))))].sort();
}
