import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer, OutboundEmail } from '#application/ports/mailer';
import { composeMime } from './compose-mime.js';
import { CASE_TAG, tagValue } from './ses-delivery-event.js';

/** Sends through SES v2 SendEmail with raw MIME: on AWS, or the aws-ses-v2-local emulator locally. */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly configurationSet?: string,
  ) {}

  async send(email: OutboundEmail): Promise<string> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: email.from.address,
        Destination: { ToAddresses: [...email.to] },
        Content: { Raw: { Data: await composeMime(email) } },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
        // SES's bounce, complaint and delivery events carry the tag back, and so find the case (mail events).
        ...(email.reference ? { EmailTags: [{ Name: CASE_TAG, Value: tagValue(email.reference) }] } : {}),
      }),
    );
    if (!result.MessageId) throw new Error('SES accepted the message but returned no MessageId');
    return result.MessageId;
  }
}
