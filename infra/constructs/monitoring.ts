import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { letServiceUseKey } from './service-key-use.js';

export interface MonitoringProps {
  readonly key: IKey;
  /** Subscribed by email to every alarm. */
  readonly operatorEmail: string;
}

/**
 * Someone is told: one topic for the operators, the operator's address subscribed, and the alarms that go to it.
 * `tellOperatorsOfEveryAlarm` runs last, so an alarm any construct made cannot be left without an action.
 */
export class Monitoring extends Construct {
  readonly operators: Topic;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.operators = new Topic(this, 'Operators', { displayName: 'Redress operators', enforceSSL: true, masterKey: props.key });
    this.operators.addSubscription(new EmailSubscription(props.operatorEmail));
    // CloudWatch publishes alarms to the encrypted topic, for alarms of this account only.
    letServiceUseKey(props.key, 'cloudwatch.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey*']);
  }

  /** An alarm when the metric's five-minute value passes the threshold. */
  alarm(id: string, metric: Metric, description: string, threshold = 0, period = Duration.minutes(5)): Alarm {
    return new Alarm(this, id, {
      metric: metric.with({ period }),
      alarmDescription: description,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** A function's errors and throttles: what it was given is kept (raw mail, the outbox, a dead-letter queue) and retried. */
  watchFunction(name: string, fn: IFunction): void {
    this.alarm(`${name}ErrorsAlarm`, fn.metricErrors(), `The ${name} function failed; see its log group. What it was given is kept (raw mail, the outbox, the timer's dead-letter queue) and retried.`);
    this.alarm(`${name}ThrottlesAlarm`, fn.metricThrottles(), `The ${name} function was throttled (account or reserved concurrency); its work is retried, later than it should be.`);
  }

  /** A dead-letter queue is empty when all is well: one message is a failure someone must look at. */
  watchDeadLetters(id: string, queue: IQueue, description: string): void {
    this.alarm(id, queue.metricApproximateNumberOfMessagesVisible(), description);
  }

  /** Every alarm in the stack tells the operators. */
  tellOperatorsOfEveryAlarm(): void {
    const action = new SnsAction(this.operators);
    for (const alarm of Stack.of(this).node.findAll().filter((c): c is Alarm => c instanceof Alarm)) alarm.addAlarmAction(action);
  }
}
