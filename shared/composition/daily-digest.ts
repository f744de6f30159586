import type { DateTime } from 'luxon';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { systemClock } from '#adapters/clock/system-clock';
import { sendDigest } from '#application/correspondence/send-digest';
import { sendAnnualReport } from '#application/reporting/send-annual-report';
import { sendThemes } from '#application/oversight/send-themes';
import { sendQuarterlySummary } from '#application/oversight/send-quarterly-summary';
import { DynamoDbReportRecords } from '#adapters/dynamodb/dynamodb-report-records';
import { DynamoDbPendingActions } from '#adapters/dynamodb/dynamodb-pending-actions';
import type { Config } from '#config/config';
import { casesTable } from './cases-table.js';
import { powertoolsLog } from './powertools-log.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

/**
 * The digest function: open cases, held mail and report records read from DynamoDB; digests, the weekly themes
 * notices, the quarterly summaries and January's annual reports written to the outbox. No mail parser, no SES.
 */
export function composeDailyDigest(config: Config) {
  const table = casesTable(config);
  const log = powertoolsLog('redress-daily-digest');
  const policies = deployedPolicies(config);
  const deps = { ...settingsFrom(config), policies, cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400), outbox: new DynamoDbOutbox(table, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400), heldMail: new DynamoDbHeldMail(table), reportRecords: new DynamoDbReportRecords(table), pendingActions: new DynamoDbPendingActions(table), clock: systemClock, log };
  return { log, policies, send: (policyId: string, now: DateTime) => sendDigest(deps, policyId, now), sendReport: (policyId: string, now: DateTime) => sendAnnualReport(deps, policyId, now), sendThemes: (policyId: string, now: DateTime) => sendThemes(deps, policyId, now), sendQuarterlySummary: (policyId: string, now: DateTime) => sendQuarterlySummary(deps, policyId, now) };
}
