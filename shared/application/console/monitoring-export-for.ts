import type { DateTime } from 'luxon';
import { caseRolesIn, mayKnowOf, mayRead } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import type { MonitoringRow } from '#domain/reporting/monitoring-row';
import type { ReportRecords } from '../ports/report-records.js';
import { monitoringExport } from '../reporting/monitoring-export.js';
import type { StaffDeps } from '../staff/staff-deps.js';
import { ReportNotFoundError, reportPolicyFor } from './board-report.js';

/**
 * The monitoring export as a member of staff takes it from the console: for the roles the report is for, never a
 * complaint about them, a confidential case's content only where they may read it; on each case's timeline. A role
 * for reports alone (the Member Responsible for Complaints) reads the report, not the cases in it: no export.
 */
export async function monitoringExportFor(deps: StaffDeps & { readonly reportRecords: ReportRecords }, member: StaffMember, policyId: string, year: number, at: DateTime): Promise<MonitoringRow[]> {
  const policy = reportPolicyFor(deps.policies, member, policyId);
  if (caseRolesIn(member, policy).size === 0) throw new ReportNotFoundError(policyId);
  return monitoringExport(deps, { policyId: policy.id, year, actor: member.email ?? member.name, at, mayRead: (c) => mayRead(member, policy, c), mayKnowOf: (c) => mayKnowOf(member, policy, c) });
}
