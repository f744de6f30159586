import type { LetterToSend } from '#domain/outbox/outbox-item';

/** What goes to the mail service: a letter's id, addressing and words, as the domain decided them. */
export type OutboundEmail = Pick<LetterToSend, 'id' | 'from' | 'to' | 'subject' | 'text' | 'html' | 'autoSubmitted' | 'reference'>;

/** Sends mail. One adapter: SES v2 (AWS, or the aws-ses-v2-local emulator). */
export interface Mailer {
  /**
   * Returns the provider's id for the message, which may stand in replies' In-Reply-To. The letter's id goes
   * with it, so that the provider's own record of the message names the letter (SES has no idempotency key).
   */
  send(email: OutboundEmail): Promise<string>;
  /**
   * The provider's id for a message it already took for this letter, where the provider can be asked (the local
   * emulator, the memory fake); undefined when it took none, or cannot be asked (SES: its Send event, recorded
   * on the outbox entry, says it instead).
   */
  acceptedEarlier(letterId: string): Promise<string | undefined>;
}
