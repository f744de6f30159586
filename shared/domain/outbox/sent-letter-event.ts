import type { TimelineEvent } from '#domain/case/case';
import { timelineEvent } from '#domain/case/timeline-event';
import type { LetterHeader } from './outbox-item.js';

/** Why a letter's timeline entry is more than "sent", when its sending was interrupted. */
export type SentNote =
  /** An earlier attempt was cut off after the mail service took the letter: found there and recorded, not sent again. */
  | { readonly foundAlreadySent: true }
  /** An earlier attempt was cut off (its lease ran out then) with no word from the mail service: sent now. */
  | { readonly earlierAttemptCutOff: string };

/**
 * The case's record of a letter sent: what, to whom, the mail service's id; and, where an earlier attempt was
 * cut off with no word from the mail service, that it may have gone twice, so that staff can answer for it.
 */
export function sentLetterEvent(outboxId: string, letter: LetterHeader, providerMessageId: string, at: string, note?: SentNote): TimelineEvent {
  const sent = `Sent ${letter.purpose.replace(/-/g, ' ')} to ${letter.to.join(', ')}`;
  return timelineEvent({
    id: `mail-out-${outboxId}`,
    at,
    type: 'mail-out',
    actor: 'redress',
    summary: note && 'earlierAttemptCutOff' in note ? `${sent} (an earlier attempt was cut off before it was recorded: it may have gone twice)` : sent,
    detail: { to: letter.to, subject: letter.subject, messageId: letter.messageId, providerMessageId, outboxId, ...note },
  });
}
