import { DateTime } from 'luxon';
import { LONDON } from '#domain/calendar/working-calendar';
import { periodFigures, type AnnualFigures } from '#domain/reporting/annual-figures';
import type { ReportRecord } from '#domain/reporting/report-record';
import { roleTitle } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { findThemes, type Theme, type ThemeSettings } from './find-themes.js';

/** A calendar quarter: its year, its number (1 = January to March), its first and last London dates. */
export interface Quarter {
  readonly year: number;
  readonly number: 1 | 2 | 3 | 4;
  readonly first: string;
  readonly last: string;
}

/** The quarter a London date is in. */
export function quarterOf(date: string): Quarter {
  const d = DateTime.fromISO(date, { zone: LONDON });
  const start = d.startOf('quarter');
  return { year: start.year, number: start.quarter as Quarter['number'], first: start.toISODate() as string, last: start.endOf('quarter').toISODate() as string };
}

/** The quarter before one. */
export function quarterBefore(q: Quarter): Quarter {
  return quarterOf(DateTime.fromISO(q.first, { zone: LONDON }).minus({ days: 1 }).toISODate() as string);
}

export interface QuarterlySummary {
  readonly quarter: Quarter;
  /** The quarter's figures, counted as the annual report counts its year (each by the date of its own event). */
  readonly figures: AnnualFigures;
  /** Complaints received in the quarter before, to compare. */
  readonly receivedBefore: number;
  /** Complaints received in the quarter by the team handling them, most first. */
  readonly byTeam: readonly { readonly role: string; readonly name: string; readonly count: number }[];
  /** Categories and teams well above usual in the quarter's last 30 days (places are the complainants' words: left out). */
  readonly themes: readonly Theme[];
  /** Actions agreed at an outcome and not yet done, on the day of the summary; and those past their date. */
  readonly openActions: number;
  readonly overdueActions: number;
}

/**
 * The quarterly summary for the Member Responsible for Complaints (LGSCO 9.5-9.7: volumes, trends, the annual
 * report): volumes, time taken, outcomes, themes and open actions, from the anonymous report records alone.
 * `records` must reach back to the themes' look-back before the quarter's end (themeLookbackStart).
 */
export function quarterlySummary(policy: Policy, records: readonly ReportRecord[], quarter: Quarter, today: string, settings: ThemeSettings): QuarterlySummary {
  const bounds = (q: Quarter) => ({ year: q.year, from: DateTime.fromISO(q.first, { zone: LONDON }).toMillis(), to: DateTime.fromISO(q.last, { zone: LONDON }).plus({ days: 1 }).toMillis() });
  const figures = periodFigures(policy, records, bounds(quarter), today);
  const before = periodFigures(policy, records, bounds(quarterBefore(quarter)), today);
  const inQuarter = bounds(quarter);
  const received = records.filter((r) => r.closure !== 'early-resolution' && Date.parse(r.receivedAt) >= inQuarter.from && Date.parse(r.receivedAt) < inQuarter.to);
  const teams = new Map<string, number>();
  for (const r of received) if (r.handlerRole) teams.set(r.handlerRole, (teams.get(r.handlerRole) ?? 0) + 1);
  const actions = records.flatMap((r) => r.outcomes.flatMap((o) => o.actions)).filter((a) => !a.doneAt);
  const check = findThemes(policy, records, quarter.last, settings);
  return {
    quarter,
    figures,
    receivedBefore: before.received,
    byTeam: [...teams].map(([role, count]) => ({ role, name: roleTitle(policy, role), count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    themes: (check?.themes ?? []).filter((t) => t.dimension !== 'place'),
    openActions: actions.length,
    overdueActions: actions.filter((a) => a.due < today).length,
  };
}
