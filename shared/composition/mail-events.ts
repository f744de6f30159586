import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { recordLetterAccepted } from '#application/correspondence/record-letter-accepted';
import { systemClock } from '#adapters/clock/system-clock';
import { recordDeliveryReport } from '#application/correspondence/record-delivery-report';
import type { Config } from '#config/config';
import type { DeliveryReport } from '#domain/case/delivery-report';
import { casesTable } from './cases-table.js';
import { powertoolsLog } from './powertools-log.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

/** The mail-events function: SES's reports on letters, onto their cases (and its Send events onto the outbox) in DynamoDB. No bucket, no SES, no Scheduler. */
export function composeMailEvents(config: Config) {
  const log = powertoolsLog('redress-mail-events');
  const table = casesTable(config);
  const deps = {
    ...settingsFrom(config),
    policies: deployedPolicies(config),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    outbox: new DynamoDbOutbox(table, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400),
    clock: systemClock,
    log,
  };
  return {
    log,
    record: (reference: string | undefined, report: DeliveryReport) => recordDeliveryReport(deps, reference, report),
    accepted: (letterId: string | undefined, providerMessageId: string) => recordLetterAccepted(deps, letterId, providerMessageId),
  };
}
