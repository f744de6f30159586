import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { headerSafe } from '#domain/letters/letter';
import type { Mailer, OutboundEmail } from '#application/ports/mailer';
import { mailboxHeader } from './mailbox-header.js';
import { CASE_TAG, LETTER_HEADER, LETTER_TAG, letterTagValue, tagValue } from './ses-delivery-event.js';

const UTF8 = 'UTF-8';

/**
 * Sends through SES v2 SendEmail with simple content (on AWS, or the aws-ses-v2-local emulator locally): SES
 * composes the MIME message, so no composer ships in the outbox. SES gives every message its own Message-ID
 * whatever we set, so none is sent; replies quote SES's, which the outbox records against the case. SES takes
 * no idempotency key: the letter's id goes as a tag (its Send event carries it back to the outbox entry) and as a
 * header, so that a letter sent by an attempt that was cut off before recording it can be found, not sent again.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly configurationSet?: string,
  ) {}

  async send(email: OutboundEmail): Promise<string> {
    const letterTag = letterTagValue(email.id);
    const tags = [
      // SES's bounce, complaint and delivery events carry the tag back, and so find the case (mail events).
      ...(email.reference ? [{ Name: CASE_TAG, Value: tagValue(email.reference) }] : []),
      ...(letterTag ? [{ Name: LETTER_TAG, Value: letterTag }] : []),
    ];
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: mailboxHeader(email.from.name, email.from.address),
        Destination: { ToAddresses: email.to.map((a) => headerSafe(a)) },
        Content: {
          Simple: {
            // SES encodes the subject for the header; headerSafe has already removed any line break in it.
            Subject: { Data: headerSafe(email.subject), Charset: UTF8 },
            Body: { Text: { Data: email.text, Charset: UTF8 }, Html: { Data: email.html, Charset: UTF8 } },
            Headers: [
              { Name: 'Auto-Submitted', Value: email.autoSubmitted },
              // Asks Exchange and others not to send out-of-office replies to this mail.
              { Name: 'X-Auto-Response-Suppress', Value: 'All' },
              { Name: LETTER_HEADER, Value: headerSafe(email.id) },
            ],
          },
        },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
        ...(tags.length > 0 ? { EmailTags: tags } : {}),
      }),
    );
    if (!result.MessageId) throw new Error('SES accepted the message but returned no MessageId');
    return result.MessageId;
  }

  /** SES cannot be asked what it took: its Send event, recorded on the outbox entry by mail events, says so instead. */
  async acceptedEarlier(_letterId: string): Promise<string | undefined> {
    return undefined;
  }
}
