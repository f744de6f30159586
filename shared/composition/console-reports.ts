import { DateTime } from 'luxon';
import type { ConsoleReportsDeps } from '#adapters/http/console-reports-app';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbStaffSessions } from '#adapters/dynamodb/dynamodb-staff-sessions';
import { DynamoDbReportRecords } from '#adapters/dynamodb/dynamodb-report-records';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import { systemClock } from '#adapters/clock/system-clock';
import { boardReport } from '#application/console/board-report';
import { monitoringExportFor } from '#application/console/monitoring-export-for';
import type { Cases } from '#application/ports/cases';
import type { Clock } from '#application/ports/clock';
import type { StaffSessions } from '#application/ports/staff-sessions';
import type { Counters } from '#application/ports/counters';
import type { ReportRecords } from '#application/ports/report-records';
import type { Config } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { casesTable } from './cases-table.js';
import { consoleSessionSecret, consoleSessionSettings } from './console-session-settings.js';
import { powertoolsLog } from './powertools-log.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

export interface ConsoleReportsPorts {
  readonly policies: PolicySet;
  readonly staffSessions: StaffSessions;
  readonly reportRecords: ReportRecords;
  /** The monitoring export records on each case's timeline that its fields were exported. */
  readonly cases: Cases;
  readonly counters: Counters;
  readonly clock: Clock;
}

/** The board's reports in the console over their ports, the same locally and in Lambda. */
export function consoleReportsDeps(config: Config, ports: ConsoleReportsPorts, sessionSecret: string): ConsoleReportsDeps {
  const deps = { ...settingsFrom(config), ...ports };
  return {
    ...consoleSessionSettings(config, sessionSecret, ports.staffSessions, ports.clock, ports.policies),
    report: (member, policyId, year) => boardReport(deps, member, policyId, year),
    monitoring: (member, policyId, year) => monitoringExportFor(deps, member, policyId, year, DateTime.fromJSDate(ports.clock.now())),
    publishThreshold: config.REDRESS_REPORT_PUBLISH_THRESHOLD,
  };
}

/** The console's reports function: report records and cases in DynamoDB, the session key from Secrets Manager. */
export async function composeConsoleReports(config: Config) {
  const table = casesTable(config);
  const log = powertoolsLog('redress-console-reports');
  const metrics = new PowertoolsMetrics('redress-console-reports');
  const ports: ConsoleReportsPorts = {
    policies: deployedPolicies(config),
    staffSessions: new DynamoDbStaffSessions(table),
    reportRecords: new DynamoDbReportRecords(table),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    counters: new DynamoDbCounters(table),
    clock: systemClock,
  };
  return { deps: consoleReportsDeps(config, ports, await consoleSessionSecret(config)), log, metrics };
}
