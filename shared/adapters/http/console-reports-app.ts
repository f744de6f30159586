import { Hono, type Context } from 'hono';
import type { AnnualReport } from '#application/reporting/annual-report';
import { ReportNotFoundError, ReportRefusedError } from '#application/console/board-report';
import { caseRolesIn } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import { londonDate } from '#domain/calendar/london-date';
import { monitoringCsv, type MonitoringRow } from '#domain/reporting/monitoring-row';
import { reportCsv, reportRows } from '#domain/reporting/report-table';
import { downloadDisposition } from '#adapters/download-headers';
import { annualReportHtml } from './annual-report-html.js';
import { html } from './console/html.js';
import { consoleSessions, type ConsoleSessionSettings } from './console-session.js';

/** What the board's reports call. */
export interface ConsoleReportsDeps extends ConsoleSessionSettings {
  /** The annual report of an organisation for a year (ReportNotFoundError outside it, ReportRefusedError for a member it is not for). */
  readonly report: (member: StaffMember, policyId: string, year: number) => Promise<AnnualReport>;
  /** Each case's monitoring fields for the year, as this person may see them (ReportNotFoundError as for the report). */
  readonly monitoring: (member: StaffMember, policyId: string, year: number) => Promise<MonitoringRow[]>;
  /** The smallest count a published report shows as a number. */
  readonly publishThreshold: number;
}

/**
 * The annual report in the console (/console/reports/<policy>): the current year unless another is asked, its
 * figures as CSV, the published form; and the monitoring fields per case (personal data, for staff), every case
 * exported having it on its timeline. A part of its own, as on AWS it is a function of its own: the charts
 * load only where reports are read, never in the console's pages (imported at the top: loading them lazily here
 * saved a few milliseconds of a CSV's cold start and cost 48 KB of bundle). Signed in by the console's pages.
 */
export function consoleReportsApp(deps: ConsoleReportsDeps): Hono {
  const app = new Hono();
  const sessions = consoleSessions(deps);
  sessions.guard(app, { pages: ['/console/reports/*'], posts: [] });

  app.get('/console/reports/:policy/monitoring', async (c) => {
    const s = await sessions.read(c);
    if (!s) return sessions.toSignIn(c);
    const year = Number.parseInt(c.req.query('year') ?? '', 10);
    if (!(year >= 2000 && year <= Number(londonDate(deps.now()).slice(0, 4)))) return c.html(html.reportNotFound(sessions.signed(s)), 404);
    const policyId = c.req.param('policy');
    try {
      const rows = await deps.monitoring(sessions.memberOf(s), policyId, year);
      return c.body(monitoringCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': downloadDisposition(`${policyId}-monitoring-${year}.csv`) });
    } catch (error) {
      return notSeen(c, error, sessions.signed(s));
    }
  });

  app.get('/console/reports/:policy', async (c) => {
    const s = await sessions.read(c);
    if (!s) return sessions.toSignIn(c);
    const thisYear = Number(londonDate(deps.now()).slice(0, 4));
    const asked = Number.parseInt(c.req.query('year') ?? '', 10);
    // The year so far unless another is asked: the year before is one click away, and opening on it showed a
    // new deployment nothing but zeros.
    const year = asked >= 2000 && asked <= thisYear ? asked : thisYear;
    const policyId = c.req.param('policy');
    let report: AnnualReport;
    try {
      report = await deps.report(sessions.memberOf(s), policyId, year);
    } catch (error) {
      return notSeen(c, error, sessions.signed(s));
    }
    const publication = c.req.query('publish') ? { threshold: deps.publishThreshold } : undefined;
    if (c.req.query('format') === 'csv') {
      const csv = reportCsv(report.figures, reportRows(report.policy, report.figures, report.previous, publication), Boolean(report.previous));
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': downloadDisposition(`${policyId}-complaints-${year}.csv`) });
    }
    const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
    c.header('content-security-policy', sessions.headers({ dataImages: true })['content-security-policy'] as string);
    return c.html(await annualReportHtml(report, { ...(publication ? { publication } : {}), console: { back: '/console', years, base: `/console/reports/${policyId}`, monitoring: caseRolesIn(sessions.memberOf(s), report.policy).size > 0 } }));
  });
  return app;
}

/** A report the person may not see, said as a report's page says it: refused (403) to a member, else not found. */
function notSeen(c: Context, error: unknown, signed: Parameters<typeof html.reportNotFound>[0]): Response {
  if (error instanceof ReportRefusedError) return c.html(html.reportRefused(signed, error.organisation, error.forWhom), 403);
  if (error instanceof ReportNotFoundError) return c.html(html.reportNotFound(signed), 404);
  throw error;
}
