import type { InboundOutcome } from './cases.js';

/** What intake reads before it writes: marks and counters that the case write's claims move. */
export interface Counters {
  /** The last reference number used for an organisation's prefix and year (0 when none yet). */
  lastReference(prefix: string, year: number): Promise<number>;
  /** The case or held message an inbound message (or form submission, with the digest of what was sent) already became, if any. */
  inbound(key: string): Promise<{ readonly reference?: string; readonly outcome?: InboundOutcome; readonly heldId?: string; readonly contentDigest?: string } | undefined>;
  /** The case that had this sender's acknowledgement from this organisation on this day, if any. */
  acknowledgedToday(policyId: string, sender: string, date: string): Promise<string | undefined>;
  /** Counts a web submission refused as spam, per organisation and London day. */
  countSpam(policyId: string, date: string): Promise<void>;
  spamCount(policyId: string, date: string): Promise<number>;
}
