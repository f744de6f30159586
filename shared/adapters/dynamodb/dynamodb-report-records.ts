import type { ReportRecords } from '#application/ports/report-records';
import type { ReportRecord } from '#domain/reporting/report-record';
import type { DynamoTable } from './dynamo-table.js';
import { key } from './table-design.js';

/** Report records in the cases table: one partition per organisation and year, one small item per case. */
export class DynamoDbReportRecords implements ReportRecords {
  constructor(private readonly table: DynamoTable) {}

  async ofYear(policyId: string, year: number): Promise<ReportRecord[]> {
    const rows = await this.table.query({ value: key.reportRecord(policyId, year, '').PK, sortBeginsWith: 'CASE#' }, 'ascending');
    return rows.map((r) => r.record as ReportRecord);
  }
}
