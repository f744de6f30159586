import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { deadLetterNotice } from '#domain/letters/staff-notices';
import { letterItem, type LetterToSend } from '#domain/outbox/outbox-item';
import type { PolicySet } from '#domain/policy/policy-set';
import { syncCaseTimers } from '../deadlines/sync-case-timers.js';
import type { Cases } from '../ports/cases.js';
import type { Clock } from '../ports/clock.js';
import type { Log } from '../ports/log.js';
import type { Metrics } from '../ports/metrics.js';
import type { Mailer, OutboundEmail } from '../ports/mailer.js';
import type { ListedOutboxEntry, Outbox, OutboxEntry, SentNote } from '../ports/outbox.js';
import { LeaseLostError, SentNotRecordedError } from '../ports/store-errors.js';
import type { Timers } from '../ports/timers.js';

/** How the sender retries: exponential backoff from `baseSeconds`, capped, until `maxAttempts`. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseSeconds: number;
  readonly maxSeconds: number;
  /** How long one sender holds an entry before another may take it over (a crashed sender's lease lapses). */
  readonly leaseSeconds: number;
  /** How many pending entries one run looks at. */
  readonly batch: number;
}

export interface SendDueLettersDeps {
  readonly outbox: Outbox;
  readonly mailer: Mailer;
  readonly cases: Cases;
  readonly policies: PolicySet;
  readonly timers: Timers;
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: Metrics;
  readonly sending: Sending;
  readonly retry: RetryPolicy;
  readonly reminderHour: number;
}

export interface SendReport {
  readonly sent: number;
  readonly timersSet: number;
  readonly failed: number;
  readonly dead: number;
  /** Pending entries not tried in this run: not yet due, held by another sender, or behind an earlier letter of their case. */
  readonly waiting: number;
}

/** Recording a sent letter is retried this soon at first, then at most this far apart, until its lease runs out. */
const RECORD_RETRY_FIRST_MS = 250;
const RECORD_RETRY_MAX_MS = 5_000;

/**
 * Works through the outbox: every pending entry that is due is leased, carried out (a letter sent through the
 * Mailer, or a case's timers set), and recorded. A failure is retried later with backoff and, after the last
 * attempt, given up (dead) with operators told. Letters of one case go in the order they were written: one
 * that waits holds back the later ones. Safe to run in several places at once: the lease decides who sends.
 *
 * Once: a letter the mail service took is never treated as a failure. Its record is tried again until it lands
 * or the lease runs out; and a letter whose earlier attempt ended with no result recorded (cut off, or failed
 * with no answer) is first looked for at the mail service (SES's Send event on the entry, or the emulator's
 * record), and recorded, not sent again, when it is there.
 */
