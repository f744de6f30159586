import { ConditionalCheckFailedException, DeleteItemCommand, TransactionCanceledException, TransactWriteItemsCommand, UpdateItemCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { timelineEvent } from '#domain/case/timeline-event';
import type { TimelineEvent } from '#domain/case/case';
import { providerThreadKey } from '#domain/mail/message-id';
import type { OutboxItem } from '#domain/outbox/outbox-item';
import { sentLetterEvent } from '#domain/outbox/sent-letter-event';
import type { Outbox, OutboxEntry, SentNote } from '#application/ports/outbox';
import { LeaseLostError } from '#application/ports/store-errors';
import type { DynamoTable } from './dynamo-table.js';
import { caseOf, newOutboxAttributes, outboxEntryOf } from './outbox-records.js';
import { key, lookupOf, PARTITIONS, TTL_ATTRIBUTE } from './table-design.js';

/**
 * The outbox on DynamoDB. Pending entries sit in a sparse index, oldest first; a lease is a conditional update;
 * recording a sent letter is one transaction with its case's timeline event and SES's id as a thread key.
 */
export class DynamoDbOutbox implements Outbox {
  constructor(
    private readonly table: DynamoTable,
    /** How long a finished entry about no case is kept (then TTL removes it). */
    private readonly finishedKeepSeconds: number,
  ) {}

  async add(items: readonly OutboxItem[], at: string): Promise<void> {
    if (items.length === 0) return;
    await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: items.map((o) => this.table.putIfAbsent(key.outbox(o.id), newOutboxAttributes(o, at))) }));
  }

  async pending(limit: number): Promise<OutboxEntry[]> {
    return (await this.table.query({ index: 'GSI1', value: PARTITIONS.outboxPending }, 'ascending', limit)).map(outboxEntryOf);
  }

  async ofCase(reference: string): Promise<OutboxEntry[]> {
    return (await this.table.query({ index: 'GSI3', value: `OUTBOX-OF#${reference}` }, 'ascending')).map(outboxEntryOf);
  }

  async dead(limit: number): Promise<OutboxEntry[]> {
    return (await this.table.query({ index: 'GSI2', value: PARTITIONS.outboxDead }, 'descending', limit)).map(outboxEntryOf);
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const row = await this.table.get(key.outbox(id));
    return row ? outboxEntryOf(row) : undefined;
  }

  async lease(id: string, now: string, until: string): Promise<OutboxEntry | undefined> {
    // The entry as it was, so that a lease an earlier attempt left to run out (it was cut off) is seen.
    const before = await this.updateIf(id, 'SET leaseUntil = :until', '#s = :pending AND nextAttemptAt <= :now AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)', {
      ':until': until,
      ':pending': 'pending',
      ':now': now,
    }, 'ALL_OLD');
    if (!before) return undefined;
    return { ...outboxEntryOf(before), leaseUntil: until, ...(before.leaseUntil ? { lapsedLease: String(before.leaseUntil) } : {}) };
  }

  async recordAccepted(id: string, providerMessageId: string): Promise<boolean> {
    // Nearly every Send event finds its letter recorded already: a read costs less than a write whose condition fails.
    const entry = await this.get(id);
    if (!entry || entry.status !== 'pending' || entry.providerMessageId) return false;
    const row = await this.updateIf(id, 'SET providerMessageId = :pid', 'attribute_exists(PK) AND #s = :pending AND attribute_not_exists(providerMessageId)', { ':pid': providerMessageId, ':pending': 'pending' });
    return row !== undefined;
  }

  async markSent(entry: OutboxEntry, providerMessageId: string, at: string, note?: SentNote): Promise<void> {
    const extra: TransactWriteItem[] = [];
    if (entry.kind === 'letter' && entry.letter.reference) {
      const { letter } = entry;
      extra.push(this.eventPut(letter.reference as string, sentLetterEvent(entry.id, letter, providerMessageId, at, note)));
      // SES rewrites the Message-ID to its own; replies may quote that form, so it threads too.
      if (letter.toComplainant) {
        const thread = key.thread(providerThreadKey(providerMessageId));
        extra.push(this.table.putIfAbsent(thread, { reference: letter.reference, ...lookupOf(letter.reference as string, thread.PK) }));
      }
    }
    await this.finish(entry, 'SET #s = :sent, sentAt = :at, providerMessageId = :pid REMOVE leaseUntil, GSI1PK, GSI1SK', { ':sent': 'sent', ':at': at, ':pid': providerMessageId }, extra, at);
  }

  async markDone(entry: OutboxEntry, at: string): Promise<void> {
    await this.finish(entry, 'SET #s = :done, sentAt = :at REMOVE leaseUntil, GSI1PK, GSI1SK', { ':done': 'done', ':at': at }, [], at);
  }

  async markFailed(entry: OutboxEntry, error: string, at: string, nextAttemptAt: string | undefined): Promise<void> {
    const lastError = error.slice(0, 1000);
    if (nextAttemptAt) {
      await this.finish(entry, 'SET attempts = attempts + :one, lastError = :error, nextAttemptAt = :next REMOVE leaseUntil', { ':one': 1, ':error': lastError, ':next': nextAttemptAt }, []);
      return;
    }
    const reference = entry.kind === 'letter' ? entry.letter.reference : entry.reference;
    const extra = reference
      ? [this.eventPut(reference, timelineEvent({ id: `letter-failed-${entry.id}`, at, type: 'letter-failed', actor: 'redress', summary: `Gave up sending ${entry.kind === 'letter' ? entry.letter.purpose.replace(/-/g, ' ') : 'a timer change'} after ${entry.attempts + 1} attempts; operators told`, detail: { outboxId: entry.id, error: lastError } }))]
      : [];
    await this.finish(
      entry,
      'SET #s = :dead, attempts = attempts + :one, lastError = :error, GSI2PK = :deadPk, GSI2SK = :deadSk REMOVE leaseUntil, GSI1PK, GSI1SK',
      { ':dead': 'dead', ':one': 1, ':error': lastError, ':deadPk': PARTITIONS.outboxDead, ':deadSk': `${at}#${entry.id}` },
      extra,
      at,
    );
  }

  async retry(id: string, at: string): Promise<boolean> {
    const entry = await this.get(id);
    if (!entry || entry.status !== 'dead') return false;
    const row = await this.updateIf(id, 'SET #s = :pending, attempts = :zero, nextAttemptAt = :at, GSI1PK = :pk, GSI1SK = :sk REMOVE GSI2PK, GSI2SK, leaseUntil, #ttl', '#s = :dead', {
      ':pending': 'pending',
      ':zero': 0,
      ':at': at,
      ':pk': PARTITIONS.outboxPending,
      ':sk': `${entry.createdAt}#${id}`,
      ':dead': 'dead',
    });
    return row !== undefined;
  }

  async forgetLetters(reference: string): Promise<number> {
    const letters = (await this.ofCase(reference)).filter((e) => e.kind === 'letter');
    for (const e of letters) await this.table.client.send(new DeleteItemCommand({ TableName: this.table.name, Key: marshall(key.outbox(e.id)) }));
    return letters.length;
  }

  /** One conditional update of an entry (`#s` is its status): the entry as it now is, or undefined when the condition did not hold. */
  private async updateIf(id: string, update: string, condition: string, values: Record<string, unknown>, returning: 'ALL_NEW' | 'ALL_OLD' = 'ALL_NEW'): Promise<Record<string, unknown> | undefined> {
    try {
      const result = await this.table.client.send(
        new UpdateItemCommand({
          TableName: this.table.name,
          Key: marshall(key.outbox(id)),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#s': 'status', ...(update.includes('#ttl') ? { '#ttl': TTL_ATTRIBUTE } : {}) },
          ExpressionAttributeValues: marshall(values),
          ReturnValues: returning,
        }),
      );
      return result.Attributes ? unmarshall(result.Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /** Ends an attempt, conditional on still holding its lease: a sender whose lease lapsed cannot overwrite another's result. */
  private async finish(entry: OutboxEntry, update: string, values: Record<string, unknown>, extra: TransactWriteItem[], finishedAt?: string): Promise<void> {
    // Sent, done or given up, an entry about no case (a digest, a held-mail notice) expires: its words are not kept.
    const expires = finishedAt !== undefined && !caseOf(entry) ? Math.floor(Date.parse(finishedAt) / 1000) + this.finishedKeepSeconds : undefined;
    // DynamoDB refuses an empty ExpressionAttributeNames: a retry's update names neither the status nor the TTL.
    const names = { ...(update.includes('#s') ? { '#s': 'status' } : {}), ...(expires === undefined ? {} : { '#ttl': TTL_ATTRIBUTE }) };
    const own: TransactWriteItem = {
      Update: {
        TableName: this.table.name,
        Key: marshall(key.outbox(entry.id)),
        UpdateExpression: expires === undefined ? update : update.replace(/^SET /, 'SET #ttl = :ttl, '),
        ConditionExpression: 'leaseUntil = :lease',
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: marshall({ ...values, ':lease': entry.leaseUntil ?? '', ...(expires === undefined ? {} : { ':ttl': expires }) }),
      },
    };
    try {
      await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: [own, ...extra] }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new LeaseLostError(entry.id);
      }
      throw error;
    }
  }

  private eventPut(reference: string, event: TimelineEvent): TransactWriteItem {
    return { Put: { TableName: this.table.name, Item: marshall({ ...key.event(reference, event.at, event.id), event }, { removeUndefinedValues: true }) } };
  }
}
