/** Why an inbound message did not become (or join) a case. The raw message is always kept. */
export type HeldReason =
  | 'unknown-recipient'
  | 'unparseable'
  | 'too-large'
  | 'quarantined-spam'
  | 'quarantined-virus'
  /** Written by a machine, as its headers show (`evidence` says how). */
  | 'auto-reply'
  /** Looks automatic or bulk (a list header, or auto-reply words with a do-not-answer header), with nothing to show a machine wrote it: staff are told. */
  | 'possibly-automatic'
  | 'own-address'
  | 'bounce-unmatched'
  /** The case it would open is larger than the store takes, even with its texts bounded. */
  | 'too-large-for-store'
  /** From an address the policy knows as staff, quoting no case of it: staff mail is never a complaint; a person decides. */
  | 'staff-mail'
  /** From a staff address that SES's checks (DMARC) do not vouch for: it may be forged, so it is not written onto a case. */
  | 'staff-unverified'
  /** Sent to the staff-notices address by someone the policy does not know as staff. */
  | 'staff-notices-reply'
  /** From the staff address of a person the case it quotes is about: never written onto that case; its handler decides. */
  | 'staff-about';

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
  /**
   * Why it was taken for automatic mail: for an automatic reply the header evidence that a machine wrote it, for one
   * possibly automatic the signs, none of them proof.
   */
  readonly evidence?: readonly string[];
  /**
   * The first words of its text, as messages held before `text` was kept have them. None for a message marked
   * confidential: its words are read only in its case.
   */
  readonly excerpt?: string;
  /** The addresses it was sent to (its To and Cc), so that a person sees which of ours it reached. */
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  /**
   * The message as text (its text part, or its HTML turned to text by the mail parser; never the HTML), bounded,
   * so that a person can judge it without the raw message. None for a message marked confidential: its words are
   * read only in its case.
   */
  readonly text?: string;
  /** Its HTML was too large or too deep to turn into text within the parser's limits, so `text` may be missing words. */
  readonly textNotConverted?: boolean;
  /** Its attachments as the parser listed them; their bytes stay beside the raw message. */
  readonly attachments?: readonly HeldAttachment[];
  /**
   * The policy's roles it may be about (its words name them, or it was sent to the address for complaints about
   * them): they are not told of it and do not see it among held mail.
   */
  readonly aboutRoles?: readonly string[];
  /** What a person decided: released into a case, or discarded with a reason. Absent while it waits. */
  readonly settled?: HeldSettlement;
  /** When who sent it and what it said were destroyed (with the case it was released into, or on retention). */
  readonly destroyedAt?: string;
}

/** An attachment of a held message, as a person deciding on it sees it listed. */
export interface HeldAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** A kind that can run code when opened (the parser's judgement). */
  readonly dangerous: boolean;
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

/**
 * Held as automatic mail with nothing in its headers to show a machine wrote it: possibly a person's complaint, so
 * it is shown to staff as such. An automatic reply held before its evidence was recorded counts as one.
 */
export function heldWithoutProof(held: HeldMessage): boolean {
  return held.reason === 'possibly-automatic' || (held.reason === 'auto-reply' && !held.evidence?.length);
}
