import { pendingActions } from '#domain/case/pending-actions';
import { reportRecordOf, reportYears } from '#domain/reporting/report-record';
import type { Cases } from '../ports/cases.js';

/**
 * `report rebuild --policy ID`: writes the report records and the pending actions again for every case of one
 * organisation, read a page at a time from its newest-first index (never a scan): for cases stored before those
 * indexes existed. Idempotent; run it again and nothing changes.
 */
export async function rebuildReportIndexes(deps: { readonly cases: Cases }, policyId: string, pageSize = 100): Promise<number> {
  let count = 0;
  let after: string | undefined;
  do {
    const page = await deps.cases.newestPage(policyId, pageSize, after);
    for (const c of page.cases) {
      const record = reportRecordOf(c);
      await deps.cases.rewriteIndexes(c, { record, years: reportYears(record) }, pendingActions(c));
      count++;
    }
    after = page.next;
  } while (after);
  return count;
}
