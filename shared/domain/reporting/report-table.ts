import { remedyName } from '#domain/policy/remedy-names';
import { csvDocument, csvLine } from './csv.js';
import type { Policy } from '#domain/policy/policy-schema';
import type { AnnualFigures, StageFigures } from './annual-figures.js';
import { DECISION_WORDS } from '#domain/case/decision-words';
import { capitalise } from '#domain/letters/letter-view';
import { feedbackRows } from './feedback-rows.js';
import { adjustmentItems } from './adjustment-figures.js';
import { serviceRequestRows } from './service-request-figures.js';

/** A figure as a report shows it: a number, words in place of a small number, or nothing (no responses to average). */
export type Cell = number | string | null;

export interface ReportRow {
  readonly section: string;
  readonly item: string;
  readonly value: Cell;
  /** The same figure the year before, where there is a year before. */
  readonly previous?: Cell;
  /** A count (suppressed when small for publication), rather than an average. */
  readonly count: boolean;
}

export interface Publication {
  /** Counts from 1 to threshold - 1 in any breakdown are shown as "fewer than <threshold>", so no one can be picked out. */
  readonly threshold: number;
}

const CHANNEL_WORDS: Record<string, string> = { email: 'By email', web: 'On the web form', phone: 'By phone', letter: 'By letter', 'in-person': 'In person' };

/**
 * The year's figures as rows (section, item, this year, the year before), the one shape the CSV, the HTML
 * tables and the console page share. For publication every count from 1 to the threshold less one is words.
 */
export function reportRows(policy: Policy, figures: AnnualFigures, previous: AnnualFigures | undefined, publication?: Publication): ReportRow[] {
  const rows: ReportRow[] = [];
  const add = (section: string, item: string, pick: (f: AnnualFigures) => number | null, count = true) =>
    rows.push({ section, item, value: pick(figures), ...(previous ? { previous: pick(previous) } : {}), count });
  add('Summary', 'Complaints received', (f) => f.received);
  add('Summary', 'Resolved at once (not recorded as complaints)', (f) => f.earlyResolutions);
  add('Summary', 'Withdrawn', (f) => f.withdrawn);
  add('Summary', 'Not for this procedure (redirected)', (f) => f.redirected);
  add('Summary', 'Asked for the next stage', (f) => f.escalated);
  add('Summary', 'Actions agreed', (f) => f.actionsAgreed);
  add('Summary', 'Actions done', (f) => f.actionsDone);
  add('Summary', 'Actions overdue', (f) => f.actionsOverdue);
  const channels = [...new Set([...Object.keys(figures.byChannel), ...Object.keys(previous?.byChannel ?? {})])].sort();
  for (const channel of channels) add('How complaints came in', CHANNEL_WORDS[channel] ?? channel, (f) => f.byChannel[channel] ?? 0);
  for (const c of figures.byCategory) add('What complaints were about', c.name, (f) => f.byCategory.find((x) => x.category === c.category)?.count ?? 0);
  for (const r of figures.redirectedTo) add('Sent elsewhere', `${r.matter}: ${r.goTo}`, (f) => f.redirectedTo.find((x) => x.matter === r.matter)?.count ?? 0);
  figures.stages.forEach((stage, i) => {
    const of = (f: AnnualFigures): StageFigures | undefined => f.stages[i];
    const section = stage.name;
    add(section, 'Entered', (f) => of(f)?.entered ?? 0);
    add(section, 'Acknowledged', (f) => of(f)?.acknowledged ?? 0);
    add(section, 'Acknowledged on time', (f) => of(f)?.acknowledgedOnTime ?? 0);
    add(section, 'Responded to', (f) => of(f)?.responded ?? 0);
    add(section, 'Responded to on time (the date first set)', (f) => of(f)?.respondedOnTime ?? 0);
    add(section, 'Responded to by the extended date', (f) => of(f)?.respondedWithinExtension ?? 0);
    add(section, 'Given more time', (f) => of(f)?.extended ?? 0);
    add(section, 'Average working days to respond', (f) => of(f)?.averageWorkingDaysToRespond ?? null, false);
    add(section, 'Median working days to respond', (f) => of(f)?.medianWorkingDaysToRespond ?? null, false);
    for (const [decision, words] of Object.entries(DECISION_WORDS)) add(section, capitalise(words), (f) => of(f)?.outcomes[decision as keyof typeof DECISION_WORDS] ?? 0);
  });
  for (const b of figures.toOutsideBodies) add('Taken to an outside body', b.name, (f) => f.toOutsideBodies.find((x) => x.body === b.body)?.count ?? 0);
  for (const r of figures.remedies) add('Remedies given', remedyName(policy, r.remedy), (f) => f.remedies.find((x) => x.remedy === r.remedy)?.count ?? 0);
  for (const a of adjustmentItems(policy, figures.adjustments, previous?.adjustments)) add('Reasonable adjustments', a.item, (f) => a.count(f.adjustments));
  rows.push(...feedbackRows(figures, previous));
  serviceRequestRows(figures.serviceRequests, (section, item, pick) => add(section, item, (f) => (f.serviceRequests ? pick(f.serviceRequests) : null)));
  return publication ? rows.map((row) => suppressed(row, publication.threshold)) : rows;
}

function suppressed(row: ReportRow, threshold: number): ReportRow {
  if (!row.count) return row;
  const hide = (cell: Cell | undefined): Cell | undefined => (typeof cell === 'number' && cell > 0 && cell < threshold ? `fewer than ${threshold}` : cell);
  const previous = hide(row.previous);
  return { ...row, value: hide(row.value) ?? null, ...(previous !== undefined ? { previous } : {}) };
}

/** The rows as CSV, with the year's and the year before's columns. */
export function reportCsv(figures: AnnualFigures, rows: readonly ReportRow[], hasPrevious: boolean): string {
  const header = ['section', 'item', String(figures.year), ...(hasPrevious ? [String(figures.year - 1)] : [])];
  return csvDocument([csvLine(header), ...rows.map((r) => csvLine([r.section, r.item, r.value, ...(hasPrevious ? [r.previous] : [])]))]);
}