export async function sendDueLetters(deps: SendDueLettersDeps): Promise<SendReport> {
  const report = { sent: 0, timersSet: 0, failed: 0, dead: 0, waiting: 0 };
  const entries = (await deps.outbox.pending(deps.retry.batch)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  // How long the oldest letter has waited: the outbox-age alarm's measure (0 when nothing waits).
  const oldest = entries.find((e) => e.kind === 'letter');
  deps.metrics.add('OldestPendingLetterSeconds', oldest ? Math.max(0, Math.round((deps.clock.now().getTime() - Date.parse(oldest.createdAt)) / 1000)) : 0);
  const heldBack = new Set<string>();
  for (const entry of entries) {
    const now = deps.clock.now();
    const owner = ownerOf(entry);
    if (entry.kind === 'letter' && owner && heldBack.has(owner)) {
      report.waiting++;
      continue;
    }
    const leased = entry.nextAttemptAt <= now.toISOString() ? await deps.outbox.lease(entry.id, now.toISOString(), plusSeconds(now, deps.retry.leaseSeconds)) : undefined;
    if (!leased) {
      if (owner && entry.kind === 'letter') heldBack.add(owner);
      report.waiting++;
      continue;
    }
    try {
      if (leased.kind === 'letter') {
        const tried = leased.lapsedLease !== undefined || leased.attempts > 0;
        const earlier = leased.providerMessageId ?? (tried ? await deps.mailer.acceptedEarlier(leased.id) : undefined);
        if (earlier) {
          deps.log.warn('outbox letter found already taken by the mail service on an earlier attempt: recorded, not sent again', { id: leased.id, providerMessageId: earlier });
          await recordSent(deps, leased, earlier, { foundAlreadySent: true });
        } else {
          const providerId = await deps.mailer.send(outbound(leased.letter));
          await recordSent(deps, leased, providerId, leased.lapsedLease ? { earlierAttemptCutOff: leased.lapsedLease } : undefined);
        }
        deps.metrics.add('LettersSent');
        report.sent++;
      } else {
        await syncCaseTimers(deps, leased.reference);
        await deps.outbox.markDone(leased, deps.clock.now().toISOString());
        report.timersSet++;
      }
    } catch (error) {
      if (owner && leased.kind === 'letter') heldBack.add(owner);
      if (error instanceof LeaseLostError) {
        // Another sender took it over (this attempt outlived its lease): that sender records the result.
        deps.log.warn('outbox lease lost mid-attempt', { id: leased.id });
        continue;
      }
      if (error instanceof SentNotRecordedError) {
        // Never a failed attempt (that would send it again): the lease runs out and the next sender finds it sent.
        deps.log.error('outbox letter sent but not recorded; the next sender will find it at the mail service', { id: leased.id, providerMessageId: error.providerMessageId, error: String(error.cause) });
        report.failed++;
        continue;
      }
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const attempts = leased.attempts + 1;
      const at = deps.clock.now();
      if (attempts >= deps.retry.maxAttempts) {
        await deps.outbox.markFailed(leased, message, at.toISOString(), undefined);
        await tellOperators(deps, leased, message, at.toISOString());
        deps.metrics.add('LettersGivenUp');
        report.dead++;
      } else {
        const delay = Math.min(deps.retry.maxSeconds, deps.retry.baseSeconds * 2 ** (attempts - 1));
        await deps.outbox.markFailed(leased, message, at.toISOString(), plusSeconds(at, delay));
        deps.log.warn('outbox entry failed; it will be tried again', { id: leased.id, attempts, retryInSeconds: delay, error: message });
        report.failed++;
      }
    }
  }
  return report;
}

/**
 * The mail service took the letter: record it before the lease can run out, or another sender would send it
 * again. A store that is away is tried again with backoff while the lease lasts; past it, SentNotRecordedError.
 */
async function recordSent(deps: SendDueLettersDeps, entry: OutboxEntry, providerId: string, note: SentNote | undefined): Promise<void> {
  const leaseEnds = Date.parse(entry.leaseUntil ?? '');
  for (let delay = RECORD_RETRY_FIRST_MS; ; delay = Math.min(delay * 2, RECORD_RETRY_MAX_MS)) {
    try {
      await deps.outbox.markSent(entry, providerId, deps.clock.now().toISOString(), note);
      return;
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      if (!(leaseEnds - deps.clock.now().getTime() > delay)) throw new SentNotRecordedError(entry.id, providerId, error);
      deps.log.warn('outbox letter sent; recording it failed, trying again while its lease lasts', { id: entry.id, retryInMs: delay, error: error instanceof Error ? error.message : String(error) });
      await deps.clock.wait(delay);
    }
  }
}

function ownerOf(entry: ListedOutboxEntry): string | undefined {
  return entry.kind === 'letter' ? entry.letter.reference : entry.reference;
}

function outbound(letter: LetterToSend): OutboundEmail {
  return { id: letter.id, from: letter.from, to: letter.to, subject: letter.subject, text: letter.text, html: letter.html, autoSubmitted: letter.autoSubmitted, ...(letter.reference ? { reference: letter.reference } : {}) };
}

function plusSeconds(at: Date, seconds: number): string {
  return new Date(at.getTime() + seconds * 1000).toISOString();
}

/** A letter that keeps failing is given up and operators are told (unless it was itself such a notice). */
async function tellOperators(deps: SendDueLettersDeps, entry: OutboxEntry, error: string, at: string): Promise<void> {
  deps.log.error('outbox entry given up after its last attempt', { id: entry.id, attempts: entry.attempts + 1, error });
  if (entry.kind === 'letter' && entry.letter.purpose === 'dead-letter-notice') return;
  const reference = ownerOf(entry);
  const notice = noticeToStaff(undefined, 'outbox', reference, [deps.sending.operatorEmail], deadLetterNotice(entry.id, reference, error), 'dead-letter-notice', entry.id, deps.sending);
  await deps.outbox.add([letterItem(notice)], at);
}
