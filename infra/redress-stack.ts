import { CfnOutput, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Construct } from 'constructs';
import type { PolicySet } from '#domain/policy/policy-set';
import { DigestsAndReports } from './constructs/digests-and-reports.js';
import { MailIntake } from './constructs/mail-intake.js';
import { Monitoring } from './constructs/monitoring.js';
import { Outbox } from './constructs/outbox.js';
import { Storage } from './constructs/storage.js';
import { Timers } from './constructs/timers.js';
import { FrontDoor } from './constructs/front-door.js';
import { WebFunctions } from './constructs/web-functions.js';
import type { House } from './house.js';

export interface RedressStackProps extends StackProps {
  /** The validated policies this deployment serves; synth fails on a bad policy, before anything deploys. */
  readonly policies: PolicySet;
  /** Where operators are told of mail no policy claims, and of every alarm. */
  readonly operatorEmail: string;
  /** A domain verified in SES for sending; when given, the stack creates its identity (DKIM records to publish). */
  readonly sendingDomain?: string;
  /** The front door as complainants reach it (a custom domain); the HTTP API's own address by default. */
  readonly publicUrl?: string;
  /** The Cognito sign-in domain's prefix (globally unique in the region); "<stack name>-<account>" by default. */
  readonly signInDomainPrefix?: string;
  /** The active SES receipt rule set of another deployment in this account and region, to add this one's rules to. */
  readonly sharedRuleSetName?: string;
  /** Named settings from the validated configuration (shared/config/config.ts), so the stack and the local stack agree. */
  readonly settings: {
    readonly digestHour: number;
    readonly apiRateLimit: number;
    readonly apiBurstLimit: number;
    readonly outboxSweepMinutes: number;
  };
}

const RAW_MAIL_PREFIX = 'inbound/';

/**
 * The whole Redress pipeline on AWS, as the architecture reads: storage under one key, mail in, the front door
 * and what it serves, deadline timers, the outbox that alone sends mail, the morning's digests and January's
 * reports, and monitoring that tells the operators of every alarm.
 */
export class RedressStack extends Stack {
  readonly storage: Storage;

  constructor(scope: Construct, id: string, props: RedressStackProps) {
    super(scope, id, props);
    Tags.of(this).add('app', 'redress');
    // The policies synth validated, as the one JSON file every function is deployed with.
    const policiesFile = join(mkdtempSync(join(tmpdir(), 'redress-policies-')), 'policies.json');
    writeFileSync(policiesFile, JSON.stringify(props.policies.all));

    const storage = (this.storage = new Storage(this, 'Storage'));
    const monitoring = new Monitoring(this, 'Monitoring', { key: storage.key, operatorEmail: props.operatorEmail });
    const frontDoor = new FrontDoor(this, 'FrontDoor', { key: storage.key, rateLimit: props.settings.apiRateLimit, burstLimit: props.settings.apiBurstLimit, publicUrl: props.publicUrl });
    const house: House = {
      policiesFile,
      key: storage.key,
      letterEnvironment: { REDRESS_PUBLIC_URL: frontDoor.publicUrl, REDRESS_OPERATOR_EMAIL: props.operatorEmail, REDRESS_MAIL_DOMAIN: props.sendingDomain ?? 'redress.invalid' },
    };
    const { policies } = props;
    const mail = new MailIntake(this, 'Mail', { house, storage, monitoring, policies, rawMailPrefix: RAW_MAIL_PREFIX, sharedRuleSetName: props.sharedRuleSetName });
    new WebFunctions(this, 'Web', { house, storage, monitoring, frontDoor, policies, signInDomainPrefix: props.signInDomainPrefix });
    const timers = new Timers(this, 'Timers', { house, storage });
    // Raw mail intake never kept (every retry failed, or a copy): found from its receipt, taken in again or destroyed.
    timers.recurring('UnclaimedMailSchedule', mail.intake, {
      description: 'Redress unclaimed-mail sweep: raw mail intake never kept is taken in again, or destroyed when a copy',
      expression: 'rate(1 hour)',
      input: { task: 'sweep-unclaimed-mail' },
      retry: { attempts: 3, maxAge: Duration.hours(1) },
    });
    monitoring.watchFunction('DeadlineTimer', timers.deadlineTimer);
    monitoring.watchDeadLetters('TimerFailuresAlarm', timers.failures, 'A deadline timer, digest or report failed after retries; its input is on the timer failures queue');
    const outbox = new Outbox(this, 'Outbox', { house, storage, timers, monitoring, policies, operatorEmail: props.operatorEmail, sendingDomain: props.sendingDomain, sweepMinutes: props.settings.outboxSweepMinutes });
    new DigestsAndReports(this, 'Digests', { house, storage, timers, monitoring, digestHour: props.settings.digestHour });
    monitoring.tellOperatorsOfEveryAlarm();

    new CfnOutput(this, 'OperatorsTopic', { description: 'Alarms go here; the operator address is subscribed (confirm the email AWS sends)', value: monitoring.operators.topicArn });
    new CfnOutput(this, 'Policies', { description: 'Complaints policies deployed', value: policies.all.map((p) => p.id).join(',') });
    new CfnOutput(this, 'CasesTable', { value: storage.table.tableName });
    new CfnOutput(this, 'RawMailBucket', { value: storage.rawMail.bucketName });
    // Where what failed waits for an operator, each with an alarm: read with aws sqs receive-message --queue-url.
    new CfnOutput(this, 'IntakeFailuresQueue', { description: 'Inbound mail that failed after retries (the raw message is in RawMailBucket)', value: mail.failures.queueUrl });
    new CfnOutput(this, 'TimerFailuresQueue', { description: 'Deadline timers, digests and reports that failed after retries, with their input', value: timers.failures.queueUrl });
    new CfnOutput(this, 'OutboxFailuresQueue', { description: 'Outbox stream batches the sender could not read (the letters stay in the outbox)', value: outbox.failures.sender.queueUrl });
    new CfnOutput(this, 'MailEventFailuresQueue', { description: "SES reports on letters that could not reach their case", value: outbox.failures.mailEvents.queueUrl });
    new CfnOutput(this, 'ReceiptRuleSet', { description: 'Made active on deploy; one rule per complaints address and per staff-notices sender', value: mail.ruleSet.receiptRuleSetName });
  }
}
