import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import type { HeldMessage } from '#domain/mail/held-message';
import type { OutboxItem } from '#domain/outbox/outbox-item';
import type { HeldMail } from '#application/ports/held-mail';
import type { DynamoTable } from './dynamo-table.js';
import { newOutboxAttributes } from './outbox-records.js';
import { key } from './table-design.js';

/** Held messages on DynamoDB: the message, its notice and its inbound mark in one transaction. */
export class DynamoDbHeldMail implements HeldMail {
  constructor(private readonly table: DynamoTable) {}

  async hold(held: HeldMessage, outbox: readonly OutboxItem[], at: string, inboundKey?: string): Promise<void> {
    await this.table.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          this.table.putIfAbsent(key.held(held.id), { held, GSI3PK: `HELD#${held.scope}`, GSI3SK: `${held.receivedAt}#${held.id}` }),
          ...outbox.map((o) => this.table.putIfAbsent(key.outbox(o.id), newOutboxAttributes(o, at))),
          ...(inboundKey ? [this.table.putIfAbsent(key.inbound(inboundKey), { heldId: held.id })] : []),
        ],
      }),
    );
  }

  async get(id: string): Promise<HeldMessage | undefined> {
    return (await this.table.get(key.held(id)))?.held as HeldMessage | undefined;
  }

  async list(scope: string): Promise<HeldMessage[]> {
    return (await this.table.query({ index: 'GSI3', value: `HELD#${scope}` }, 'descending')).map((row) => row.held as HeldMessage);
  }
}
