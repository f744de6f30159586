import type { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { staffAddress } from '#domain/case/route-case';
import { noticeToStaff } from '#domain/letters/addressing';
import { consoleHome } from '#domain/letters/staff-links';
import { letterItem } from '#domain/outbox/outbox-item';
import { annualFigures } from '#domain/reporting/annual-figures';
import { annualReportLetter } from '#domain/reporting/report-letter';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { ReportMailDeps } from './report-mail-deps.js';

export type SendAnnualReportDeps = ReportMailDeps;

export type AnnualReportOutcome = 'sent' | 'already-sent' | 'not-asked' | 'not-january' | 'not-a-working-day';

/**
 * Each January, for a policy that asks (`reporting.sendInJanuary`: Alumot 4.1), the year just ended's report goes
 * to the roles it is for, and to the Member Responsible for Complaints where the policy names one, on the organisation's first working day of January from the morning schedule: once,
 * however often that runs, since its outbox id is the year's.
 */
export async function sendAnnualReport(deps: SendAnnualReportDeps, policyId: string, now: DateTime): Promise<AnnualReportOutcome> {
  const policy = deps.policies.get(policyId);
  // The Member Responsible for Complaints receives the annual report (LGSCO 9.5-9.7), whether or not the roles it is for ask for it.
  const member = policy.oversight?.memberResponsible?.role;
  if (!policy.reporting.sendInJanuary && !member) return 'not-asked';
  const today = londonDate(now);
  if (today.slice(5, 7) !== '01') return 'not-january';
  // New Year's Day is a bank holiday: the report goes on the organisation's first working day of January.
  if (!calendarFor(policy).isWorkingDay(today)) return 'not-a-working-day';
  const year = Number(today.slice(0, 4)) - 1;
  const figures = annualFigures(policy, await deps.reportRecords.ofYear(policy.id, year), year, today);
  const home = consoleHome(deps.sending);
  const where = home ? `${home}/reports/${policy.id}?year=${year}` : `npm run --silent redress -- report --policy ${policy.id} --year ${year} --out report.html`;
  const roles = [...(policy.reporting.sendInJanuary ? policy.reporting.to : []), ...(member ? [member] : [])];
  const to = [...new Set(roles.map((role) => staffAddress(policy, role, deps.sending.operatorEmail)))];
  const item = letterItem(noticeToStaff(policy, policy.id, undefined, to, annualReportLetter(policy, figures, where), 'annual-report', String(year), deps.sending));
  if (await deps.outbox.get(item.id)) return 'already-sent';
  await deps.outbox.add([item], deps.clock.now().toISOString());
  deps.log.info('annual report queued', { policy: policy.id, year, recipients: to.length });
  return 'sent';
}
