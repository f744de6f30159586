import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';
import { systemClock } from '#adapters/clock/system-clock';
import { fireTimer } from '#application/deadlines/fire-timer';
import type { Config } from '#config/config';
import type { TimerInput } from '#domain/timers/timer-plan';
import { casesTable } from './cases-table.js';
import { s3Client } from './s3-client.js';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import { powertoolsLog } from './powertools-log.js';
import { requiredSetting } from './required-setting.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

/**
 * The deadline function: cases in DynamoDB (and, for destruction at retention, the case's outbox entries and the
 * held messages released into it), and raw mail in S3 for destruction at retention. No SES, no Scheduler.
 */
export function composeDeadlineTimer(config: Config) {
  const log = powertoolsLog('redress-deadline-timer');
  const metrics = new PowertoolsMetrics('redress-deadline-timer');
  const table = casesTable(config);
  const deps = {
    ...settingsFrom(config),
    policies: deployedPolicies(config),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    outbox: new DynamoDbOutbox(table, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400),
    heldMail: new DynamoDbHeldMail(table),
    rawMail: new S3RawMailStore(s3Client(config), requiredSetting(config.REDRESS_RAW_MAIL_BUCKET, 'REDRESS_RAW_MAIL_BUCKET', 'the bucket raw mail is destroyed from at retention')),
    clock: systemClock,
    log,
    metrics,
  };
  return { log, metrics, fire: (input: TimerInput) => fireTimer(deps, input) };
}
