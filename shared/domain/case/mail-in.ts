import { londonDate } from '#domain/calendar/london-date';
import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { caseMailNotice, undeliverableNotice } from '#domain/letters/staff-notices';
import { threadKey } from '#domain/mail/message-id';
import type { SenderAuthentication } from '#domain/mail/sender-authentication';
import type { Policy } from '#domain/policy/policy-schema';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import type { CaseChange } from './case-change.js';
import type { AttachmentRecord, Case } from './case.js';
import { confirmAddress, replyConfirmation, unconfirmedReplyWords } from './confirm-address.js';
import { openNextStageWindow } from './next-stage-window.js';
import { noticeAddress } from './route-case.js';
import { timelineEvent } from './timeline-event.js';
import { stageName } from '#domain/policy/policy-lookups';

/** A message that joins a case: who sent it, what it says, and the key that makes it one happening. */
export interface MailOnCase {
  /** A digest of the message's bytes: the same message delivered twice is recorded once. */
  readonly key: string;
  readonly rawKey: string;
  readonly receivedAt: string;
  readonly sender: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId?: string;
  readonly automatic: boolean;
  /** Files that came with it and were stored, added to the case's attachments. */
  readonly attachments?: readonly AttachmentRecord[];
  /** What the receiving service's checks say of its From (SES's SPF, DKIM and DMARC verdicts). */
  readonly senderAuthentication?: SenderAuthentication;
}

/**
 * A message on a case (a reply from the complainant or a participant, or an automatic reply) goes on its
 * timeline; a person's message is also sent to the handler (for a confidential case, only that mail arrived).
 */
export function recordMailIn(policy: Policy, c: Case, mail: MailOnCase, sending: Sending, now: string): CaseChange {
  const subject = boundText(mail.subject, TEXT_BOUNDS.subject);
  const event = timelineEvent({
    id: `mail-in-${mail.key.slice(0, 16)}`,
    at: mail.receivedAt,
    type: 'mail-in',
    actor: mail.sender,
    summary: mail.automatic ? `Automatic reply from ${mail.sender}` : `Message from ${mail.sender}`,
    // The words are kept as text (mail's HTML already turned to text), so staff read them without opening raw
    // mail; destruction at retention drops them with the rest of the detail.
    detail: { rawKey: mail.rawKey, subject, messageId: mail.messageId, automatic: mail.automatic, text: boundText(mail.text, TEXT_BOUNDS.summary), ...(mail.attachments?.length ? { attachments: mail.attachments.map((a) => a.filename) } : {}) },
  });
  const withFiles: Case = mail.attachments?.length ? { ...c, attachments: [...c.attachments, ...mail.attachments] } : c;
  // A reply from a form address confirms it only when it carries the code that only the letter sent there has:
  // its From line proves nothing, since anyone can write any From.
  const confirmation = replyConfirmation(c, mail);
  const confirmedChange = confirmation === 'confirms' ? confirmAddress(policy, withFiles, { by: 'reply', at: mail.receivedAt, sender: mail.sender, key: mail.key }, now, sending) : undefined;
  const changed: Case = confirmedChange ? confirmedChange.case : { ...withFiles, updatedAt: now };
  const addressWords = confirmation && confirmation !== 'confirms' ? unconfirmedReplyWords(mail.sender, confirmation) : undefined;
  const confirmed = confirmedChange
    ? [...confirmedChange.events]
    : addressWords
      ? [timelineEvent({ id: `email-not-confirmed-${mail.key.slice(0, 16)}`, at: mail.receivedAt, type: 'note', actor: 'redress', summary: addressWords })]
      : [];
  // Complainants answer an outcome letter by email rather than find a form: while the window is open, such a reply
  // may be the request for the next stage, and staff are asked to confirm it (one action: case escalate).
  const open = mail.automatic ? undefined : openNextStageWindow(policy, c, londonDate(mail.receivedAt));
  const nextStageName = open ? (stageName(policy, open.nextStage)) : undefined;
  const words = mail.text.trim() ? { words: boundText(mail.text.trim(), TEXT_BOUNDS.grounds) } : {};
  const request = open ? { at: mail.receivedAt, from: mail.sender, ...(open.window ? { windowEnds: open.window.dueDate } : {}), ...words } : undefined;
  const flagged: Case = request ? { ...changed, possibleNextStageRequest: request } : changed;
  const asked = request
    ? [
        timelineEvent({
          id: `possible-request-${mail.key.slice(0, 16)}`,
          at: mail.receivedAt,
          type: 'note',
          actor: 'redress',
          summary: `This message came while ${nextStageName} can be asked for${request.windowEnds ? ` (until ${request.windowEnds})` : ''}: it may be a request for it. If it is, confirm with case escalate ${c.reference}`,
        }),
      ]
    : [];
  return {
    case: flagged,
    events: [event, ...confirmed, ...asked],
    letters: [
      // Confirmed: the acknowledgement (or the request for a signature) it was owed, and any stage notice.
      ...(confirmedChange?.letters ?? []),
      ...(mail.automatic
      ? []
      : [
          noticeToStaff(
            policy,
            c.reference,
            c.reference,
            [noticeAddress(policy, c, c.handlerRole, sending.operatorEmail)],
            // The case as this message leaves it: a reply that confirmed the address has met the acknowledge deadline.
            caseMailNotice(policy, flagged, subject, mail.text, sending, request && nextStageName ? { nextStage: nextStageName, ...(request.windowEnds ? { windowEnds: request.windowEnds } : {}) } : undefined, addressWords),
            'mail-notice',
            mail.key.slice(0, 16),
            sending,
          ),
        ]),
    ],
    threadKeys: [...(mail.messageId ? [threadKey(mail.messageId)] : []), ...(confirmedChange?.threadKeys ?? [])],
    deadlinesChanged: confirmedChange?.deadlinesChanged ?? false,
  };
}

/** A delivery failure about a case: the complainant's address is marked undeliverable and the handler told. */
export function recordBounce(policy: Policy, c: Case, bounce: { key: string; rawKey: string; receivedAt: string; reporter: string; subject: string }, sending: Sending, now: string): CaseChange {
  const changed: Case = {
    ...c,
    flags: c.flags.includes('complainant-undeliverable') ? c.flags : [...c.flags, 'complainant-undeliverable'],
    updatedAt: now,
  };
  return {
    case: changed,
    events: [
      timelineEvent({
        id: `undeliverable-${bounce.key.slice(0, 16)}`,
        at: bounce.receivedAt,
        type: 'undeliverable',
        actor: bounce.reporter,
        summary: "Mail to the complainant's address could not be delivered",
        detail: { rawKey: bounce.rawKey, subject: boundText(bounce.subject, TEXT_BOUNDS.subject) },
      }),
    ],
    letters: [
      noticeToStaff(policy, c.reference, c.reference, [noticeAddress(policy, c, c.handlerRole, sending.operatorEmail)], undeliverableNotice(policy, changed, sending), 'undeliverable-notice', bounce.key.slice(0, 16), sending),
    ],
    threadKeys: [],
    deadlinesChanged: false,
  };
}
