import { timelineEvent } from '#domain/case/timeline-event';
import { providerThreadKey } from '#domain/mail/message-id';
import type { OutboxItem } from '#domain/outbox/outbox-item';
import { sentLetterEvent } from '#domain/outbox/sent-letter-event';
import type { ListedOutboxEntry, Outbox, OutboxEntry, SentNote } from '#application/ports/outbox';
import { LeaseLostError } from '#application/ports/store-errors';
import { copy, keyOrder, type MemoryTables } from './memory-tables.js';

export function newOutboxEntry(item: OutboxItem, at: string): OutboxEntry {
  return { ...copy(item), createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at };
}

/** As DynamoDbOutbox lists an entry: its state and its letter's header, not the body (that comes with a lease). */
function listed(entry: OutboxEntry): ListedOutboxEntry {
  if (entry.kind !== 'letter') return entry;
  const { text: _text, html: _html, ...header } = entry.letter;
  return { ...entry, letter: header };
}

function ownerOf(entry: ListedOutboxEntry): string | undefined {
  return entry.kind === 'letter' ? entry.letter.reference : entry.reference;
}

/** The outbox in memory, with the lease and recording rules of DynamoDbOutbox. */
export class MemoryOutbox implements Outbox {
  constructor(
    private readonly tables: MemoryTables,
    /** How long a finished entry about no case is kept, as DynamoDbOutbox's TTL. */
    private readonly finishedKeepSeconds: number,
  ) {}

  async add(items: readonly OutboxItem[], at: string): Promise<void> {
    for (const item of items) if (!this.tables.outbox.has(item.id)) this.tables.outbox.set(item.id, newOutboxEntry(item, at));
  }

  async pending(limit: number): Promise<ListedOutboxEntry[]> {
    return this.sorted((e) => e.status === 'pending').slice(0, limit).map(listed);
  }

  async ofCase(reference: string): Promise<OutboxEntry[]> {
    return this.sorted((e) => ownerOf(e) === reference);
  }

  async dead(limit: number): Promise<ListedOutboxEntry[]> {
    // As DynamoDbOutbox's dead index: the most recently given up first.
    const place = (e: OutboxEntry) => `${this.tables.outboxDeadAt.get(e.id) ?? ''}#${e.id}`;
    return this.sorted((e) => e.status === 'dead').sort((a, b) => keyOrder(place(b), place(a))).slice(0, limit).map(listed);
  }

  async get(id: string): Promise<ListedOutboxEntry | undefined> {
    const entry = this.tables.outbox.get(id);
    return entry ? listed(copy(entry)) : undefined;
  }

  async lease(id: string, now: string, until: string): Promise<OutboxEntry | undefined> {
    const entry = this.tables.outbox.get(id);
    if (!entry || entry.status !== 'pending' || entry.nextAttemptAt > now || (entry.leaseUntil && entry.leaseUntil >= now)) return undefined;
    const leased = { ...entry, leaseUntil: until };
    this.tables.outbox.set(id, leased);
    return { ...copy(leased), ...(entry.leaseUntil ? { lapsedLease: entry.leaseUntil } : {}) };
  }

  async markSent(entry: ListedOutboxEntry, providerMessageId: string, at: string, note?: SentNote): Promise<void> {
    this.finish(entry, { status: 'sent', sentAt: at, providerMessageId }, at);
    if (entry.kind !== 'letter' || !entry.letter.reference) return;
    const { letter } = entry;
    const reference = letter.reference as string;
    const event = sentLetterEvent(entry.id, letter, providerMessageId, at, note);
    this.tables.events(reference).set(`${event.at}#${event.id}`, event);
    const thread = providerThreadKey(providerMessageId);
    if (letter.toComplainant && !this.tables.threads.has(thread)) this.tables.threads.set(thread, reference);
  }

  async recordAccepted(id: string, providerMessageId: string): Promise<boolean> {
    const entry = this.tables.outbox.get(id);
    if (!entry || entry.status !== 'pending' || entry.providerMessageId) return false;
    this.tables.outbox.set(id, { ...entry, providerMessageId });
    return true;
  }

  async markDone(entry: ListedOutboxEntry, at: string): Promise<void> {
    this.finish(entry, { status: 'done', sentAt: at }, at);
  }

  async markFailed(entry: ListedOutboxEntry, error: string, at: string, nextAttemptAt: string | undefined): Promise<void> {
    const lastError = error.slice(0, 1000);
    this.finish(entry, nextAttemptAt ? { attempts: entry.attempts + 1, lastError, nextAttemptAt } : { status: 'dead', attempts: entry.attempts + 1, lastError }, nextAttemptAt ? undefined : at);
    if (!nextAttemptAt) this.tables.outboxDeadAt.set(entry.id, at);
    const reference = ownerOf(entry);
    if (!nextAttemptAt && reference) {
      const event = timelineEvent({ id: `letter-failed-${entry.id}`, at, type: 'letter-failed', actor: 'redress', summary: `Gave up sending ${entry.kind === 'letter' ? entry.letter.purpose.replace(/-/g, ' ') : 'a timer change'} after ${entry.attempts + 1} attempts; operators told`, detail: { outboxId: entry.id, error: lastError } });
      this.tables.events(reference).set(`${event.at}#${event.id}`, event);
    }
  }

  async retry(id: string, at: string): Promise<boolean> {
    const entry = this.tables.outbox.get(id);
    if (!entry || entry.status !== 'dead') return false;
    const { leaseUntil: _lease, sentAt: _sent, expiresAt: _expires, ...rest } = entry;
    this.tables.outbox.set(id, { ...rest, status: 'pending', attempts: 0, nextAttemptAt: at } as OutboxEntry);
    this.tables.outboxDeadAt.delete(id);
    return true;
  }

  async forgetLetters(reference: string): Promise<number> {
    const letters = [...this.tables.outbox.values()].filter((e) => e.kind === 'letter' && ownerOf(e) === reference);
    for (const e of letters) {
      this.tables.outbox.delete(e.id);
      this.tables.outboxDeadAt.delete(e.id);
    }
    return letters.length;
  }

  private finish(entry: ListedOutboxEntry, fields: Partial<Pick<OutboxEntry, 'status' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'sentAt' | 'providerMessageId'>>, finishedAt?: string): void {
    const stored = this.tables.outbox.get(entry.id);
    if (!stored || stored.leaseUntil !== entry.leaseUntil) throw new LeaseLostError(entry.id);
    const { leaseUntil: _lease, ...rest } = stored;
    // As the TTL DynamoDbOutbox sets: a finished entry about no case expires.
    const expiresAt = finishedAt !== undefined && !ownerOf(stored) ? new Date(Date.parse(finishedAt) + this.finishedKeepSeconds * 1000).toISOString() : undefined;
    this.tables.outbox.set(entry.id, { ...rest, ...fields, ...(expiresAt ? { expiresAt } : {}) } as OutboxEntry);
  }

  private sorted(match: (e: OutboxEntry) => boolean): OutboxEntry[] {
    return [...this.tables.outbox.values()].filter(match).sort((a, b) => keyOrder(`${a.createdAt}#${a.id}`, `${b.createdAt}#${b.id}`)).map(copy);
  }
}
