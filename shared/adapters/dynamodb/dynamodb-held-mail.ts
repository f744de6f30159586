import { ConditionalCheckFailedException, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { heldWithoutPerson, type HeldMessage, type HeldSettlement } from '#domain/mail/held-message';
import type { OutboxItem } from '#domain/outbox/outbox-item';
import type { HeldMail } from '#application/ports/held-mail';
import { HeldMessageNotFoundError } from '#application/ports/store-errors';
import type { DynamoTable } from './dynamo-table.js';
import { newOutboxRecords } from './outbox-records.js';
import { key } from './table-design.js';

/** The index partition a held message is listed under: waiting ones apart, so the list a person works from stays short. */
const partition = (scope: string, which: 'waiting' | 'settled') => (which === 'waiting' ? `HELD#${scope}` : `HELD#${scope}#settled`);

/** Held messages on DynamoDB: the message, its notice and its inbound mark in one transaction. */
export class DynamoDbHeldMail implements HeldMail {
  constructor(private readonly table: DynamoTable) {}

  async hold(held: HeldMessage, outbox: readonly OutboxItem[], at: string, inboundKey?: string): Promise<void> {
    await this.table.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          this.table.putIfAbsent(key.held(held.id), { held, GSI3PK: partition(held.scope, 'waiting'), GSI3SK: `${held.receivedAt}#${held.id}` }),
          ...outbox.flatMap((o) => newOutboxRecords(o, at).map((r) => this.table.putIfAbsent(r.key, r.attributes))),
          ...(inboundKey ? [this.table.putIfAbsent(key.inbound(inboundKey), { heldId: held.id })] : []),
        ],
      }),
    );
  }

  async get(id: string): Promise<HeldMessage | undefined> {
    return (await this.table.get(key.held(id)))?.held as HeldMessage | undefined;
  }

  async list(scope: string, which: 'waiting' | 'settled' = 'waiting'): Promise<HeldMessage[]> {
    return (await this.table.query({ index: 'GSI3', value: partition(scope, which) }, 'descending')).map((row) => row.held as HeldMessage);
  }

  async settle(id: string, settlement: HeldSettlement): Promise<HeldMessage> {
    const held = await this.get(id);
    if (!held) throw new HeldMessageNotFoundError(id);
    try {
      await this.table.client.send(
        new UpdateItemCommand({
          TableName: this.table.name,
          Key: marshall(key.held(id)),
          UpdateExpression: 'SET #held.#settled = :settled, GSI3PK = :pk',
          ConditionExpression: 'attribute_exists(#held) AND attribute_not_exists(#held.#settled)',
          ExpressionAttributeNames: { '#held': 'held', '#settled': 'settled' },
          ExpressionAttributeValues: marshall({ ':settled': settlement, ':pk': partition(held.scope, 'settled') }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return (await this.get(id)) as HeldMessage;
  }

  async forget(id: string, at: string): Promise<void> {
    const held = await this.get(id);
    if (!held) return;
    // Only the message's own fields change: the index it is listed under stays.
    await this.table.client.send(
      new UpdateItemCommand({
        TableName: this.table.name,
        Key: marshall(key.held(id)),
        UpdateExpression: 'SET #held = :held',
        ConditionExpression: 'attribute_exists(#held)',
        ExpressionAttributeNames: { '#held': 'held' },
        ExpressionAttributeValues: marshall({ ':held': heldWithoutPerson(held, at) }, { removeUndefinedValues: true }),
      }),
    );
  }
}
