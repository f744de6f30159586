import { Duration, Stack } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { PolicySet } from '#domain/policy/policy-set';
import { staffNoticesSender } from '#domain/policy/staff-addresses';
import type { House } from '../house.js';
import { metricsNamespace, RedressFunction } from '../redress-function.js';
import type { Monitoring } from './monitoring.js';
import type { Storage } from './storage.js';
import type { Timers } from './timers.js';

export interface OutboxProps {
  readonly house: House;
  readonly storage: Storage;
  readonly timers: Timers;
  readonly monitoring: Monitoring;
  readonly policies: PolicySet;
  readonly operatorEmail: string;
  /** A domain verified in SES for sending; when given, its identity is created here (DKIM records to publish). */
  readonly sendingDomain?: string;
  readonly sweepMinutes: number;
}

/**
 * The outbox sender: the only function that sends mail or sets timers. New outbox entries reach it through the
 * table's stream (filtered to OUTBOX# inserts); a recurring schedule sweeps for retries that came due. It sends
 * only as this deployment's identities, through one configuration set whose bounce, complaint and delivery
 * events come back (EventBridge, then the mail-events function) onto the case each letter was about.
 */
export class Outbox extends Construct {
  readonly sender: RedressFunction;
  readonly configurationSet: ConfigurationSet;
  readonly mailEvents: RedressFunction;
  /** Stream batches the sender could not read after retries, and SES events that could not reach their case. */
  readonly failures: { readonly sender: Queue; readonly mailEvents: Queue };

  constructor(scope: Construct, id: string, props: OutboxProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const failures = deadLetterQueue(this, 'SenderFailures', props.house.key);
    this.sender = new RedressFunction(this, 'Sender', {
      handlerModule: 'outbox-sender',
      house: props.house,
      serviceName: 'redress-outbox-sender',
      description: 'Sends letters and notices from the outbox, sets deadline timers; retries with backoff',
      timeout: Duration.minutes(5),
      // A small reserved concurrency keeps SES's sending rate in bounds; each case's letters stay in order through
      // the outbox's leases whatever the concurrency.
      reservedConcurrentExecutions: 2,
    });
    this.sender.bindCases(props.storage.table);
    props.timers.grantManage(this.sender);

    this.configurationSet = new ConfigurationSet(this, 'Sending', {
      // This set's bounce and complaint rates in CloudWatch, beside the account's that the alarms below watch.
      reputationMetrics: true,
      // An address that bounced or complained is not tried again by SES; the case is told (mail events).
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    if (props.sendingDomain) new EmailIdentity(this, 'SendingDomain', { identity: Identity.domain(props.sendingDomain), configurationSet: this.configurationSet });
    // Mail goes only from the identities this deployment sends as: each policy's first complaints address and its
    // staff-notices sender (and their domains, for a verified domain) and the operator address, plus the sending domain.
    const senders = [
      ...new Set(
        [...props.policies.all.flatMap((p) => [p.intake.addresses[0] as string, staffNoticesSender(p)]), props.operatorEmail]
          .flatMap((a) => [a.toLowerCase(), (a.split('@')[1] ?? '').toLowerCase()])
          .concat(props.sendingDomain ? [props.sendingDomain.toLowerCase()] : []),
      ),
    ].filter(Boolean);
    this.sender.bindMailSending(
      senders.map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      { name: this.configurationSet.configurationSetName, arn: stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }) },
    );

    // SES's reports on each letter, through EventBridge's default bus, to the case the letter's tag names; and
    // its Send event to the letter's outbox entry, so a letter whose sender was cut off before recording it is
    // recorded, not sent again.
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.SEND, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY],
    });
    this.mailEvents = new RedressFunction(this, 'MailEvents', {
      handlerModule: 'mail-events',
      house: props.house,
      serviceName: 'redress-mail-events',
      description: "SES bounce, complaint and delivery events onto the letter's case; Send events onto its outbox entry",
      timeout: Duration.seconds(30),
    });
    this.mailEvents.bindCases(props.storage.table);
    const mailEventFailures = deadLetterQueue(this, 'MailEventFailures', props.house.key);
    this.failures = { sender: failures, mailEvents: mailEventFailures };
    new Rule(this, 'MailEventsRule', {
      description: "SES events of this deployment's configuration set",
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Sent', 'Email Bounced', 'Email Complaint Received', 'Email Delivered'],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new LambdaFunction(this.mailEvents, { retryAttempts: 8, maxEventAge: Duration.hours(24), deadLetterQueue: mailEventFailures })],
    });

    this.sender.addEventSource(
      new DynamoEventSource(props.storage.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: 5,
        bisectBatchOnError: true,
        onFailure: new SqsDlq(failures),
        // An entry's state, not its letter's body (written beside it): one record per entry.
        filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { Keys: { PK: { S: FilterRule.beginsWith('OUTBOX#') }, SK: { S: FilterRule.isEqual('OUTBOX') } } } })],
      }),
    );
    props.timers.recurring('SweepSchedule', this.sender, {
      description: 'Redress outbox: send letters whose retry has come due',
      expression: `rate(${props.sweepMinutes} minute${props.sweepMinutes === 1 ? '' : 's'})`,
      input: { sweep: true },
      // The next sweep is a minute away: a missed one is not retried.
      retry: { attempts: 0, maxAge: Duration.seconds(60) },
    });

    const { monitoring } = props;
    monitoring.watchDeadLetters('SenderFailuresAlarm', failures, 'The outbox sender could not read the table after retries; pending letters stay in the outbox and the next sweep retries them');
    monitoring.watchFunction('OutboxSender', this.sender);
    monitoring.watchFunction('MailEvents', this.mailEvents);
    // Letters go within a minute or two; one waiting half an hour means SES, or the sender, is in trouble.
    const oldest = new Metric({ namespace: metricsNamespace(this), metricName: 'OldestPendingLetterSeconds', dimensionsMap: { service: 'redress-outbox-sender' }, statistic: 'Maximum' });
    monitoring.alarm('OutboxAgeAlarm', oldest, 'A letter has waited more than 30 minutes in the outbox: see the outbox sender\'s log and `redress outbox list`', 1800, Duration.minutes(5));
    monitoring.watchDeadLetters('MailEventFailuresAlarm', mailEventFailures, "An SES report on a letter (a bounce, say) could not be put on its case after retries; the event is on the mail event failures queue");
    // Sending reputation: SES reviews an account at a 5% bounce rate and 0.1% complaint rate; tell operators well
    // before. The rates are the account's (what SES reviews), not only this deployment's.
    const reputation = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum' });
    monitoring.alarm('BounceRateAlarm', reputation('Reputation.BounceRate'), 'More than 2% of letters bounced: check the addresses cases hold, before SES reviews the account at 5%', 0.02, Duration.hours(1));
    monitoring.alarm('ComplaintRateAlarm', reputation('Reputation.ComplaintRate'), 'More than 0.05% of letters were reported as spam: read what went out, before SES reviews the account at 0.1%', 0.0005, Duration.hours(1));
  }
}
