import type { Outbox } from '../ports/outbox.js';

export type LetterAcceptedOutcome = 'recorded' | 'already-recorded' | 'not-a-letter';

/**
 * The mail service took a letter (SES's Send event, carrying the letter's id as a tag). Nearly always its sender
 * has recorded it already; when that sender was cut off first, this is what stops the next one sending it again.
 */
export async function recordLetterAccepted(deps: { readonly outbox: Pick<Outbox, 'recordAccepted'> }, letterId: string | undefined, providerMessageId: string): Promise<LetterAcceptedOutcome> {
  if (!letterId) return 'not-a-letter';
  return (await deps.outbox.recordAccepted(letterId, providerMessageId)) ? 'recorded' : 'already-recorded';
}
