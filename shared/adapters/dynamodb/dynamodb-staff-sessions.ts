import { DeleteItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { StaffSessions } from '#application/ports/staff-sessions';
import type { DynamoTable } from './dynamo-table.js';
import { key, TTL_ATTRIBUTE } from './table-design.js';

/**
 * Console sessions in the cases table, one item per session, removed at sign-out and by TTL after its end. TTL
 * removes items up to days late, so a read checks the end itself. The read is consistent: a session ended a
 * moment ago must not open the console.
 */
export class DynamoDbStaffSessions implements StaffSessions {
  constructor(private readonly table: DynamoTable) {}

  async open(id: string, who: string, expiresAt: number): Promise<void> {
    await this.table.client.send(
      new PutItemCommand({ TableName: this.table.name, Item: marshall({ ...key.session(id), sub: who, expiresAt, [TTL_ATTRIBUTE]: Math.ceil(expiresAt / 1000) }) }),
    );
  }

  async isLive(id: string, now: number): Promise<boolean> {
    const result = await this.table.client.send(
      new GetItemCommand({ TableName: this.table.name, Key: marshall(key.session(id)), ConsistentRead: true, ProjectionExpression: 'expiresAt' }),
    );
    return Number(result.Item?.expiresAt?.N ?? 0) > now;
  }

  async end(id: string): Promise<void> {
    await this.table.client.send(new DeleteItemCommand({ TableName: this.table.name, Key: marshall(key.session(id)) }));
  }
}
