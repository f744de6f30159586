import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { goesByPost, letterFor } from '#domain/letters/complainant-letter';
import { messageFacts } from '#domain/letters/letter-view';
import { restrictedMailNotice } from '#domain/letters/restricted-mail-notice';
import { restrictedMailReceipt } from '#domain/letters/restriction-letter';
import { londonDate } from '#domain/calendar/london-date';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseChange } from './case-change.js';
import type { Case } from './case.js';
import type { ContactRestriction } from './contact-restriction.js';
import { recordMailIn, type MailOnCase } from './mail-in.js';
import type { MailHandling } from './restricted-mail.js';
import { noticeAddress } from './route-case.js';
import { timelineEvent } from './timeline-event.js';

/**
 * A restricted person's message on a case: recorded as any message is (on the timeline, its words kept, its
 * thread joined), and sent to the point of contact instead of the handler's usual notice. To them, only what the
 * restriction allows (`handling.answer`): a receipt by email, or nothing; letters the case already owed them (an
 * acknowledgement their reply releases) still go.
 */
export function recordRestrictedMail(policy: Policy, c: Case, restriction: ContactRestriction, mail: MailOnCase, handling: Extract<MailHandling, { restricted: true }>, sending: Sending, now: string): CaseChange {
  const base = recordMailIn(policy, c, mail, sending, now);
  const key = mail.key.slice(0, 16);
  const receipt = handling.answer === 'receipt' && !goesByPost(base.case) ? letterFor(policy, base.case, messageFacts(policy, base.case, restrictedMailReceipt(policy, restriction, londonDate(mail.receivedAt))), `restricted-${key}`, now, sending) : undefined;
  const answered = receipt ? 'receipt' : 'none';
  const notice = noticeToStaff(
    policy,
    c.reference,
    c.reference,
    [noticeAddress(policy, c, restriction.pointOfContact.role, sending.operatorEmail)],
    restrictedMailNotice(policy, base.case, restriction, { subject: mail.subject, text: mail.text }, answered, handling.mayBeNewComplaint, sending),
    'mail-notice',
    `${key}-restricted`,
    sending,
  );
  const note = timelineEvent({
    id: `restricted-mail-${key}`,
    at: mail.receivedAt,
    type: 'restricted-mail',
    actor: 'redress',
    summary: `Contact is restricted: this message is kept here and was sent to ${restriction.pointOfContact.name}, the point of contact; Redress ${answered === 'receipt' ? 'sent them a short receipt' : 'sent them nothing'}${handling.mayBeNewComplaint ? '; it replied to no case of theirs, so it may raise something new' : ''}`,
  });
  return {
    ...base,
    events: [...base.events, note, ...(receipt?.events ?? [])],
    letters: [...base.letters.filter((l) => l.toComplainant), ...(receipt?.letters ?? []), notice],
    threadKeys: [...base.threadKeys, ...(receipt?.threadKeys ?? [])],
  };
}
