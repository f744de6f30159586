import { BatchWriteItemCommand, ConditionalCheckFailedException, TransactionCanceledException, TransactWriteItemsCommand, UpdateItemCommand, type TransactWriteItem, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { timelineEvent } from '#domain/case/timeline-event';
import type { TimelineEvent } from '#domain/case/case';
import { providerThreadKey } from '#domain/mail/message-id';
import type { OutboxItem } from '#domain/outbox/outbox-item';
import { sentLetterEvent } from '#domain/outbox/sent-letter-event';
import type { ListedOutboxEntry, Outbox, OutboxEntry, SentNote } from '#application/ports/outbox';
import { LeaseLostError, LetterBodyMissingError } from '#application/ports/store-errors';
import type { DynamoTable } from './dynamo-table.js';
import { caseOf, listedEntryOf, newOutboxRecords, wholeEntryOf } from './outbox-records.js';
import { key, lookupOf, PARTITIONS, TTL_ATTRIBUTE } from './table-design.js';

/**
 * The outbox on DynamoDB. Each entry is a small state item and, for a letter, a body item written once beside it
 * (outbox-records.ts): leases and marks rewrite the state only, one write unit each. Pending entries sit in a
 * sparse index, oldest first; a lease is a conditional update (the body read beside it); recording a sent letter
 * is one transaction with its case's timeline event and SES's id as a thread key.
 */
export class DynamoDbOutbox implements Outbox {
  constructor(
    private readonly table: DynamoTable,
    /** How long a finished entry about no case is kept (then TTL removes it). */
    private readonly finishedKeepSeconds: number,
  ) {}

  async add(items: readonly OutboxItem[], at: string): Promise<void> {
    if (items.length === 0) return;
    await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: items.flatMap((o) => newOutboxRecords(o, at).map((r) => this.table.putIfAbsent(r.key, r.attributes))) }));
  }

  async pending(limit: number): Promise<ListedOutboxEntry[]> {
    return (await this.table.query({ index: 'GSI1', value: PARTITIONS.outboxPending }, 'ascending', limit)).map(listedEntryOf);
  }

  async ofCase(reference: string): Promise<OutboxEntry[]> {
    // States and bodies under one partition of the index: paired by entry id.
    const rows = await this.table.query({ index: 'GSI3', value: `OUTBOX-OF#${reference}` }, 'ascending');
    const bodies = new Map(rows.filter((r) => r.SK === key.outboxBody('').SK).map((r) => [String(r.outboxId), r]));
    return rows.filter((r) => r.SK === key.outbox('').SK).flatMap((r) => wholeEntryOf(r, bodies.get((r.item as { id: string }).id)) ?? []);
  }

  async dead(limit: number): Promise<ListedOutboxEntry[]> {
    return (await this.table.query({ index: 'GSI2', value: PARTITIONS.outboxDead }, 'descending', limit)).map(listedEntryOf);
  }

  async get(id: string): Promise<ListedOutboxEntry | undefined> {
    const row = await this.table.get(key.outbox(id));
    return row ? listedEntryOf(row) : undefined;
  }

  async lease(id: string, now: string, until: string): Promise<OutboxEntry | undefined> {
    // The entry as it was, so that a lease an earlier attempt left to run out (it was cut off) is seen.
    const before = await this.updateIf(id, 'SET leaseUntil = :until', '#s = :pending AND nextAttemptAt <= :now AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)', {
      ':until': until,
      ':pending': 'pending',
      ':now': now,
    }, 'ALL_OLD');
    if (!before) return undefined;
    // Only a letter held, and not one written with its body inline (before bodies were kept apart), reads its body.
    const inline = wholeEntryOf(before, undefined);
    const entry = inline ?? wholeEntryOf(before, await this.table.get(key.outboxBody(id)));
    if (!entry) throw new LetterBodyMissingError(id);
    return { ...entry, leaseUntil: until, ...(before.leaseUntil ? { lapsedLease: String(before.leaseUntil) } : {}) };
  }

  async recordAccepted(id: string, providerMessageId: string): Promise<boolean> {
    // Nearly every Send event finds its letter recorded already: a read costs less than a write whose condition fails.
    const entry = await this.get(id);
    if (!entry || entry.status !== 'pending' || entry.providerMessageId) return false;
    const row = await this.updateIf(id, 'SET providerMessageId = :pid', 'attribute_exists(PK) AND #s = :pending AND attribute_not_exists(providerMessageId)', { ':pid': providerMessageId, ':pending': 'pending' });
    return row !== undefined;
  }

  async markSent(entry: ListedOutboxEntry, providerMessageId: string, at: string, note?: SentNote): Promise<void> {
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

  async markDone(entry: ListedOutboxEntry, at: string): Promise<void> {
    await this.finish(entry, 'SET #s = :done, sentAt = :at REMOVE leaseUntil, GSI1PK, GSI1SK', { ':done': 'done', ':at': at }, [], at);
  }

  async markFailed(entry: ListedOutboxEntry, error: string, at: string, nextAttemptAt: string | undefined): Promise<void> {
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
    // A letter about no case was set to expire when it was given up: its body is kept again with it.
    if (row && entry.kind === 'letter' && !caseOf(entry)) {
      await this.table.client.send(new UpdateItemCommand({ TableName: this.table.name, Key: marshall(key.outboxBody(id)), UpdateExpression: 'REMOVE #ttl', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE } })).catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    }
    return row !== undefined;
  }

  async forgetLetters(reference: string): Promise<number> {
    const letters = (await this.ofCase(reference)).filter((e) => e.kind === 'letter');
    // States and bodies, 25 to a request. A body outliving its state a moment is never leased (only states are).
    let requests: WriteRequest[] = letters.flatMap((e) => [key.outbox(e.id), key.outboxBody(e.id)].map((k) => ({ DeleteRequest: { Key: marshall(k) } })));
    for (let round = 0; requests.length > 0; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** round)));
      if (round > 8) throw new Error(`destroying the letters of ${reference}: DynamoDB left ${requests.length} deletes unprocessed after ${round} tries; run the destruction again`);
      const batch = requests.slice(0, 25);
      const result = await this.table.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table.name]: batch } }));
      requests = [...(result.UnprocessedItems?.[this.table.name] ?? []), ...requests.slice(25)];
    }
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

  /**
   * Ends an attempt, conditional on still holding its lease: a sender whose lease lapsed cannot overwrite another's
   * result. With nothing else to write, one conditional update (a transaction would bill it twice).
   */
  private async finish(entry: ListedOutboxEntry, update: string, values: Record<string, unknown>, extra: TransactWriteItem[], finishedAt?: string): Promise<void> {
    // Sent, done or given up, an entry about no case (a digest, a held-mail notice) expires: its words are not kept.
    const expires = finishedAt !== undefined && !caseOf(entry) ? Math.floor(Date.parse(finishedAt) / 1000) + this.finishedKeepSeconds : undefined;
    const names = { ...(update.includes('#s') ? { '#s': 'status' } : {}), ...(expires === undefined ? {} : { '#ttl': TTL_ATTRIBUTE }) };
    const own = {
      TableName: this.table.name,
      Key: marshall(key.outbox(entry.id)),
      UpdateExpression: expires === undefined ? update : update.replace(/^SET /, 'SET #ttl = :ttl, '),
      ConditionExpression: 'leaseUntil = :lease',
      // DynamoDB refuses an empty map of names.
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: marshall({ ...values, ':lease': entry.leaseUntil ?? '', ...(expires === undefined ? {} : { ':ttl': expires }) }),
    };
    const body: TransactWriteItem[] =
      expires !== undefined && entry.kind === 'letter'
        ? [{ Update: { TableName: this.table.name, Key: marshall(key.outboxBody(entry.id)), UpdateExpression: 'SET #ttl = :ttl', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE }, ExpressionAttributeValues: marshall({ ':ttl': expires }) } }]
        : [];
    try {
      if (extra.length === 0 && body.length === 0) await this.table.client.send(new UpdateItemCommand(own));
      else await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Update: own }, ...extra, ...body] }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new LeaseLostError(entry.id);
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw new LeaseLostError(entry.id);
      throw error;
    }
  }

  private eventPut(reference: string, event: TimelineEvent): TransactWriteItem {
    return { Put: { TableName: this.table.name, Item: marshall({ ...key.event(reference, event.at, event.id), event }, { removeUndefinedValues: true }) } };
  }
}
