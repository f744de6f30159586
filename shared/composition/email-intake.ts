import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { DynamoDbMailReceipts } from '#adapters/dynamodb/dynamodb-mail-receipts';
import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';
import { systemClock } from '#adapters/clock/system-clock';
import type { InboundEmail } from '#application/intake/take-email';
import { takeReceivedEmail } from '#application/intake/take-received-email';
import { sweepUnclaimedMail } from '#application/intake/sweep-unclaimed-mail';
import type { Config } from '#config/config';
import { casesTable } from './cases-table.js';
import { s3Client } from './s3-client.js';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import { powertoolsLog } from './powertools-log.js';
import { requiredSetting } from './required-setting.js';
import { mailReaderFor } from './mail-reader.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

/**
 * The email intake function: raw mail in S3, cases, counters, held mail and mail receipts in DynamoDB. No SES and
 * no Scheduler: its letters and timer intents go into the outbox in the case's own write. The same function sweeps
 * raw mail intake never kept (it parses mail), on a schedule.
 */
export function composeEmailIntake(config: Config) {
  const table = casesTable(config);
  const log = powertoolsLog('redress-email-intake');
  const metrics = new PowertoolsMetrics('redress-email-intake');
  const settings = settingsFrom(config);
  const rawMail = new S3RawMailStore(s3Client(config), requiredSetting(config.REDRESS_RAW_MAIL_BUCKET, 'REDRESS_RAW_MAIL_BUCKET', 'the bucket SES stores raw mail in'));
  const deps = {
    ...settings,
    policies: deployedPolicies(config),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    counters: new DynamoDbCounters(table),
    heldMail: new DynamoDbHeldMail(table),
    receipts: new DynamoDbMailReceipts(table),
    rawMail,
    mailReader: mailReaderFor(rawMail, settings),
    clock: systemClock,
    log,
    metrics,
  };
  return {
    log,
    metrics,
    rawMailPrefix: config.REDRESS_RAW_MAIL_PREFIX,
    // SES stored the message before invoking intake: its receipt is noted first, so a message intake never keeps
    // (every retry failing, or the event given up) is found by the sweep.
    take: async (inbound: InboundEmail) => {
      await deps.receipts.note(inbound);
      return takeReceivedEmail(deps, inbound);
    },
    sweep: () => sweepUnclaimedMail(deps, settings.unclaimedMail),
  };
}
