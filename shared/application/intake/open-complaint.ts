import { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { formatReference } from '#domain/case/case-reference';
import { openCase, type NewComplaint } from '#domain/case/open-case';
import { openServiceRequest } from '#domain/case/open-service-request';
import { reachableByEmail } from '#domain/case/reachable';
import type { Sending } from '#domain/letters/addressing';
import type { Policy } from '#domain/policy/policy-schema';
import { isAcknowledgement } from '#domain/outbox/outbox-item';
import { mailboxKey } from '#domain/text/mailbox-key';
import { caseWrite } from '../case-write.js';
import { newAddressCheck } from '../complainant/address-check.js';
import { newPageToken } from '../complainant/page-token.js';
import { contentionPause } from '../contention-pause.js';
import type { Cases, Claim } from '../ports/cases.js';
import type { Clock } from '../ports/clock.js';
import type { Counters } from '../ports/counters.js';
import type { Log } from '../ports/log.js';
import type { Metrics } from '../ports/metrics.js';
import { ClaimTakenError, ConcurrentChangeError } from '../ports/store-errors.js';
import { OneAtATime } from '../one-at-a-time.js';
import { SubmissionKeyReusedError } from './submission-key-reused-error.js';

export interface OpenComplaintDeps {
  readonly cases: Cases;
  readonly counters: Counters;
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: Metrics;
  readonly sending: Sending;
  /**
   * How many times opening is tried again after a failure that was no one's progress. A reference another
   * intake took first is not counted: it is tried again for as long as others are getting theirs.
   */
  readonly writeRetries: number;
}

export interface Opened {
  readonly reference: string;
  /** The complainant was acknowledged (never by the letter that asks to confirm a typed address). */
  readonly acknowledged: boolean;
  /** A letter went to the address typed into the form asking to confirm it; the acknowledgement follows once they do. */
  readonly confirmationSent: boolean;
  /** An earlier attempt at this same message or submission had already opened it. */
  readonly already: boolean;
  /** The complainant's page token, for a front door that shows the complainant where their page is. */
  readonly pageToken?: string;
}

/**
 * This process's intakes take an organisation's next reference one at a time (whichever channel they came by):
 * racing each other for the one counter item would only waste store round trips. One per process, as the
 * contention it removes is; between processes (Lambda instances) the reference claim decides.
 */
const openings = new OneAtATime();

/**
 * Opens a case for a complaint from any channel, once per `inboundKey`, in one atomic write: the case, its
 * events, its acknowledgement and handler's notice in the outbox, its timer intent, and three claims (this
 * inbound message, the next reference number, and the sender's one acknowledgement of the day). So a crash
 * at any point leaves either nothing (a retry starts again, no reference used) or the whole case with every
 * letter it owes; a retry of a message already taken in finds its case. Where the client chose the key (a web
 * submission id), `contentDigest` is what it sent under it: only the same content finds the case again.
 */
export async function openComplaint(deps: OpenComplaintDeps, policy: Policy, complaint: NewComplaint, inboundKey: string, contentDigest?: string): Promise<Opened> {
  const received = DateTime.fromISO(complaint.receivedAt);
  const year = Number(londonDate(received).slice(0, 4));
  const ackDate = londonDate(received);
  // One acknowledgement a day per mailbox, not per spelling of it (Jo+1@Example.com is jo@example.com).
  const sender = complaint.complainant.email ? mailboxKey(complaint.complainant.email) : undefined;
  const pageToken = newPageToken();
  const addressCheck = complaint.complainant.emailConfirmed === false ? newAddressCheck() : undefined;
  const series = `${policy.referencePrefix}#${year}`;
  let failures = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await openings.run(series, async (): Promise<Opened> => {
        const [last, acknowledgedBy] = await Promise.all([
          deps.counters.lastReference(policy.referencePrefix, year),
          sender ? deps.counters.acknowledgedToday(policy.id, sender, ackDate) : Promise.resolve(undefined),
        ]);
        const sequence = last + 1;
        const reference = formatReference(policy.referencePrefix, year, sequence);
        const change =
          complaint.serviceRequest && complaint.recordedBy
            ? openServiceRequest(policy, { ...complaint, recordedBy: complaint.recordedBy }, reference, { sending: deps.sending, now: deps.clock.now().toISOString(), pageToken })
            : openCase(policy, complaint, reference, { acknowledge: !acknowledgedBy, sending: deps.sending, now: deps.clock.now().toISOString(), pageToken, ...(addressCheck ? { addressCheck } : {}) });
        // The sender's first letter of the day, whichever it is, takes the day's claim.
        const firstLetter = change.letters.some(isAcknowledgement);
        const acknowledged = Boolean(change.case.acknowledgedAt);
        const confirmationSent = change.letters.some((l) => l.purpose === 'confirm-address');
        if (acknowledgedBy && reachableByEmail(change.case)) {
          deps.log.info('acknowledgement not sent: this sender already had one from this organisation today', { reference, earlier: acknowledgedBy });
        }
        const claims: Claim[] = [
          { kind: 'inbound', key: inboundKey, reference, outcome: 'opened', ...(contentDigest ? { contentDigest } : {}) },
          { kind: 'reference', prefix: policy.referencePrefix, year, sequence },
          ...(firstLetter && sender ? [{ kind: 'acknowledgement' as const, policyId: policy.id, sender, date: ackDate, reference }] : []),
        ];
        await deps.cases.write(caseWrite(undefined, change, deps.clock.now().toISOString(), claims));
        deps.metrics.add('CasesOpened');
        return { reference, acknowledged, confirmationSent, already: false, pageToken };
      });
    } catch (error) {
      if (error instanceof ClaimTakenError && error.claim.kind === 'inbound') {
        const earlier = await deps.counters.inbound(inboundKey);
        if (earlier?.reference) {
          // Someone else's content under the same key: their case is not this sender's to be shown.
          if (earlier.contentDigest !== contentDigest) throw new SubmissionKeyReusedError(policy.id);
          const existing = await deps.cases.get(earlier.reference);
          return { reference: earlier.reference, acknowledged: Boolean(existing?.acknowledgedAt), confirmationSent: existing?.complainant.emailConfirmed === false && Boolean(existing.complainant.addressCheck), already: true, ...(existing?.page ? { pageToken: existing.page.token } : {}) };
        }
      }
      if (!(error instanceof ClaimTakenError || error instanceof ConcurrentChangeError)) throw error;
      // A reference lost to another intake (the counter has moved past the number tried) is someone's case
      // opened: that is tried again for as long as others get theirs, so a crowd costs waiting, never an error.
      // Anything else that fails without progress (a claim or a case where the counter says none should be)
      // counts against writeRetries.
      const lostToAnother = error instanceof ClaimTakenError && error.claim.kind === 'reference' && (await deps.counters.lastReference(policy.referencePrefix, year)) >= error.claim.sequence;
      if (!lostToAnother && ++failures > deps.writeRetries) throw error;
      await contentionPause(attempt);
    }
  }
}
