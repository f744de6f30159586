import type { Case } from '#domain/case/case';
import { dateInWords } from '#domain/letters/dates-in-words';
import { londonDate } from '#domain/calendar/london-date';
import type { Policy } from '#domain/policy/policy-schema';
import { remedyName } from '#domain/policy/remedy-names';
import { csvDocument, csvLine } from './csv.js';
import { roleTitle, stageName } from '#domain/policy/policy-lookups';

/**
 * One case's monitoring fields, as Not Alone Mentoring 11.1 lists them: name and address, who dealt with it, the
 * dates of the complaint and of each response, the nature of the complaint, the actions taken, the remedies
 * (recommendations) and the lessons learnt. Personal data: for staff allowed to read the case, never the board.
 */
export const MONITORING_COLUMNS = [
  'reference',
  'received',
  'name',
  'email',
  'phone',
  'postal address',
  'nature of complaint',
  'stage',
  'status',
  'dealt with by',
  'responses',
  'remedies',
  'actions',
  'lessons learnt',
  'closed',
] as const;

export type MonitoringRow = Readonly<Record<(typeof MONITORING_COLUMNS)[number], string>>;

/** A case as its monitoring row; a confidential case the reader may not read is its reference, dates and stage only. */
export function monitoringRow(policy: Policy, c: Case, readable: boolean): MonitoringRow {
  const role = (id: string) => roleTitle(policy, id);
  const outcomes = c.outcomes ?? (c.outcome ? [c.outcome] : []);
  const withheld = c.confidential && !readable;
  const personal = (value: string | undefined) => (withheld ? 'confidential' : (value ?? ''));
  return {
    reference: c.reference,
    received: londonDate(c.receivedAt),
    name: personal(c.complainant.anonymous ? 'anonymous' : c.complainant.name),
    email: personal(c.complainant.email),
    phone: personal(c.complainant.phone),
    'postal address': personal(c.complainant.postalAddress),
    'nature of complaint': policy.categories.find((k) => k.id === c.category)?.name ?? '',
    stage: stageName(policy, c.stage),
    status: c.destroyedAt ? `personal data destroyed ${londonDate(c.destroyedAt)}` : c.status,
    // Whoever decided each stage, then the role handling it now where no one in it has decided yet.
    'dealt with by': withheld ? role(c.handlerRole) : [...new Set([...outcomes.map((o) => `${o.by} (${role(o.handlerRole)})`), ...(outcomes.some((o) => o.handlerRole === c.handlerRole) ? [] : [role(c.handlerRole)])])].join('; '),
    responses: outcomes.map((o) => `${stageName(policy, o.stage)}: ${o.decision} on ${dateInWords(londonDate(o.at))}`).join('; '),
    remedies: personal(outcomes.flatMap((o) => o.remedies.map((r) => remedyName(policy, r))).join('; ')),
    actions: personal(outcomes.flatMap((o) => o.actions.map((a) => `${a.text} (due ${a.due}${a.doneAt ? `, done ${londonDate(a.doneAt)}` : ''})`)).join('; ')),
    'lessons learnt': personal(outcomes.flatMap((o) => (o.lessons ? [o.lessons] : [])).join('; ')),
    closed: c.closedAt ? londonDate(c.closedAt) : '',
  };
}

/** The rows as CSV, headed by the column names. */
export function monitoringCsv(rows: readonly MonitoringRow[]): string {
  return csvDocument([csvLine(MONITORING_COLUMNS), ...rows.map((r) => csvLine(MONITORING_COLUMNS.map((column) => r[column])))]);
}
