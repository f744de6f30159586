import type { InboundEmail } from '../intake/inbound-email.js';

/**
 * A note of each raw message from before it is stored (SES's receipt, on AWS, from the intake's first step) until
 * intake has kept it: what is left is raw mail no case or held message owns (a crash between storing and taking
 * in, intake failing every retry, a copy of a message taken in before), found by the unclaimed-mail sweep with an
 * index query, never a scan. Adapters: DynamoDB and memory.
 */
export interface MailReceipts {
  /** Notes a message about to be stored (or just stored by SES), with what intake needs to take it in. Idempotent. */
  note(inbound: InboundEmail): Promise<void>;
  /** The message was kept by intake (or destroyed): its note goes. */
  settled(rawKey: string): Promise<void>;
  /** Marks a message as a copy of one intake kept before: nothing will ever own it, and the sweep destroys it. */
  copy(rawKey: string): Promise<void>;
  /** Notes older than `receivedBefore`, oldest first, at most `limit`. */
  unclaimed(receivedBefore: string, limit: number): Promise<UnclaimedMail[]>;
}

export type UnclaimedMail = InboundEmail & { readonly copy?: true };
