import { rolesOfStaffAddress } from '#domain/policy/staff-addresses';
import type { Policy } from '#domain/policy/policy-schema';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import type { CaseChange } from './case-change.js';
import type { Case } from './case.js';
import type { MailOnCase } from './mail-in.js';
import { rolesAbout } from './named-in-complaint.js';
import { timelineEvent } from './timeline-event.js';

/**
 * Mail from the staff address of a person the case is about (Alumot's CEO writing on a complaint about the CEO):
 * never written onto the case as staff, or they would speak on their own complaint in the organisation's voice.
 * It is held instead, and the case's handler told.
 */
export class StaffMailFromPersonAboutError extends Error {
  constructor(
    readonly reference: string,
    readonly roles: readonly string[],
  ) {
    super(`${reference} is about the ${roles.join(', ')}, whose staff address this mail is from: hold it for the case's handler, never record it on the case`);
    this.name = 'StaffMailFromPersonAboutError';
  }
}

/** The roles the case is about whose staff address the mail is from; empty when it is from someone else. */
export function senderRolesAbout(policy: Policy, c: Pick<Case, 'about' | 'named'>, sender: string): readonly string[] {
  const about = new Set(rolesAbout(c));
  return rolesOfStaffAddress(policy, sender).filter((r) => about.has(r));
}

/**
 * Mail from a member of staff about a case (a reply to a notice, a note sent from their mailbox): kept on the case's
 * timeline as a staff message, apart from the complainant's mail. It is no message from the complainant, so it asks
 * nothing of the case (no next-stage question, no address confirmation), is never shown on the complainant's page,
 * and sends nothing: the person who wrote it is the one who would be told. Never from a person the case is about.
 */
export function recordStaffMail(policy: Policy, c: Case, mail: MailOnCase, now: string): CaseChange {
  const about = senderRolesAbout(policy, c, mail.sender);
  if (about.length > 0) throw new StaffMailFromPersonAboutError(c.reference, about);
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
