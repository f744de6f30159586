import type { SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { LETTER_HEADER } from './ses-delivery-event.js';
import { SesMailer } from './ses-mailer.js';

const store = z.object({
  emails: z.array(z.object({ messageId: z.string(), headers: z.optional(z.array(z.object({ name: z.string(), value: z.string() }))) })),
});

/**
 * The SES mailer against the aws-ses-v2-local emulator (the local stack), which, unlike SES, can be asked what it
 * took: its store (GET /store) keeps each message's headers, and so the letter's id.
 */
export class SesEmulatorMailer extends SesMailer {
  constructor(
    client: SESv2Client,
    private readonly emulatorEndpoint: string,
  ) {
    super(client);
  }

  override async acceptedEarlier(letterId: string): Promise<string | undefined> {
    const response = await fetch(new URL('/store', this.emulatorEndpoint));
    if (!response.ok) throw new Error(`the SES emulator's store answered ${response.status}: is the emulator at ${this.emulatorEndpoint} running?`);
    const { emails } = store.parse(await response.json());
    return emails.find((e) => e.headers?.some((h) => h.name.toLowerCase() === LETTER_HEADER.toLowerCase() && h.value === letterId))?.messageId;
  }
}
