import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import type { CaseChange } from './case-change.js';
import type { Case } from './case.js';
import type { MailOnCase } from './mail-in.js';
import { timelineEvent } from './timeline-event.js';

/**
 * Mail from a member of staff about a case (a reply to a notice, a note sent from their mailbox): kept on the case's
 * timeline as a staff message, apart from the complainant's mail. It is no message from the complainant, so it asks
 * nothing of the case (no next-stage question, no address confirmation), is never shown on the complainant's page,
 * and sends nothing: the person who wrote it is the one who would be told.
 */
export function recordStaffMail(c: Case, mail: MailOnCase, now: string): CaseChange {
  const subject = boundText(mail.subject, TEXT_BOUNDS.subject);
  return {
    case: { ...c, updatedAt: now },
    events: [
      timelineEvent({
        id: `staff-mail-${mail.key.slice(0, 16)}`,
        at: mail.receivedAt,
        type: 'staff-mail',
        actor: mail.sender,
        summary: mail.automatic ? `Automatic reply from staff address ${mail.sender}` : `Staff message from ${mail.sender}`,
        detail: { rawKey: mail.rawKey, subject, messageId: mail.messageId, automatic: mail.automatic, text: boundText(mail.text, TEXT_BOUNDS.summary), ...(mail.senderAuthentication ? { senderAuthentication: mail.senderAuthentication } : {}) },
      }),
    ],
    letters: [],
    threadKeys: [],
    deadlinesChanged: false,
  };
}
