import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { DynamoDbTimers } from '#adapters/dynamodb/dynamodb-timers';
import { EventBridgeTimers } from '#adapters/scheduler/eventbridge-timers';
import { ConfigError, type Config } from '#config/config';
import type { Timers } from '#application/ports/timers';

/** EventBridge Scheduler on AWS; timers in the store for the local stack, which has no Scheduler. */
export function timersFor(config: Config, dynamodb: DynamoDBClient): Timers {
  if (config.REDRESS_STACK !== 'aws') return new DynamoDbTimers(dynamodb, config.REDRESS_TABLE);
  const { REDRESS_SCHEDULE_GROUP: groupName, REDRESS_SCHEDULER_ROLE_ARN: roleArn, REDRESS_DEADLINE_FUNCTION_ARN: functionArn, REDRESS_TIMER_DLQ_ARN: deadLetterArn } = config;
  if (!groupName || !roleArn || !functionArn || !deadLetterArn) {
    throw new ConfigError(
      'on AWS, REDRESS_SCHEDULE_GROUP, REDRESS_SCHEDULER_ROLE_ARN, REDRESS_DEADLINE_FUNCTION_ARN and REDRESS_TIMER_DLQ_ARN must be set (the CDK stack sets them)',
    );
  }
  return new EventBridgeTimers(new SchedulerClient({ region: config.AWS_REGION }), { groupName, roleArn, functionArn, deadLetterArn });
}
