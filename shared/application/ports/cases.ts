import type { Case, TimelineEvent } from '#domain/case/case';
import type { DueCase } from '#domain/digest/due-case';
import type { PendingAction } from '#domain/case/pending-actions';
import type { ReportRecord } from '#domain/reporting/report-record';
import type { OutboxItem } from '#domain/outbox/outbox-item';
import type { RestrictionFound } from '#domain/case/restricted-mail';

/** One person key of a case's restriction, as the index keeps it. */
export interface RestrictionEntry extends RestrictionFound {
  readonly policyId: string;
  readonly personKey: string;
}

/** What an inbound message did to its case: opened it, joined it, reported a delivery failure on it, or was staff mail on it. */
export type InboundOutcome = 'opened' | 'joined' | 'bounce' | 'staff-mail';

/**
 * Once-only marks written in the same atomic write as a case change, so that a retried or concurrent attempt
 * cannot do the same thing twice: an inbound message (or form submission) taken in, a reference number used,
 * a sender's acknowledgement for the day.
 */
export type Claim =
  /** `contentDigest`: what was submitted under a key the client chose, so that the key cannot fetch another's case. */
  | { readonly kind: 'inbound'; readonly key: string; readonly reference: string; readonly outcome: InboundOutcome; readonly contentDigest?: string }
  /** The organisation's counter for the year moves from sequence - 1 to sequence: no number is skipped or used twice. */
  | { readonly kind: 'reference'; readonly prefix: string; readonly year: number; readonly sequence: number }
  | { readonly kind: 'acknowledgement'; readonly policyId: string; readonly sender: string; readonly date: string; readonly reference: string };

/** One atomic write: the case (created, or changed from `expectedVersion`), its events, threads, outbox items and claims. */
export interface CaseWrite {
  readonly case: Case;
  /** 0 to create the case; otherwise the version read, which must still be the stored one. */
  readonly expectedVersion: number;
  readonly events: readonly TimelineEvent[];
  readonly threadKeys: readonly string[];
  /** Keys (hashed tokens) of complainant pages issued in this change: each finds the case from then on. */
  readonly pageKeys: readonly string[];
  readonly outbox: readonly OutboxItem[];
  readonly claims: readonly Claim[];
  /**
   * The restriction index (contact restrictions, found by person without a scan): entries to put for the case's
   * restriction as it now is, and the person keys it no longer holds. Absent when the restriction did not change.
   */
  readonly restrictions?: { readonly put: readonly RestrictionEntry[]; readonly removed: readonly string[] };
  /** When the write is made: its outbox items are due from then. */
  readonly at: string;
  /** The index of actions agreed and not done: those new to it, and those (done, or gone) to take out. */
  readonly actions: { readonly pending: readonly PendingAction[]; readonly settled: readonly PendingAction[] };
  /** The case's anonymous report record, kept under each year it was active in (written with the case). */
  readonly report: { readonly record: ReportRecord; readonly years: readonly number[] };
}

/** Cases and their timelines. Adapters: DynamoDB (AWS, or DynamoDB Local) and memory. */
export interface Cases {
  get(reference: string): Promise<Case | undefined>;
  timeline(reference: string): Promise<TimelineEvent[]>;
  /** The case one of these thread keys belongs to (ours, or an earlier message of the case); the first found wins. */
  byThread(threadKeys: readonly string[]): Promise<string | undefined>;
  /** The case a complainant page key was issued for (whether that page is still live is the case's to say). */
  byPageKey(pageKey: string): Promise<string | undefined>;
  /** Cases of one policy whose complainant's name starts with these words (`nameKey` of both), at most `limit`. */
  byName(policyId: string, namePrefix: string, limit: number): Promise<Case[]>;
  /** Cases of one policy from one complainant address, newest first. */
  ofComplainant(policyId: string, email: string): Promise<Case[]>;
  /** The restriction on contact held under one person key (`restrictionKeys`), and the case it was set on. */
  restrictionOf(policyId: string, personKey: string): Promise<RestrictionFound | undefined>;
  /** A policy's restrictions whose review date is at most `until` (YYYY-MM-DD), soonest first, one per case. */
  restrictionsToReview(policyId: string, until: string): Promise<RestrictionFound[]>;
  /** A policy's cases that are not closed, soonest next deadline first (the CLI's digest reads them whole). */
  open(policyId: string): Promise<Case[]>;
  /**
   * What the morning view and the digest read of a policy's open cases (`dueCaseOf`, kept in each case's write): those
   * whose `dueKey` is at most `until` (a date), and those received at or after `since` (an instant), each once.
   */
  due(policyId: string, until: string, since: string): Promise<DueCase[]>;
  /**
   * One page of a policy's cases, newest first: at most `limit`, those before the cursor a previous page gave; its
   * `next` cursor is absent on the last page.
   */
  /** `before` and `next` are places in the list (`newestFirstPlace`): the page holds the cases after that place. */
  newestPage(policyId: string, limit: number, before?: string): Promise<{ cases: Case[]; next?: string }>;
  /** Cases of one policy, newest first. */
  newestFirst(policyId: string): Promise<Case[]>;
  /**
   * Writes a change atomically. Throws ConcurrentChangeError when the case moved on since it was read,
   * ClaimTakenError when a claim is already held by another, ItemTooLargeError when the case cannot be stored.
   */
  write(change: CaseWrite): Promise<void>;
  /**
   * Deletes every item that finds this case by something of the complainant's: its thread (Message-ID) and page
   * items, its name index item and its sender's acknowledgement claim; those listed under the case, and the `known`
   * ones (from its timeline) written before that list existed. Never an item another case owns. Idempotent; returns
   * how many went.
   */
  removeLookups(reference: string, known: { readonly threadKeys: readonly string[]; readonly pageKeys: readonly string[] }): Promise<number>;
  /** Overwrites timeline events in place (same ids and times): how personal data leaves the timeline. */
  rewriteTimeline(reference: string, events: readonly TimelineEvent[]): Promise<void>;
  /**
   * Writes a case's report record under each year and its pending actions again, as its writes keep them: for
   * cases stored before those indexes existed (`report rebuild`). Idempotent; changes nothing else.
   */
  rewriteIndexes(c: Case, report: CaseWrite['report'], pending: readonly PendingAction[]): Promise<void>;
}
