import { londonDate } from '#domain/calendar/london-date';
import { annualFigures, type AnnualFigures } from '#domain/reporting/annual-figures';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Clock } from '../ports/clock.js';
import type { ReportRecords } from '../ports/report-records.js';

export interface AnnualReport {
  readonly policy: Policy;
  readonly figures: AnnualFigures;
  /** The year before, where the organisation had cases then. */
  readonly previous?: AnnualFigures;
  /** The day the report was made (Europe/London): what "overdue" is measured on. */
  readonly madeOn: string;
}

/** An organisation's annual report: the year's figures beside the year before's, from two queries of report records. */
export async function annualReport(
  deps: { readonly policies: PolicySet; readonly reportRecords: ReportRecords; readonly clock: Clock },
  policyId: string,
  year: number,
  /** Who will read it, when known: a complaint's lessons are left out for the role it was about. */
  reader?: { readonly roles: ReadonlySet<string> },
): Promise<AnnualReport> {
  const policy = deps.policies.get(policyId);
  const madeOn = londonDate(deps.clock.now());
  const [records, before] = await Promise.all([deps.reportRecords.ofYear(policy.id, year), deps.reportRecords.ofYear(policy.id, year - 1)]);
  return {
    policy,
    figures: annualFigures(policy, records, year, madeOn, reader),
    ...(before.length ? { previous: annualFigures(policy, before, year - 1, madeOn, reader) } : {}),
    madeOn,
  };
}
