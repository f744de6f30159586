import { londonDate } from '#domain/calendar/london-date';
import type { Policy } from '#domain/policy/policy-schema';
import type { ReportRecord } from './report-record.js';

/**
 * The year's service requests (LGSCO 1.8, Housing Ombudsman 1.4: recorded, monitored and reviewed), apart from the
 * complaints: how many were recorded, dealt with (and by their target, where the policy sets one), how many the
 * person then complained about, and their themes (the policy's categories). Each counted by the date of its own
 * event, as every figure of the report is.
 */
export interface ServiceRequestFigures {
  readonly recorded: number;
  readonly dealtWith: number;
  /** Dealt with on or before their target; null where the policy sets no target. */
  readonly dealtWithByTarget: number | null;
  /** Service requests the person complained about in the year (each is then a complaint received too). */
  readonly becameComplaints: number;
  /** Those recorded in the year, by the policy's categories, in its order, then "uncategorised". */
  readonly byCategory: readonly { readonly category: string; readonly name: string; readonly count: number }[];
}

const UNCATEGORISED = 'uncategorised';

/** The year's service request figures, only for a policy that has service requests. */
export function serviceRequestFigures(policy: Policy, records: readonly ReportRecord[], inYear: (at: string | undefined) => boolean): { serviceRequests?: ServiceRequestFigures } {
  if (!policy.serviceRequests) return {};
  const requests = records.flatMap((r) => (r.serviceRequest ? [{ record: r, sr: r.serviceRequest }] : []));
  const recorded = requests.filter(({ sr }) => inYear(sr.recordedAt));
  const done = requests.filter(({ sr }) => inYear(sr.doneAt));
  const categories = [...policy.categories.map((c) => ({ category: c.id, name: c.name })), { category: UNCATEGORISED, name: 'Not yet categorised' }];
  return {
    serviceRequests: {
      recorded: recorded.length,
      dealtWith: done.length,
      dealtWithByTarget: policy.serviceRequests.target ? done.filter(({ sr }) => sr.targetDate && sr.doneAt && londonDate(sr.doneAt) <= sr.targetDate).length : null,
      becameComplaints: requests.filter(({ sr }) => inYear(sr.becameComplaintAt)).length,
      byCategory: categories.map((c) => ({ ...c, count: recorded.filter(({ record }) => (record.category ?? UNCATEGORISED) === c.category).length })),
    },
  };
}

/** The report's rows for them (through the report table's `add`), in two sections of their own: none for a policy without them. */
export function serviceRequestRows(figures: ServiceRequestFigures | undefined, add: (section: string, item: string, pick: (f: ServiceRequestFigures) => number | null) => void): void {
  if (!figures) return;
  const section = 'Service requests (not complaints)';
  add(section, 'Recorded', (f) => f.recorded);
  add(section, 'Dealt with', (f) => f.dealtWith);
  if (figures.dealtWithByTarget !== null) add(section, 'Dealt with by their target', (f) => f.dealtWithByTarget);
  add(section, 'The person then complained', (f) => f.becameComplaints);
  for (const c of figures.byCategory) add('What service requests were about', c.name, (f) => f.byCategory.find((x) => x.category === c.category)?.count ?? 0);
}
