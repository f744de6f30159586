import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { headerSafe } from '#domain/letters/letter';
import type { OutboundEmail } from '#application/ports/mailer';

/**
 * Builds the raw MIME message, so that our Message-ID, threading headers and Auto-Submitted go out as set.
 * nodemailer's composer encodes every header; headerSafe removes line breaks before that, so no value
 * from a complainant can add a header.
 */
export async function composeMime(email: OutboundEmail): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: headerSafe(email.from.name), address: email.from.address },
    to: email.to.map((a) => headerSafe(a)),
    subject: headerSafe(email.subject),
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
    ...(email.references?.length ? { references: [...email.references] } : {}),
    headers: {
      'Auto-Submitted': email.autoSubmitted,
      // Asks Exchange and others not to send out-of-office replies to this mail.
      'X-Auto-Response-Suppress': 'All',
    },
  });
  return composer.compile().build();
}
