import type { DateTime } from 'luxon';
import { recordExport } from '#domain/case/actions/record-export';
import type { Case } from '#domain/case/case';
import { monitoringRow, type MonitoringRow } from '#domain/reporting/monitoring-row';
import type { ReportRecords } from '../ports/report-records.js';
import type { StaffDeps } from '../staff/staff-deps.js';
import { changeCase } from '../change-case.js';

export interface MonitoringExportRequest {
  readonly policyId: string;
  readonly year: number;
  readonly actor: string;
  readonly at: DateTime;
  /** Whether this reader may read the case: a confidential one they may not is its reference, dates and stage. */
  readonly mayRead: (c: Case) => boolean;
  /** Whether the case is in the export at all (never a complaint about the reader): by default, every one. */
  readonly mayKnowOf?: (c: Case) => boolean;
}

/**
 * The staff-only export of the monitoring fields (Not Alone Mentoring 11.1) for the cases active in a year, found
 * through the year's report records (no scan), oldest first. Each case exported carries the export on its
 * timeline, who and when, before its row is handed over.
 */
export async function monitoringExport(deps: StaffDeps & { readonly reportRecords: ReportRecords }, request: MonitoringExportRequest): Promise<MonitoringRow[]> {
  const policy = deps.policies.get(request.policyId);
  const records = (await deps.reportRecords.ofYear(policy.id, request.year)).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.reference.localeCompare(b.reference));
  const rows: MonitoringRow[] = [];
  // A few at a time: each is a read and a write of its case.
  for (let i = 0; i < records.length; i += 8) {
    const batch = records.slice(i, i + 8);
    rows.push(
      ...(await Promise.all(
        batch.map(async (r) => {
          const current = await deps.cases.get(r.reference);
          if (!current || (request.mayKnowOf && !request.mayKnowOf(current))) return [];
          // The case just read is the one written, unless it moved on meanwhile (then changeCase reads it again).
          const ctx = { at: request.at, actor: request.actor, sending: deps.sending };
          const exported = await changeCase(deps, r.reference, (c) => ({ change: recordExport(c, request.year, ctx) }), current);
          return [monitoringRow(policy, exported, request.mayRead(exported))];
        }),
      )).flat(),
    );
  }
  return rows;
}
