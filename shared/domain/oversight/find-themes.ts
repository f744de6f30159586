import { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { roleTitle } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import type { ReportRecord } from '#domain/reporting/report-record';
import { judgeCount, type Judgement, type ThemeRule } from './theme-judgement.js';
import { onlyAServiceRequest } from '#domain/reporting/service-request-record';

/** What a theme is counted by: the policy's category, the team (the handling role), or the place it happened. */
export const THEME_DIMENSIONS = ['category', 'team', 'place'] as const;
export type ThemeDimension = (typeof THEME_DIMENSIONS)[number];

/** The length of "the last 30 days" and of each earlier window it is compared with. */
export const WINDOW_DAYS = 30;

/** The fewest earlier windows of history a judgement needs: fewer, and "usual" would be a guess. */
export const FEWEST_WINDOWS = 3;

export interface Theme {
  readonly dimension: ThemeDimension;
  readonly key: string;
  /** How staff know it: the category's name, the role's title, the place as counted. */
  readonly name: string;
  readonly judgement: Judgement;
  /** The cases behind it: those received in the last 30 days, oldest first. */
  readonly references: readonly string[];
}

export interface ThemeCheck {
  /** The last 30 days: from (inclusive) to today (inclusive), London dates. */
  readonly from: string;
  readonly to: string;
  /** The earlier 30-day windows "usual" was measured over (fewer than asked where the history is shorter). */
  readonly windows: number;
  readonly themes: readonly Theme[];
}

export interface ThemeSettings extends ThemeRule {
  readonly baselineWindows: number;
}

/** How far back a check reads: today's window and every earlier one. */
export function themeLookbackStart(today: string, settings: Pick<ThemeSettings, 'baselineWindows'>): string {
  return shiftDays(today, -(WINDOW_DAYS * (settings.baselineWindows + 1) - 1));
}

/**
 * The categories, teams and places with far more cases received in the 30 days to `today` than in the same
 * 30-day window over the months before (see judgeCount for "far more"). Counts every case received save those
 * sent elsewhere as not for this procedure; a case counts under its category once it has one. Undefined where
 * the organisation's first case is too recent for an earlier window to be whole FEWEST_WINDOWS times.
 */
export function findThemes(policy: Policy, records: readonly ReportRecord[], today: string, settings: ThemeSettings): ThemeCheck | undefined {
  const received = new Map<string, { record: ReportRecord; day: string }>();
  // Complaints only: a case sent elsewhere is not for this procedure, and a service request is not a complaint
  // until the person complains about it (then it counts from the day its complaint counts from).
  for (const r of records) if (r.closure !== 'redirected' && !onlyAServiceRequest(r) && !received.has(r.reference)) received.set(r.reference, { record: r, day: londonDate(r.receivedAt) });
  const first = [...received.values()].reduce<string | undefined>((min, { day }) => (min === undefined || day < min ? day : min), undefined);
  const from = shiftDays(today, -(WINDOW_DAYS - 1));
  // Window 0 is the last 30 days; window i the 30 days ending 30 x i days before today. A window that starts
  // before the first case is history Redress does not have, not a month without complaints.
  const windowOf = (day: string) => Math.floor(daysBetween(day, today) / WINDOW_DAYS);
  let windows = 0;
  while (windows < settings.baselineWindows && first !== undefined && shiftDays(from, -WINDOW_DAYS * (windows + 1)) >= first) windows++;
  if (windows < FEWEST_WINDOWS) return undefined;

  const themes: Theme[] = [];
  for (const dimension of THEME_DIMENSIONS) {
    const counts = new Map<string, number[]>();
    const recent = new Map<string, string[]>();
    for (const { record, day } of received.values()) {
      const key = keyOf(record, dimension);
      const w = windowOf(day);
      if (key === undefined || day > today || w > windows) continue;
      const perWindow = counts.get(key) ?? new Array<number>(windows + 1).fill(0);
      perWindow[w] = (perWindow[w] ?? 0) + 1;
      counts.set(key, perWindow);
      if (w === 0) recent.set(key, [...(recent.get(key) ?? []), record.reference]);
    }
    for (const [key, [count = 0, ...baseline]] of counts) {
      const judgement = judgeCount(count, baseline, settings);
      if (judgement.raised) themes.push({ dimension, key, name: nameOf(policy, dimension, key), judgement, references: [...(recent.get(key) ?? [])].sort() });
    }
  }
  // Furthest above usual first; level, categories before teams before places.
  const excess = (t: Theme) => t.judgement.count - t.judgement.usual.mean;
  themes.sort((a, b) => excess(b) - excess(a) || THEME_DIMENSIONS.indexOf(a.dimension) - THEME_DIMENSIONS.indexOf(b.dimension) || a.name.localeCompare(b.name));
  return { from, to: today, windows, themes };
}

function keyOf(r: ReportRecord, dimension: ThemeDimension): string | undefined {
  if (dimension === 'category') return r.category;
  if (dimension === 'team') return r.handlerRole;
  return r.place;
}

function nameOf(policy: Policy, dimension: ThemeDimension, key: string): string {
  if (dimension === 'category') return policy.categories.find((c) => c.id === key)?.name ?? key;
  if (dimension === 'team') return roleTitle(policy, key);
  return key;
}

function shiftDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string;
}

function daysBetween(earlier: string, later: string): number {
  return Math.round(DateTime.fromISO(later, { zone: 'utc' }).diff(DateTime.fromISO(earlier, { zone: 'utc' }), 'days').days);
}
