import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { formatReference } from '#domain/case/case-reference';
import { nextDeadline, type Case, type TimelineEvent } from '#domain/case/case';
import type { HeldMessage } from '#domain/mail/held-message';
import { CaseAlreadyExistsError, ConcurrentChangeError, type CaseStore } from '#application/ports/case-store';
import { incrementCounter } from './atomic-counter.js';
import { key, TTL_ATTRIBUTE } from './table-design.js';

type Item = Record<string, AttributeValue>;

const ACK_CLAIM_SECONDS = 3 * 86_400;

/** The case store on DynamoDB: one table, conditional writes and transactions, queries on indexes only. */
export class DynamoDbCaseStore implements CaseStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async allocateReference(prefix: string, year: number): Promise<string> {
    // An atomic counter: two concurrent intakes can never be handed the same number.
    return formatReference(prefix, year, await incrementCounter(this.client, this.tableName, key.counter(prefix, year)));
  }

  async createCase(c: Case, events: readonly TimelineEvent[], threadIds: readonly string[], inboundKey: string): Promise<void> {
    const items: TransactWriteItem[] = [
      { Put: { TableName: this.tableName, Item: this.caseItem(c), ConditionExpression: 'attribute_not_exists(PK)' } },
      {
        Put: {
          TableName: this.tableName,
          Item: marshall({ ...key.inbound(inboundKey), reference: c.reference }),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...events.map((e) => this.eventPut(c.reference, e)),
    ];
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') {
        const existing = await this.caseForInbound(inboundKey);
        if (existing) throw new CaseAlreadyExistsError(existing);
      }
      throw error;
    }
    await this.recordThreads(c.reference, threadIds);
  }

  async caseForInbound(inboundKey: string): Promise<string | undefined> {
    const item = await this.get(key.inbound(inboundKey));
    return item ? String(unmarshall(item).reference) : undefined;
  }

  async getCase(reference: string): Promise<Case | undefined> {
    const item = await this.get(key.case(reference));
    return item ? (unmarshall(item).case as Case) : undefined;
  }

  async saveCase(c: Case, expectedVersion: number, events: readonly TimelineEvent[], threadIds: readonly string[] = []): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: this.caseItem(c),
                ConditionExpression: '#v = :expected',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
              },
            },
            ...events.map((e) => this.eventPut(c.reference, e)),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new ConcurrentChangeError(c.reference);
      }
      throw error;
    }
    await this.recordThreads(c.reference, threadIds);
  }

  async timeline(reference: string): Promise<TimelineEvent[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :event)',
      ExpressionAttributeValues: { ':pk': { S: key.case(reference).PK }, ':event': { S: 'EVENT#' } },
    });
    return items.map((item) => unmarshall(item).event as TimelineEvent);
  }

  async rewriteTimeline(reference: string, events: readonly TimelineEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 25) {
      let requests = events.slice(i, i + 25).map((e) => ({ PutRequest: { Item: this.eventPut(reference, e).Put?.Item as Item } }));
      // BatchWriteItem may leave some items unprocessed under load: send those again until none are left.
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
        const result = await this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []).flatMap((r) => (r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : []));
      }
    }
  }

  async caseForThread(messageIds: readonly string[]): Promise<string | undefined> {
    const unique = [...new Set(messageIds)].slice(0, 100);
    if (unique.length === 0) return undefined;
    const result = await this.client.send(
      new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: unique.map((id) => marshall(key.thread(id))) } } }),
    );
    const found = new Map(
      (result.Responses?.[this.tableName] ?? []).map((item) => {
        const row = unmarshall(item);
        return [String(row.PK).slice('THREAD#'.length), String(row.reference)] as const;
      }),
    );
    // The first id in the message's own order wins: In-Reply-To before older References.
    for (const id of unique) if (found.has(id)) return found.get(id);
    return undefined;
  }

  async casesForComplainant(policyId: string, email: string): Promise<Case[]> {
    return (await this.queryIndex('GSI2', `FROM#${policyId}#${email.toLowerCase()}`, 'newest first')).map((row) => row.case as Case);
  }

  async openCases(policyId: string): Promise<Case[]> {
    return (await this.queryIndex('GSI1', `OPEN#${policyId}`, 'soonest first')).map((row) => row.case as Case);
  }

  async listCases(policyId: string): Promise<Case[]> {
    return (await this.queryIndex('GSI3', `POLICY#${policyId}`, 'newest first')).map((row) => row.case as Case);
  }

  async claimAcknowledgement(policyId: string, sender: string, londonDate: string, reference: string): Promise<boolean> {
    const k = key.acknowledgement(policyId, sender, londonDate);
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({ ...k, reference, [TTL_ATTRIBUTE]: Math.floor(Date.now() / 1000) + ACK_CLAIM_SECONDS }),
          ConditionExpression: 'attribute_not_exists(PK) OR #ref = :ref',
          ExpressionAttributeNames: { '#ref': 'reference' },
          ExpressionAttributeValues: { ':ref': { S: reference } },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async holdMessage(held: HeldMessage): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: marshall(
          { ...key.held(held.id), held, GSI3PK: `HELD#${held.scope}`, GSI3SK: `${held.receivedAt}#${held.id}` },
          { removeUndefinedValues: true },
        ),
      }),
    );
  }

  async countSpam(policyId: string, londonDate: string): Promise<void> {
    await incrementCounter(this.client, this.tableName, key.spamCount(policyId, londonDate));
  }

  async spamCount(policyId: string, londonDate: string): Promise<number> {
    const item = await this.get(key.spamCount(policyId, londonDate));
    return item ? Number(unmarshall(item).n) : 0;
  }

  async heldMessages(scope: string): Promise<HeldMessage[]> {
    return (await this.queryIndex('GSI3', `HELD#${scope}`, 'newest first')).map((row) => row.held as HeldMessage);
  }

  private caseItem(c: Case): Item {
    const next = nextDeadline(c);
    const indexes: Record<string, string> = {
      GSI3PK: `POLICY#${c.policyId}`,
      GSI3SK: `${c.receivedAt}#${c.reference}`,
    };
    if (c.status !== 'closed') {
      // Cases with no pending deadline still belong in the open list: they sort last.
      indexes.GSI1PK = `OPEN#${c.policyId}`;
      indexes.GSI1SK = `${next?.dueAt ?? '9999'}#${c.reference}`;
    }
    if (c.complainant.email) {
      indexes.GSI2PK = `FROM#${c.policyId}#${c.complainant.email.toLowerCase()}`;
      indexes.GSI2SK = `${c.receivedAt}#${c.reference}`;
    }
    return marshall({ ...key.case(c.reference), ...indexes, version: c.version, case: c }, { removeUndefinedValues: true });
  }

  private eventPut(reference: string, event: TimelineEvent): TransactWriteItem {
    return {
      Put: { TableName: this.tableName, Item: marshall({ ...key.event(reference, event.at, event.id), event }, { removeUndefinedValues: true }) },
    };
  }

  /** First writer wins: a Message-ID already tied to a case is never moved to another. */
  private async recordThreads(reference: string, threadIds: readonly string[]): Promise<void> {
    await Promise.all(
      [...new Set(threadIds)].map(async (id) => {
        try {
          await this.client.send(
            new PutItemCommand({
              TableName: this.tableName,
              Item: marshall({ ...key.thread(id), reference }),
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }),
    );
  }

  private async get(k: { PK: string; SK: string }): Promise<Item | undefined> {
    const result = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall(k), ConsistentRead: true }));
    return result.Item;
  }

  /** Every item under one partition of an index, in its sort order or reversed. */
  private async queryIndex(index: 'GSI1' | 'GSI2' | 'GSI3', partition: string, order: 'soonest first' | 'newest first'): Promise<Record<string, unknown>[]> {
    const items = await this.queryAll({
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk`,
      ExpressionAttributeValues: { ':pk': { S: partition } },
      ScanIndexForward: order === 'soonest first',
    });
    return items.map((item) => unmarshall(item));
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
