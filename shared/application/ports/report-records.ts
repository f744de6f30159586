import type { ReportRecord } from '#domain/reporting/report-record';

/** The anonymous report records of one organisation's cases active in a year: what its annual report counts. */
export interface ReportRecords {
  ofYear(policyId: string, year: number): Promise<ReportRecord[]>;
}
