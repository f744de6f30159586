import { recordDeliveryReport as decide, type DeliveryReport } from '#domain/case/delivery-report';
import type { Sending } from '#domain/letters/addressing';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';
import type { Log } from '../ports/log.js';
import { CaseNotFoundError } from '../ports/store-errors.js';

export interface RecordDeliveryReportDeps extends ChangeCaseDeps {
  readonly sending: Sending;
  readonly log: Log;
}

export type DeliveryReportOutcome = 'recorded' | 'nothing-to-record' | 'not-about-a-case' | 'case-gone';

/**
 * The mail service's report on a letter (SES configuration-set events on AWS), onto the case the letter was about.
 * Mail about no case (a digest, an operator's notice) has nothing to record it on; a case since destroyed neither.
 */
export async function recordDeliveryReport(deps: RecordDeliveryReportDeps, reference: string | undefined, report: DeliveryReport): Promise<DeliveryReportOutcome> {
  if (!reference) return 'not-about-a-case';
  let recorded = false;
  try {
    await changeCase(deps, reference, (c, policy) => {
      const change = decide(policy, c, report, deps.sending, deps.clock.now().toISOString());
      recorded = change !== undefined;
      return change ? { change } : undefined;
    });
  } catch (error) {
    if (!(error instanceof CaseNotFoundError)) throw error;
    deps.log.warn('delivery report for a case no longer stored', { reference, kind: report.kind, reportId: report.id });
    return 'case-gone';
  }
  return recorded ? 'recorded' : 'nothing-to-record';
}
