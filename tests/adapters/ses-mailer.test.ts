/**
 * The SES mailer against the aws-ses-v2-local emulator: the raw MIME message it sends, and the request around it.
 * A letter about a case goes through the deployment's configuration set with a `case` tag, so that SES's bounce,
 * complaint and delivery events find the case; a notice about no case carries no tag.
 */
import { SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SesMailer } from '#adapters/ses/ses-mailer';
import type { OutboundEmail } from '#application/ports/mailer';
import { startSesEmulator } from '#local/ses-emulator';
import { sentEmails } from '#tests/support/ses-outbox';

let ses: Awaited<ReturnType<typeof startSesEmulator>>;
let client: SESv2Client;
const requests: SendEmailCommandInput[] = [];

beforeAll(async () => {
  ses = await startSesEmulator(0);
  client = new SESv2Client({ region: 'eu-west-2', endpoint: ses.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  client.middlewareStack.add((next) => async (args) => {
    requests.push(args.input as SendEmailCommandInput);
    return next(args);
  }, { step: 'initialize', name: 'recordRequests' });
});
afterAll(async () => {
  client?.destroy();
  await ses?.stop();
});

const letter = (over: Partial<OutboundEmail> = {}): OutboundEmail => ({
  from: { name: 'County Council complaints', address: 'complaints@county-council.example' },
  to: ['pat@example.net'],
  subject: '[CCC-2026-0001] We have received your complaint',
  text: 'Dear Pat,\n\nWe have received your complaint.',
  html: '<p>Dear Pat,</p><p>We have received your complaint.</p>',
  messageId: '<ccc-2026-0001.ack@redress.test>',
  autoSubmitted: 'auto-replied',
  ...over,
});

describe('SesMailer', () => {
  it('sends a letter about a case through the configuration set, tagged with its case, as raw MIME with our Message-ID', async () => {
    requests.length = 0;
    const id = await new SesMailer(client, 'Redress-sending').send(letter({ reference: 'CCC-2026-0001' }));
    expect(id).toBeTruthy();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ FromEmailAddress: 'complaints@county-council.example', Destination: { ToAddresses: ['pat@example.net'] }, ConfigurationSetName: 'Redress-sending', EmailTags: [{ Name: 'case', Value: 'CCC-2026-0001' }] });
    const raw = Buffer.from(requests[0]?.Content?.Raw?.Data ?? new Uint8Array()).toString('utf8');
    expect(raw).toContain('Message-ID: <ccc-2026-0001.ack@redress.test>');
    expect(raw).toContain('Auto-Submitted: auto-replied');
    const [stored] = await sentEmails(ses.endpoint, 'pat@example.net');
    expect(stored?.subject).toBe('[CCC-2026-0001] We have received your complaint');
  });

  it('tags nothing on mail about no case (a digest), and names no configuration set where none is set (locally)', async () => {
    requests.length = 0;
    await new SesMailer(client).send(letter({ subject: 'Complaints digest', to: ['officer@county-council.example'] }));
    expect(requests[0]).not.toHaveProperty('EmailTags');
    expect(requests[0]).not.toHaveProperty('ConfigurationSetName');
  });
});
