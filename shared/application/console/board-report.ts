import { mayReadReport, rolesIn } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Clock } from '../ports/clock.js';
import type { ReportRecords } from '../ports/report-records.js';
import { annualReport, type AnnualReport } from '../reporting/annual-report.js';

/** An annual report nobody asking may read is, to them, no report at all. */
export class ReportNotFoundError extends Error {
  constructor(policyId: string) {
    super(`no annual report for "${policyId}" that you may read: it is for the roles the policy names under reporting.to`);
    this.name = 'ReportNotFoundError';
  }
}

/** The annual report as a member of staff reads it in the console: only for the roles it is for, and above. */
export async function boardReport(deps: { readonly policies: PolicySet; readonly reportRecords: ReportRecords; readonly clock: Clock }, member: StaffMember, policyId: string, year: number): Promise<AnnualReport> {
  const policy = deps.policies.all.find((p) => p.id === policyId);
  if (!policy || !mayReadReport(member, policy)) throw new ReportNotFoundError(policyId);
  return annualReport(deps, policy.id, year, { roles: rolesIn(member, policy.id) });
}
