import type { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { staffAddress } from '#domain/case/route-case';
import { noticeToStaff } from '#domain/letters/addressing';
import type { Letter } from '#domain/letters/letter';
import { consoleHome } from '#domain/letters/staff-links';
import { letterItem } from '#domain/outbox/outbox-item';
import { themeLookbackStart } from '#domain/oversight/find-themes';
import { quarterBefore, quarterlySummary, quarterOf, type Quarter } from '#domain/oversight/quarterly-summary';
import { quarterlySummaryLetter } from '#domain/oversight/quarterly-summary-letter';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { recordsBetween, recordsFor } from './oversight-reading.js';
import { themeSettings } from './send-themes.js';
import type { ReportMailDeps } from '../reporting/report-mail-deps.js';

export type SendQuarterlySummaryDeps = ReportMailDeps;

/** `not-asked`: the policy names no Member Responsible for Complaints; `not-due`: not a quarter's first working day. */
export type QuarterlySummaryOutcome = 'sent' | 'already-sent' | 'not-asked' | 'not-due';

/**
 * The quarter just ended's summary to the Member Responsible for Complaints (LGSCO 9.5-9.7; Housing Ombudsman
 * 9.5, 9.7), on the organisation's first working day of January, April, July and October: once, however often the
 * schedule runs, since its outbox id is the quarter's. Read from the reporting index alone.
 */
export async function sendQuarterlySummary(deps: SendQuarterlySummaryDeps, policyId: string, now: DateTime): Promise<QuarterlySummaryOutcome> {
  const policy = deps.policies.get(policyId);
  const member = policy.oversight?.memberResponsible;
  if (!member) return 'not-asked';
  const today = londonDate(now);
  const current = quarterOf(today);
  if (calendarFor(policy).firstWorkingDayFrom(current.first) !== today) return 'not-due';
  const quarter = quarterBefore(current);
  const { to, letter } = await quarterlySummaryNotice(deps, policy, member.role, quarter, today);
  const item = letterItem(noticeToStaff(policy, policy.id, undefined, [to], letter, 'quarterly-summary', `${quarter.year}-Q${quarter.number}`, deps.sending));
  if (await deps.outbox.get(item.id)) return 'already-sent';
  await deps.outbox.add([item], deps.clock.now().toISOString());
  deps.log.info('quarterly summary queued', { policy: policy.id, quarter: `${quarter.year}-Q${quarter.number}` });
  return 'sent';
}

/**
 * The summary of `quarter` as the member would get it on `today` (the quarterly schedule's, and `redress
 * quarterly-summary`'s on any day): to the role's staff address, counted from the reporting index alone.
 */
export async function quarterlySummaryNotice(deps: Pick<SendQuarterlySummaryDeps, 'reportRecords' | 'sending'>, policy: Policy, role: string, quarter: Quarter, today: string): Promise<{ to: string; letter: Letter }> {
  const to = staffAddress(policy, role, deps.sending.operatorEmail);
  const settings = themeSettings(policy);
  const records = recordsFor(policy, await recordsBetween(deps.reportRecords, policy.id, themeLookbackStart(quarter.last, settings), today), to);
  const home = consoleHome(deps.sending);
  const where = home ? `${home}/reports/${policy.id}?year=${quarter.year}` : `npm run --silent redress -- report --policy ${policy.id} --year ${quarter.year} --out report.html`;
  return { to, letter: quarterlySummaryLetter(policy, quarterlySummary(policy, records, quarter, today, settings), where) };
}
