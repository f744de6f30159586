import type { LetterBody, OutboxItem } from '#domain/outbox/outbox-item';
import type { ListedOutboxEntry, OutboxEntry } from '#application/ports/outbox';
import type { ItemKey } from './dynamo-table.js';
import { key, PARTITIONS, TTL_ATTRIBUTE } from './table-design.js';

/**
 * An outbox entry is two items: its state (status, attempts, lease, the letter's header: small, so that a lease
 * or a mark is billed one write unit) and its letter's body (text and HTML, written once with the state, never
 * updated). Leases, marks and failures rewrite the state only; the pending index holds states only.
 */
export function newOutboxRecords(item: OutboxItem, at: string): { key: ItemKey; attributes: Record<string, unknown> }[] {
  const reference = caseOf(item);
  const ofCase = (suffix: string) => (reference ? { GSI3PK: `OUTBOX-OF#${reference}`, GSI3SK: `${at}#${item.id}${suffix}` } : {});
  const state = {
    key: key.outbox(item.id),
    attributes: {
      item: item.kind === 'letter' ? { ...item, letter: headerOf(item.letter) } : item,
      createdAt: at,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      GSI1PK: PARTITIONS.outboxPending,
      GSI1SK: `${at}#${item.id}`,
      ...ofCase(''),
    },
  };
  if (item.kind !== 'letter') return [state];
  // The body is listed under its case too, so that a case's letters (and destruction) are one query.
  const body: LetterBody = { text: item.letter.text, html: item.letter.html };
  return [state, { key: key.outboxBody(item.id), attributes: { outboxId: item.id, body, ...ofCase('#body') } }];
}

/** An outbox entry as listed (the pending and dead indexes, a get): its state and its letter's header. */
export function listedEntryOf(row: Record<string, unknown>): ListedOutboxEntry {
  const item = row.item as ListedOutboxEntry;
  return {
    ...(item.kind === 'letter' ? { ...item, letter: headerOf(item.letter) } : item),
    createdAt: String(row.createdAt),
    status: row.status as OutboxEntry['status'],
    attempts: Number(row.attempts ?? 0),
    nextAttemptAt: String(row.nextAttemptAt),
    ...(row.leaseUntil ? { leaseUntil: String(row.leaseUntil) } : {}),
    ...(row.lastError ? { lastError: String(row.lastError) } : {}),
    ...(row.sentAt ? { sentAt: String(row.sentAt) } : {}),
    ...(row.providerMessageId ? { providerMessageId: String(row.providerMessageId) } : {}),
    ...(typeof row[TTL_ATTRIBUTE] === 'number' ? { expiresAt: new Date((row[TTL_ATTRIBUTE] as number) * 1000).toISOString() } : {}),
  } as ListedOutboxEntry;
}

/**
 * The whole entry, from its state and its body item. An entry written before bodies were kept apart holds its
 * body in its state: that is used as it is.
 */
export function wholeEntryOf(row: Record<string, unknown>, bodyRow: Record<string, unknown> | undefined): OutboxEntry | undefined {
  const listed = listedEntryOf(row);
  if (listed.kind !== 'letter') return listed;
  const inline = (row.item as { letter: Partial<LetterBody> }).letter;
  const body = typeof inline.text === 'string' && typeof inline.html === 'string' ? { text: inline.text, html: inline.html } : (bodyRow?.body as LetterBody | undefined);
  return body ? { ...listed, letter: { ...listed.letter, ...body } } : undefined;
}

function headerOf<L extends object>(letter: L): Omit<L, 'text' | 'html'> {
  const { text: _text, html: _html, ...header } = letter as L & Partial<LetterBody>;
  return header;
}

/** The case an outbox entry is about, if any. */
export function caseOf(item: { readonly kind: 'letter'; readonly letter: { readonly reference?: string } } | { readonly kind: 'timers'; readonly reference: string }): string | undefined {
  return item.kind === 'letter' ? item.letter.reference : item.reference;
}
