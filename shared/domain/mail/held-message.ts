/** Why an inbound message did not become (or join) a case. The raw message is always kept. */
export type HeldReason =
  | 'unknown-recipient'
  | 'unparseable'
  | 'too-large'
  | 'quarantined-spam'
  | 'quarantined-virus'
  | 'auto-reply'
  | 'own-address'
  | 'bounce-unmatched'
  /** The case it would open is larger than the store takes, even with its texts bounded. */
  | 'too-large-for-store';

/** A message kept for a person to look at instead of a case: by policy, or for operators. */
export interface HeldMessage {
  readonly id: string;
  /** A policy id, or "operator" for mail no policy claims. */
  readonly scope: string;
  readonly reason: HeldReason;
  readonly rawKey: string;
  readonly receivedAt: string;
  readonly from?: string;
  readonly subject?: string;
  readonly detail?: string;
  /** What a person decided: released into a case, or discarded with a reason. Absent while it waits. */
  readonly settled?: HeldSettlement;
  /** When who sent it and what it said were destroyed (with the case it was released into, or on retention). */
  readonly destroyedAt?: string;
}

/** What a held message keeps once its personal data is destroyed: why it was held, when, and what became of it. */
export function heldWithoutPerson(held: HeldMessage, at: string): HeldMessage {
  const settled = held.settled?.status === 'discarded' ? { ...held.settled, reason: '' } : held.settled;
  return { id: held.id, scope: held.scope, reason: held.reason, rawKey: held.rawKey, receivedAt: held.receivedAt, ...(settled ? { settled } : {}), destroyedAt: held.destroyedAt ?? at };
}

/** A held message dealt with. The raw message stays either way: it is the evidence of what arrived. */
export type HeldSettlement =
  | { readonly status: 'released'; readonly at: string; readonly by: string; readonly reference: string }
  | { readonly status: 'discarded'; readonly at: string; readonly by: string; readonly reason: string };
