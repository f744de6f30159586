import type { DueCase } from '#domain/digest/due-case';
import type { Case, TimelineEvent } from '#domain/case/case';
import type { HeldMessage } from '#domain/mail/held-message';
import type { OutboxEntry } from '#application/ports/outbox';
import type { InboundOutcome, RestrictionEntry } from '#application/ports/cases';
import type { ReportRecord } from '#domain/reporting/report-record';
import type { PendingAction } from '#domain/case/pending-actions';
import type { UnclaimedMail } from '#application/ports/mail-receipts';

/**
 * The state the memory fakes share, as one DynamoDB table would hold it: a case write, a held message and an
 * outbox entry can then be one atomic change across them, just as the real adapters make it.
 */
export class MemoryTables {
  readonly cases = new Map<string, Case>();
  /** Each open case's projection for the morning view and the digest, as each write leaves it. */
  readonly dueCases = new Map<string, DueCase>();
  readonly timelines = new Map<string, Map<string, TimelineEvent>>();
  readonly threads = new Map<string, string>();
  readonly pages = new Map<string, string>();
  readonly inbound = new Map<string, { reference?: string; outcome?: InboundOutcome; heldId?: string; contentDigest?: string }>();
  readonly counters = new Map<string, number>();
  readonly acknowledgements = new Map<string, string>();
  readonly spam = new Map<string, number>();
  readonly held = new Map<string, HeldMessage>();
  readonly outbox = new Map<string, OutboxEntry>();
  /** When each dead outbox entry was given up (the order of DynamoDB's dead index). */
  readonly outboxDeadAt = new Map<string, string>();
  /** Report records by `<policy>#<year>`, then reference. */
  readonly reportRecords = new Map<string, Map<string, ReportRecord>>();
  /** Actions agreed and not done, by `<policy>#<due>#<ref>#<n>`. */
  readonly pendingActions = new Map<string, { policyId: string; action: PendingAction }>();
  /** The restriction index, by `<policy>#<person key>`. */
  readonly restrictions = new Map<string, RestrictionEntry>();
  /** Raw mail noted and not yet kept by intake, by raw key. */
  readonly receipts = new Map<string, UnclaimedMail>();

  events(reference: string): Map<string, TimelineEvent> {
    let events = this.timelines.get(reference);
    if (!events) this.timelines.set(reference, (events = new Map()));
    return events;
  }
}

/** A deep copy, so that a fake hands out values the caller cannot change behind its back (as a real store would). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Orders keys as DynamoDB orders sort keys: by their bytes (UTF-8; for the ASCII keys here, the same as code units),
 * never by locale, which puts `a` before `P` where DynamoDB puts it after.
 */
export function keyOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
