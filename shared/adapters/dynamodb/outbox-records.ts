import type { OutboxItem } from '#domain/outbox/outbox-item';
import type { OutboxEntry } from '#application/ports/outbox';
import { PARTITIONS, TTL_ATTRIBUTE } from './table-design.js';

/** The attributes of a new outbox entry: pending, in the pending index, and in its case's list. */
export function newOutboxAttributes(item: OutboxItem, at: string): Record<string, unknown> {
  const reference = caseOf(item);
  return {
    item,
    createdAt: at,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    GSI1PK: PARTITIONS.outboxPending,
    GSI1SK: `${at}#${item.id}`,
    ...(reference ? { GSI3PK: `OUTBOX-OF#${reference}`, GSI3SK: `${at}#${item.id}` } : {}),
  };
}

/** An outbox entry as the application sees it, from its stored attributes. */
export function outboxEntryOf(row: Record<string, unknown>): OutboxEntry {
  const item = row.item as OutboxItem;
  return {
    ...item,
    createdAt: String(row.createdAt),
    status: row.status as OutboxEntry['status'],
    attempts: Number(row.attempts ?? 0),
    nextAttemptAt: String(row.nextAttemptAt),
    ...(row.leaseUntil ? { leaseUntil: String(row.leaseUntil) } : {}),
    ...(row.lastError ? { lastError: String(row.lastError) } : {}),
    ...(row.sentAt ? { sentAt: String(row.sentAt) } : {}),
    ...(row.providerMessageId ? { providerMessageId: String(row.providerMessageId) } : {}),
    ...(typeof row[TTL_ATTRIBUTE] === 'number' ? { expiresAt: new Date((row[TTL_ATTRIBUTE] as number) * 1000).toISOString() } : {}),
  };
}

/** The case an outbox entry is about, if any. */
export function caseOf(item: OutboxItem): string | undefined {
  return item.kind === 'letter' ? item.letter.reference : item.reference;
}
