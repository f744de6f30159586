import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule, CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { House } from '../house.js';
import type { Storage } from './storage.js';
import { acknowledge, arnInFinding } from '../nag.js';
import { RedressFunction } from '../redress-function.js';

export interface RecurringSchedule {
  readonly description: string;
  /** A Scheduler expression: cron(...) or rate(...). */
  readonly expression: string;
  readonly timezone?: string;
  readonly input?: unknown;
  /** How long a missed run is still worth making, and how often to try. */
  readonly retry: { readonly attempts: number; readonly maxAge: Duration };
}

/**
 * Deadline timers: one-time schedules in this deployment's group, set by the outbox sender, invoking the deadline
 * function through a role that may invoke only this deployment's scheduled functions; what still fails after
 * retries lands on a queue with its input. The recurring schedules (the outbox sweep, the digests, January's
 * reports) live in the same group.
 */
export class Timers extends Construct {
  readonly group: CfnScheduleGroup;
  readonly failures: Queue;
  readonly role: Role;
  readonly deadlineTimer: RedressFunction;

  constructor(scope: Construct, id: string, props: { readonly house: House; readonly storage: Storage }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.group = new CfnScheduleGroup(this, 'Group', { name: `${stack.stackName}-timers`.slice(0, 64) });
    this.failures = deadLetterQueue(this, 'Failures', props.house.key);
    this.role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'EventBridge Scheduler invokes the Redress deadline, digest and outbox functions, and intake to sweep unclaimed mail',
    });
    this.failures.grantSendMessages(this.role);
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      acknowledge(this.role, `IAM5[Action::${action}]`, "CDK's grant to use the deployment's one key for the timer failures queue it encrypts; the resource is that key alone.");
    }
    this.deadlineTimer = new RedressFunction(this, 'DeadlineTimer', {
      handlerModule: 'deadline-timer',
      house: props.house,
      serviceName: 'redress-deadline-timer',
      // Named, so the outbox sender can be told its ARN without a dependency cycle.
      functionName: `${stack.stackName}-deadline-timer`,
      description: 'A deadline timer went off: remind, escalate, close or destroy',
    });
    // Retention destroys raw mail and attachments: the only function that may delete them.
    this.deadlineTimer.bindCases(props.storage.table).bindRawMail(props.storage.rawMail, 'read', 'destroy');
    this.invokes(this.deadlineTimer);
  }

  /** The role may invoke the function (grantInvoke names it and its versions, "ARN:*"). */
  private invokes(fn: IFunction): void {
    fn.grantInvoke(this.role);
    acknowledge(this.role, `IAM5[Resource::${arnInFinding(fn)}:*]`, `Invoking the ${fn.node.id} function and its versions (ARN:*), the only functions this role invokes.`);
  }

  /** Lets the function set and clear this deployment's timers (and only these), and tells it how. */
  grantManage(fn: RedressFunction): void {
    const stack = Stack.of(this);
    const groupName = this.group.name as string;
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*` })],
      }),
    );
    // ListSchedules has no resource to scope it to; it is filtered to the group by its request.
    fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['scheduler:ListSchedules'], resources: ['*'] }));
    const role = fn.role as Role;
    acknowledge(role, 'IAM5[Resource::*]', "X-Ray's trace actions and Scheduler's ListSchedules take no resource; IAM cannot scope them (the listing is filtered to this deployment's group by the request).");
    acknowledge(role, `IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${groupName}/*]`, "One timer per deadline, named by case and deadline when set: the grant is to this deployment's schedule group's schedules only.");
    fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['iam:PassRole'], resources: [this.role.roleArn] }));
    fn.addEnvironment('REDRESS_SCHEDULE_GROUP', groupName);
    fn.addEnvironment('REDRESS_SCHEDULER_ROLE_ARN', this.role.roleArn);
    fn.addEnvironment('REDRESS_DEADLINE_FUNCTION_ARN', stack.formatArn({ service: 'lambda', resource: 'function', resourceName: `${stack.stackName}-deadline-timer`, arnFormat: ArnFormat.COLON_RESOURCE_NAME }));
    fn.addEnvironment('REDRESS_TIMER_DLQ_ARN', this.failures.queueArn);
  }

  /** A recurring schedule in the group, invoking the function through the role; what fails after retries is dead-lettered. */
  recurring(id: string, fn: IFunction, schedule: RecurringSchedule): CfnSchedule {
    this.invokes(fn);
    const made = new CfnSchedule(this, id, {
      groupName: this.group.name,
      description: schedule.description,
      scheduleExpression: schedule.expression,
      ...(schedule.timezone ? { scheduleExpressionTimezone: schedule.timezone } : {}),
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: fn.functionArn,
        roleArn: this.role.roleArn,
        ...(schedule.input === undefined ? {} : { input: JSON.stringify(schedule.input) }),
        retryPolicy: { maximumRetryAttempts: schedule.retry.attempts, maximumEventAgeInSeconds: schedule.retry.maxAge.toSeconds() },
        deadLetterConfig: { arn: this.failures.queueArn },
      },
    });
    made.node.addDependency(this.group);
    return made;
  }
}
