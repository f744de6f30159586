import { DateTime } from 'luxon';
import type { MemoryTables } from '#adapters/memory/memory-tables';
import type { ReportRecord } from '#domain/reporting/report-record';
import { reportYears } from '#domain/reporting/report-record';

let n = 0;

/** An anonymous report record as the reporting index keeps one: received on a day, filed as given. */
export function recordOn(day: string, fields: Partial<ReportRecord> = {}, policyId = 'county-council'): ReportRecord {
  n++;
  return {
    reference: `CCC-${day.slice(0, 4)}-${String(n).padStart(4, '0')}`,
    policyId,
    channel: 'email',
    confidential: false,
    recordedAsComplaint: true,
    status: 'open',
    receivedAt: `${day}T10:00:00.000Z`,
    stagesEntered: [{ stage: 'stage-1', at: `${day}T10:00:00.000Z` }],
    referrals: [],
    deadlines: [],
    outcomes: [],
    destroyed: false,
    handlerRole: 'service-manager',
    ...fields,
  };
}

/**
 * `perWindow[i]` records received in the 30-day window ending 30 x i days before `today` (window 0 the last 30
 * days), the first on the window's first day and the rest spread over it, filed as `fields` says.
 */
export function recordsByWindow(today: string, perWindow: readonly number[], fields: Partial<ReportRecord> = {}): ReportRecord[] {
  return perWindow.flatMap((count, i) =>
    Array.from({ length: count }, (_, j) => recordOn(DateTime.fromISO(today).minus({ days: 30 * i + 29 - ((j * 7) % 30) }).toISODate() as string, fields)),
  );
}

/** Puts records into the memory reporting index, in every year each was active in, as a case's write does. */
export function storeRecords(tables: MemoryTables, records: readonly ReportRecord[]): void {
  for (const r of records) {
    for (const year of reportYears(r)) {
      const key = `${r.policyId}#${year}`;
      const partition = tables.reportRecords.get(key) ?? new Map<string, ReportRecord>();
      partition.set(r.reference, r);
      tables.reportRecords.set(key, partition);
    }
  }
}
