import type { LetterToSend } from '#domain/outbox/outbox-item';

/** What goes to the mail service: a letter's addressing and words, as the domain decided them. */
export type OutboundEmail = Pick<LetterToSend, 'from' | 'to' | 'subject' | 'text' | 'html' | 'autoSubmitted' | 'reference'>;

/** Sends mail. One adapter: SES v2 (AWS, or the aws-ses-v2-local emulator). */
export interface Mailer {
  /** Returns the provider's id for the message, which may stand in replies' In-Reply-To. */
  send(email: OutboundEmail): Promise<string>;
}
