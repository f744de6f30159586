import type { MailAddress } from '#domain/mail/parsed-email';
import type { LetterKind } from '#domain/policy/policy-schema';

/**
 * What a letter or notice is for: shown on the case, counted, and part of its id. A complainant's letter is
 * one of the kinds of ../shared/conventions/case-actions.md ('confirm-address' is the one letter to an address
 * typed into the web form); the rest are notices to staff.
 */
export type LetterPurpose =
  | LetterKind
  | 'new-case-notice'
  | 'assigned-notice'
  | 'next-stage-request-notice'
  /** The handler of a stage the case has just entered (asked for, or moved on by the policy). */
  | 'stage-notice'
  /** A copy of a stage's response for a role the policy shares it with (the council's Director, Chief Executive). */
  | 'response-copy'
  | 'mail-notice'
  | 'undeliverable-notice'
  | 'held-notice'
  | 'reminder'
  | 'escalation'
  | 'closed-notice'
  | 'digest'
  | 'annual-report'
  | 'dead-letter-notice'
  /** The weekly look for themes (LGSCO 9.4), to the roles the report is for. */
  | 'themes-notice'
  /** The quarter's figures for the Member Responsible for Complaints (LGSCO 9.5-9.7). */
  | 'quarterly-summary';

/** A letter the domain decided to send, ready for the outbox: addressed, rendered, with a stable id. */
export interface LetterToSend {
  /** Unique and stable for one decision, so that deciding it again (a retry) cannot queue it twice. */
  readonly id: string;
  readonly purpose: LetterPurpose;
  /** The case it is about, when it is about one. */
  readonly reference?: string;
  readonly toComplainant: boolean;
  readonly from: MailAddress;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Our Message-ID, decided with the letter, so that replies thread to the case even before it is sent. */
  readonly messageId: string;
  /** Machine-written mail says so (RFC 3834), so that auto-responders do not answer it. */
  readonly autoSubmitted: 'auto-replied' | 'auto-generated';
}

/** A letter's words, which never change once decided: the outbox keeps them apart from what does. */
export type LetterBody = Pick<LetterToSend, 'text' | 'html'>;
/** A letter without its words: enough to list it, order it and record it sent. */
export type LetterHeader = Omit<LetterToSend, 'text' | 'html'>;

/**
 * What the outbox holds: letters to send, and timer intents (a case's timers to be made to match its
 * deadlines). Both are written in the same write as the case change that causes them.
 */
export type OutboxItem =
  | { readonly kind: 'letter'; readonly id: string; readonly letter: LetterToSend }
  /** The case's timers are to be made to match its deadlines as of this version of the case. */
  | { readonly kind: 'timers'; readonly id: string; readonly reference: string; readonly caseVersion: number };

/** An outbox item as listed: a letter's header without its body. */
export type ListedOutboxItem = Exclude<OutboxItem, { kind: 'letter' }> | { readonly kind: 'letter'; readonly id: string; readonly letter: LetterHeader };

export function letterItem(letter: LetterToSend): OutboxItem {
  return { kind: 'letter', id: letter.id, letter };
}

export function timersItem(reference: string, caseVersion: number): OutboxItem {
  return { kind: 'timers', id: `${reference}.timers.c${caseVersion}`, reference, caseVersion };
}

/** A complainant's first letter for a case: it takes the sender's one acknowledgement of the day. */
export function isAcknowledgement(letter: Pick<LetterToSend, 'purpose'>): boolean {
  return letter.purpose === 'acknowledgement' || letter.purpose === 'confirm-address' || letter.purpose === 'signature-request';
}
