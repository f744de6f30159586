import { DeleteItemCommand, PutItemCommand, UpdateItemCommand, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { InboundEmail } from '#application/intake/inbound-email';
import type { MailReceipts, UnclaimedMail } from '#application/ports/mail-receipts';
import type { DynamoTable } from './dynamo-table.js';
import { key, PARTITIONS } from './table-design.js';

/** Receipts on DynamoDB: one item per raw message in flight, in a sparse index partition oldest first. */
export class DynamoDbMailReceipts implements MailReceipts {
  constructor(private readonly table: DynamoTable) {}

  async note(inbound: InboundEmail): Promise<void> {
    try {
      await this.table.client.send(
        new PutItemCommand({
          TableName: this.table.name,
          Item: marshall({ ...key.receipt(inbound.rawKey), inbound, GSI1PK: PARTITIONS.unclaimedMail, GSI1SK: `${inbound.receivedAt}#${inbound.rawKey}` }, { removeUndefinedValues: true }),
          // A retried invocation notes the same message again: the first note stands.
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async settled(rawKey: string): Promise<void> {
    await this.table.client.send(new DeleteItemCommand({ TableName: this.table.name, Key: marshall(key.receipt(rawKey)) }));
  }

  async copy(rawKey: string): Promise<void> {
    try {
      await this.table.client.send(new UpdateItemCommand({ TableName: this.table.name, Key: marshall(key.receipt(rawKey)), UpdateExpression: 'SET #copy = :yes', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeNames: { '#copy': 'copy' }, ExpressionAttributeValues: marshall({ ':yes': true }) }));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async unclaimed(receivedBefore: string, limit: number): Promise<UnclaimedMail[]> {
    const rows = await this.table.query({ index: 'GSI1', value: PARTITIONS.unclaimedMail, sortBefore: receivedBefore }, 'ascending', limit);
    return rows.map((row) => ({ ...(row.inbound as InboundEmail), ...(row.copy === true ? { copy: true as const } : {}) }));
  }
}
