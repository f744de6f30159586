import { EventBridgeTimers } from '#adapters/scheduler/eventbridge-timers';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { SesMailer } from '#adapters/ses/ses-mailer';
import { systemClock } from '#adapters/clock/system-clock';
import { sendDueLetters } from '#application/correspondence/send-due-letters';
import type { Config } from '#config/config';
import { casesTable } from './cases-table.js';
import { schedulerClient } from './scheduler-client.js';
import { sesClient } from './ses-client.js';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import { powertoolsLog } from './powertools-log.js';
import { requiredSetting } from './required-setting.js';
import { settingsFrom } from './settings.js';
import { deployedPolicies } from './deployed-policies.js';

/** The outbox sender: the only function that sends mail (SES) and sets timers (Scheduler). */
export function composeOutboxSender(config: Config) {
  const table = casesTable(config);
  const log = powertoolsLog('redress-outbox-sender');
  const metrics = new PowertoolsMetrics('redress-outbox-sender');
  const timers = new EventBridgeTimers(schedulerClient(config), {
    groupName: requiredSetting(config.REDRESS_SCHEDULE_GROUP, 'REDRESS_SCHEDULE_GROUP', 'the schedule group deadline timers live in'),
    roleArn: requiredSetting(config.REDRESS_SCHEDULER_ROLE_ARN, 'REDRESS_SCHEDULER_ROLE_ARN', 'the role Scheduler invokes the deadline function with'),
    functionArn: requiredSetting(config.REDRESS_DEADLINE_FUNCTION_ARN, 'REDRESS_DEADLINE_FUNCTION_ARN', 'the deadline function timers invoke'),
    deadLetterArn: requiredSetting(config.REDRESS_TIMER_DLQ_ARN, 'REDRESS_TIMER_DLQ_ARN', "the timers' dead-letter queue"),
    pastDueMarginMs: config.REDRESS_TIMER_PAST_DUE_MARGIN_SECONDS * 1000,
    retryAttempts: config.REDRESS_TIMER_RETRY_ATTEMPTS,
    maxEventAgeSeconds: config.REDRESS_TIMER_MAX_EVENT_AGE_SECONDS,
  });
  const deps = {
    ...settingsFrom(config),
    policies: deployedPolicies(config),
    cases: new DynamoDbCases(table, config.REDRESS_ACK_CLAIM_DAYS * 86_400),
    outbox: new DynamoDbOutbox(table, config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400),
    mailer: new SesMailer(sesClient(config), config.REDRESS_SES_CONFIGURATION_SET),
    timers,
    clock: systemClock,
    log,
    metrics,
  };
  return { log, metrics, sendDue: () => sendDueLetters(deps) };
}
