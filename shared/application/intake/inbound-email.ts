/** SES receipt verdicts; absent where there was no such check (local SMTP). */
export type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
export interface Verdicts {
  readonly spam?: Verdict;
  readonly virus?: Verdict;
  readonly spf?: Verdict;
  readonly dkim?: Verdict;
  readonly dmarc?: Verdict;
}

/** One delivered message, already stored raw under rawKey. */
export interface InboundEmail {
  readonly rawKey: string;
  /** Envelope recipients; when empty, the To and Cc headers are used. */
  readonly recipients: readonly string[];
  /** The envelope sender (SMTP MAIL FROM, SES's mail.source): the last fallback for who sent it. */
  readonly envelopeFrom?: string;
  readonly receivedAt: string;
  readonly verdicts?: Verdicts;
}

/** `already`: the same message was taken in before (under this raw key or another copy), and this changed nothing. */
export type IntakeOutcome =
  | { readonly kind: 'case-opened'; readonly policyId: string; readonly reference: string; readonly acknowledged: boolean; readonly already?: true }
  | { readonly kind: 'threaded'; readonly policyId: string; readonly reference: string; readonly already?: true }
  /** Mail from a member of staff recorded on the case it quotes, as staff mail: never a complaint. */
  | { readonly kind: 'staff-mail-recorded'; readonly policyId: string; readonly reference: string; readonly already?: true }
  | { readonly kind: 'bounce-recorded'; readonly policyId: string; readonly reference: string; readonly already?: true }
  | { readonly kind: 'held'; readonly policyId?: string; readonly reason: string; readonly heldId: string };
