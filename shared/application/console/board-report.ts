import { mayReadReport, rolesIn } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import { clauseInWords } from '#domain/policy/clause-words';
import { organisationInText } from '#domain/policy/organisation-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Clock } from '../ports/clock.js';
import type { ReportRecords } from '../ports/report-records.js';
import { annualReport, type AnnualReport } from '../reporting/annual-report.js';
import { roleTitle } from '#domain/policy/policy-lookups';

/** An annual report nobody asking may read is, to them, no report at all. */
export class ReportNotFoundError extends Error {
  constructor(policyId: string) {
    super(`no annual report for "${policyId}" that you may read: it is for the roles the policy names under reporting.to`);
    this.name = 'ReportNotFoundError';
  }
}

/** A member of the organisation asked for its report, which is for other roles: they are told whose it is. */
export class ReportRefusedError extends Error {
  constructor(
    readonly organisation: string,
    /** Whom the policy's report is for, in words ("the Board of Trustees (clause 4.1)"). */
    readonly forWhom: string,
  ) {
    super(`${organisation}'s annual report is for ${forWhom} and the roles above; you hold none of them: ask one of them for it`);
    this.name = 'ReportRefusedError';
  }
}

/**
 * The policy whose report a member of staff asks for, if they may read it. To someone outside the organisation
 * it is no report at all (they are not told what it has); to a member it is not for, refused, saying whose it is.
 */
export function reportPolicyFor(policies: PolicySet, member: StaffMember, policyId: string): Policy {
  const policy = policies.all.find((p) => p.id === policyId);
  if (!policy || rolesIn(member, policy.id).size === 0) throw new ReportNotFoundError(policyId);
  if (!mayReadReport(member, policy)) {
    // A title's aside ("(an appeal panel of two Board members at stage two)") is about handling, not reading.
    const roles = policy.reporting.to.map((id) => roleTitle(policy, id).replace(/\s*\([^)]*\)$/, '')).join(', ');
    const clause = policy.reporting.clause ? ` (${clauseInWords(policy.reporting.clause)})` : '';
    throw new ReportRefusedError(organisationInText(policy), `the ${roles}${clause}`);
  }
  return policy;
}

/** The annual report as a member of staff reads it in the console: only for the roles it is for, and above. */
export async function boardReport(deps: { readonly policies: PolicySet; readonly reportRecords: ReportRecords; readonly clock: Clock }, member: StaffMember, policyId: string, year: number): Promise<AnnualReport> {
  const policy = reportPolicyFor(deps.policies, member, policyId);
  return annualReport(deps, policy.id, year, { roles: rolesIn(member, policy.id) });
}
