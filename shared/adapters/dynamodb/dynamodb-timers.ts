import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { DateTime } from 'luxon';
import type { Timers } from '#application/ports/timers';
import { reconcileTimers } from '#adapters/timers/reconcile-timers';
import type { TimerSpec } from '#domain/timers/timer-plan';
import { key, PARTITIONS } from './table-design.js';


/**
 * Timers kept in the store, for the local stack (which has no EventBridge Scheduler): the clock in `npm start`
 * (or `redress clock run-due`) asks for the ones due and fires them. Both lookups are index queries.
 */
export class DynamoDbTimers implements Timers {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  /** A timer already due is kept with its time: the clock fires it on its next tick. */
  async reconcile(reference: string, desired: readonly TimerSpec[]): Promise<{ created: string[]; deleted: string[] }> {
    const existing = (await this.list(reference)).map((t) => t.name);
    return reconcileTimers(existing, desired, { remove: (name) => this.remove(name), create: (timer) => this.create(reference, timer) });
  }

  private async create(reference: string, timer: TimerSpec): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({
            ...key.timer(timer.name),
            timer,
            GSI1PK: PARTITIONS.dueTimers,
            GSI1SK: `${utc(timer.fireAt)}#${timer.name}`,
            GSI3PK: `TIMERS-OF#${reference}`,
            GSI3SK: `${utc(timer.fireAt)}#${timer.name}`,
          }),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async list(reference: string): Promise<TimerSpec[]> {
    return this.query({
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: `TIMERS-OF#${reference}` } },
    });
  }

  /** Every timer due at or before `now`, soonest first. */
  async due(now: Date): Promise<TimerSpec[]> {
    return this.query({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
      ExpressionAttributeValues: { ':pk': { S: PARTITIONS.dueTimers }, ':now': { S: `${now.toISOString()}~` } },
    });
  }

  async remove(name: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: marshall(key.timer(name)) }));
  }

  private async query(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): Promise<TimerSpec[]> {
    const timers: TimerSpec[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }));
      timers.push(...(page.Items ?? []).map((item) => unmarshall(item).timer as TimerSpec));
      start = page.LastEvaluatedKey;
    } while (start);
    return timers;
  }
}

function utc(iso: string): string {
  return DateTime.fromISO(iso).toUTC().toISO() as string;
}
