import { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import type { Letter } from '#domain/letters/letter';
import { staffAddress } from '#domain/case/route-case';
import { noticeToStaff } from '#domain/letters/addressing';
import { letterItem } from '#domain/outbox/outbox-item';
import { findThemes, themeLookbackStart, type ThemeCheck, type ThemeSettings } from '#domain/oversight/find-themes';
import { themesLetter } from '#domain/oversight/themes-letter';
import { THEME_DEFAULTS } from '#domain/policy/oversight-schema';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { caseLink, mondayOf, recordsBetween, recordsFor } from './oversight-reading.js';
import type { ReportMailDeps } from '../reporting/report-mail-deps.js';

export type SendThemesDeps = ReportMailDeps;

/** `not-this-morning`: a working day, but not the week's first (the check is weekly). */
export type ThemesOutcome = 'sent' | 'already-sent' | 'nothing-to-say' | 'not-enough-history' | 'not-this-morning' | 'not-a-working-day';

/** The policy's settings for "well above usual", or Redress's defaults (oversight-schema.ts). */
export function themeSettings(policy: Policy): ThemeSettings {
  return policy.oversight?.themes ?? THEME_DEFAULTS;
}

/** Who is told of themes: the roles the report is for (LGSCO 9.4's senior person), else whoever gets the digest. */
export function themeRecipients(policy: Policy, operatorEmail: string): string[] {
  const roles = policy.reporting.to.length ? policy.reporting.to : policy.stages.filter((s) => s.formal).map((s) => s.handler);
  return [...new Set(roles.map((r) => staffAddress(policy, r, operatorEmail)))];
}

/**
 * The weekly look for themes (LGSCO 9.4; Housing Ombudsman 9.5), from the morning schedule on the organisation's
 * first working day of each week: each category, team and place whose count in the last 30 days is well above
 * its usual (findThemes) goes to the roles the report is for, with the cases behind it. Read from the reporting
 * index alone (one query per year looked back over); once a week, however often the morning runs, since the
 * notice's id is the week's. Nobody is told of a complaint about themselves, not even as a count.
 */
export async function sendThemes(deps: SendThemesDeps, policyId: string, now: DateTime): Promise<ThemesOutcome> {
  const policy = deps.policies.get(policyId);
  const today = londonDate(now);
  const calendar = calendarFor(policy);
  if (!calendar.isWorkingDay(today)) return 'not-a-working-day';
  const monday = mondayOf(today);
  if (calendar.firstWorkingDayFrom(monday) !== today) return 'not-this-morning';
  const { enoughHistory, notices } = await themesNotices(deps, policy, today);
  if (notices.length === 0) return enoughHistory ? 'nothing-to-say' : 'not-enough-history';
  const week = DateTime.fromISO(monday).toFormat("kkkk-'W'WW");
  const items = notices.map(({ recipients, letter }) => letterItem(noticeToStaff(policy, policy.id, undefined, recipients, letter, 'themes-notice', notices.length === 1 ? week : `${week}-${recipients.join('+')}`, deps.sending)));
  const queued = await Promise.all(items.map((item) => deps.outbox.get(item.id)));
  if (queued.every(Boolean)) return 'already-sent';
  await deps.outbox.add(items, deps.clock.now().toISOString());
  deps.log.info('themes queued', { policy: policy.id, week, notices: items.length, themes: notices.reduce((n, g) => n + g.check.themes.length, 0) });
  return 'sent';
}

/** One themes notice: who gets it, what it found, and the letter. */
export interface ThemesNotice {
  readonly recipients: readonly string[];
  readonly check: ThemeCheck;
  readonly letter: Letter;
}

/**
 * The themes notices the look of `today` makes, whatever the day (the weekly schedule's and `redress themes`'):
 * one per set of readers who see the same themes, since each reader's counts leave out complaints about
 * themselves. `enoughHistory` is false where no reader has three earlier periods of 30 days to judge by.
 */
export async function themesNotices(deps: Pick<SendThemesDeps, 'reportRecords' | 'sending'>, policy: Policy, today: string): Promise<{ enoughHistory: boolean; notices: ThemesNotice[] }> {
  const settings = themeSettings(policy);
  const records = await recordsBetween(deps.reportRecords, policy.id, themeLookbackStart(today, settings), today);
  const groups = new Map<string, { recipients: string[]; check: ThemeCheck }>();
  let enoughHistory = false;
  for (const recipient of themeRecipients(policy, deps.sending.operatorEmail)) {
    const check = findThemes(policy, recordsFor(policy, records, recipient), today, settings);
    if (check) enoughHistory = true;
    if (!check || check.themes.length === 0) continue;
    const key = JSON.stringify(check.themes.map((t) => [t.dimension, t.key, t.judgement.count, t.references]));
    const group = groups.get(key) ?? { recipients: [], check };
    group.recipients.push(recipient);
    groups.set(key, group);
  }
  const notices = [...groups.values()].map(({ recipients, check }) => ({ recipients, check, letter: themesLetter(policy, check, settings, (r) => caseLink(deps.sending, r)) }));
  return { enoughHistory, notices };
}
