import type { ListedOutboxItem, OutboxItem } from '#domain/outbox/outbox-item';
import type { SentNote } from '#domain/outbox/sent-letter-event';

export type { SentNote };

export type OutboxStatus = 'pending' | 'sent' | 'done' | 'dead';

/** An outbox item with its delivery record. */
export type OutboxEntry = OutboxItem & DeliveryRecord;
/** An entry as listed (pending, dead, got by id): its letter's header, not its body (read only to send it). */
export type ListedOutboxEntry = ListedOutboxItem & DeliveryRecord;

export interface DeliveryRecord {
  readonly createdAt: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** When it may next be tried (pending only). */
  readonly nextAttemptAt: string;
  /** Held by one sender until then, so that two senders never send it at once. */
  readonly leaseUntil?: string;
  readonly lastError?: string;
  readonly sentAt?: string;
  /**
   * SES's id for the sent message. On an entry still pending: SES's Send event said it took the letter, though
   * the sender that sent it never recorded it (it died, or lost the store, in between).
   */
  readonly providerMessageId?: string;
  /**
   * When a finished entry about no case goes (DynamoDB's TTL): a digest's or a held-mail notice's words are kept
   * only as long as it takes to send it once. An entry about a case has none: it goes when the case's personal
   * data is destroyed.
   */
  readonly expiresAt?: string;
  /**
   * Set by `lease` alone: the lease of an earlier attempt that ran out with no result recorded. That attempt
   * may have sent the letter before it was cut off.
   */
  readonly lapsedLease?: string;
}


/** The one outbox for every letter, notice and timer intent. Adapters: DynamoDB and memory. */
export interface Outbox {
  /** Adds items that no case change carries (a digest), each once: an id seen before is left as it is. */
  add(items: readonly OutboxItem[], at: string): Promise<void>;
  /** Pending entries, oldest first (an index query), at most `limit`: headers only, a letter's body comes with its lease. */
  pending(limit: number): Promise<ListedOutboxEntry[]>;
  /** Entries of one case, oldest first: what the case shows as sent or waiting. */
  ofCase(reference: string): Promise<OutboxEntry[]>;
  /** Entries that gave up, newest first. */
  dead(limit: number): Promise<ListedOutboxEntry[]>;
  get(id: string): Promise<ListedOutboxEntry | undefined>;
  /** Takes a pending, unleased entry for one attempt, its letter whole; undefined when another sender has it or it is finished. */
  lease(id: string, now: string, until: string): Promise<OutboxEntry | undefined>;
  /** A letter went: the entry is sent, and its case's timeline records it (with SES's id as a thread key). */
  markSent(entry: ListedOutboxEntry, providerMessageId: string, at: string, note?: SentNote): Promise<void>;
  /**
   * SES's Send event: the mail service took this letter. Kept on the entry while it is pending and unrecorded
   * (true), for the next sender to record it rather than send it again; otherwise nothing changes (false).
   */
  recordAccepted(id: string, providerMessageId: string): Promise<boolean>;
  /** A timer intent was carried out. */
  markDone(entry: ListedOutboxEntry, at: string): Promise<void>;
  /** An attempt failed: try again at `nextAttemptAt`, or, with none, give up (dead) and record why. */
  markFailed(entry: ListedOutboxEntry, error: string, at: string, nextAttemptAt: string | undefined): Promise<void>;
  /** A dead entry goes back to pending, to be tried again now (an operator's decision). */
  retry(id: string, at: string): Promise<boolean>;
  /**
   * Deletes a case's letters and notices, sent or waiting (its personal data is being destroyed): a waiting one is
   * never sent. Its timer intents, which hold nothing personal, stay. Returns how many went.
   */
  forgetLetters(reference: string): Promise<number>;
}
