import type { DateTime } from 'luxon';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { systemClock } from '#adapters/clock/system-clock';
import { sendDigest } from '#application/correspondence/send-digest';
import type { Config } from '#config/config';
import { casesTable } from './aws-clients.js';
import { powertoolsLog } from './powertools-log.js';
import { settingsFrom } from './settings.js';

/** The digest function: open cases read from DynamoDB, digests written to the outbox. No mail parser, no SES. */
export function composeDailyDigest(config: Config) {
  const table = casesTable(config);
  const log = powertoolsLog('redress-daily-digest');
  const policies = loadPolicyDirectory(config.REDRESS_POLICIES_DIR);
  const deps = { ...settingsFrom(config), policies, cases: new DynamoDbCases(table), outbox: new DynamoDbOutbox(table), clock: systemClock, log };
  return { log, policies, send: (policyId: string, now: DateTime) => sendDigest(deps, policyId, now) };
}
