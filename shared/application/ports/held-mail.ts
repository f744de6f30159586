import type { HeldMessage, HeldSettlement } from '#domain/mail/held-message';
import type { OutboxItem } from '#domain/outbox/outbox-item';

/** Messages kept for a person instead of becoming a case. Adapters: DynamoDB and memory. */
export interface HeldMail {
  /**
   * Keeps a message together with the notice it owes (in one atomic write) and marks its inbound key, so that
   * the same message held again is one held message. Idempotent.
   */
  hold(held: HeldMessage, outbox: readonly OutboxItem[], at: string, inboundKey?: string): Promise<void>;
  get(id: string): Promise<HeldMessage | undefined>;
  /**
   * Held messages for a policy, or for "operator" (unknown recipients), newest first: those still waiting, or
   * (`settled`) those already released or discarded.
   */
  list(scope: string, which?: 'waiting' | 'settled'): Promise<HeldMessage[]>;
  /**
   * Records what a person decided, once: the message as it now is. When it was already settled the earlier
   * decision stands and is returned unchanged.
   */
  settle(id: string, settlement: HeldSettlement): Promise<HeldMessage>;
  /** Replaces a held message with what it keeps once its personal data is destroyed (`heldWithoutPerson`). Idempotent. */
  forget(id: string, at: string): Promise<void>;
}
