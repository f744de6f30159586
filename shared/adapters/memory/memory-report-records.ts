import type { ReportRecords } from '#application/ports/report-records';
import type { ReportRecord } from '#domain/reporting/report-record';
import { copy, type MemoryTables } from './memory-tables.js';

export class MemoryReportRecords implements ReportRecords {
  constructor(private readonly tables: MemoryTables) {}

  async ofYear(policyId: string, year: number): Promise<ReportRecord[]> {
    return [...(this.tables.reportRecords.get(`${policyId}#${year}`)?.values() ?? [])].map(copy);
  }
}
