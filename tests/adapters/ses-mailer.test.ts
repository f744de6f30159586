/**
 * The SES mailer against the aws-ses-v2-local emulator: the message SES is asked to compose and send, and the
 * request around it. A letter about a case goes through the deployment's configuration set with a `case` tag, so
 * that SES's bounce, complaint and delivery events find the case; a notice about no case carries no tag.
 */
import { SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxHeader } from '#adapters/ses/mailbox-header';
import { letterIdFromTag } from '#adapters/ses/ses-delivery-event';
import { SesEmulatorMailer } from '#adapters/ses/ses-emulator-mailer';
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
  id: 'CCC-2026-0001.acknowledgement.stage-1-received',
  from: { name: 'County Council complaints', address: 'complaints@county-council.example' },
  to: ['pat@example.net'],
  subject: '[CCC-2026-0001] We have received your complaint',
  text: 'Dear Pat,\n\nWe have received your complaint.\n',
  html: '<p>Dear Pat,</p><p>We have received your complaint.</p>',
  autoSubmitted: 'auto-replied',
  ...over,
});

describe('SesMailer', () => {
  it('sends a letter about a case through the configuration set, tagged with its case and its letter id, for SES to compose', async () => {
    requests.length = 0;
    const id = await new SesMailer(client, 'Redress-sending').send(letter({ reference: 'CCC-2026-0001' }));
    expect(requests).toEqual([
      {
        FromEmailAddress: '"County Council complaints" <complaints@county-council.example>',
        Destination: { ToAddresses: ['pat@example.net'] },
        Content: {
          Simple: {
            Subject: { Data: '[CCC-2026-0001] We have received your complaint', Charset: 'UTF-8' },
            Body: { Text: { Data: 'Dear Pat,\n\nWe have received your complaint.\n', Charset: 'UTF-8' }, Html: { Data: '<p>Dear Pat,</p><p>We have received your complaint.</p>', Charset: 'UTF-8' } },
            Headers: [
              { Name: 'Auto-Submitted', Value: 'auto-replied' },
              { Name: 'X-Auto-Response-Suppress', Value: 'All' },
              { Name: 'X-Redress-Letter', Value: 'CCC-2026-0001.acknowledgement.stage-1-received' },
            ],
          },
        },
        ConfigurationSetName: 'Redress-sending',
        EmailTags: [
          { Name: 'case', Value: 'CCC-2026-0001' },
          { Name: 'letter', Value: 'Q0NDLTIwMjYtMDAwMS5hY2tub3dsZWRnZW1lbnQuc3RhZ2UtMS1yZWNlaXZlZA' },
        ],
      },
    ]);
    // SES's tag alphabet is letters, digits, "_" and "-": the letter's id goes in base64url and comes back whole.
    expect(letterIdFromTag(requests[0]?.EmailTags?.[1]?.Value as string)).toBe('CCC-2026-0001.acknowledgement.stage-1-received');
    const [stored] = await sentEmails(ses.endpoint, 'pat@example.net');
    expect(stored).toMatchObject({
      messageId: id,
      from: '"County Council complaints" <complaints@county-council.example>',
      subject: '[CCC-2026-0001] We have received your complaint',
      body: { text: 'Dear Pat,\n\nWe have received your complaint.\n' },
      headers: [
        { name: 'Auto-Submitted', value: 'auto-replied' },
        { name: 'X-Auto-Response-Suppress', value: 'All' },
        { name: 'X-Redress-Letter', value: 'CCC-2026-0001.acknowledgement.stage-1-received' },
      ],
    });
  });

  it('cannot ask SES what it took; against the emulator, finds a letter it took by its id, and nothing for one it did not', async () => {
    const sent = await new SesMailer(client).send(letter({ id: 'CCC-2026-0002.acknowledgement.stage-1-received', to: ['kim@example.net'] }));
    expect(await new SesMailer(client).acceptedEarlier('CCC-2026-0002.acknowledgement.stage-1-received')).toBeUndefined();
    const emulator = new SesEmulatorMailer(client, ses.endpoint);
    expect(await emulator.acceptedEarlier('CCC-2026-0002.acknowledgement.stage-1-received')).toBe(sent);
    expect(await emulator.acceptedEarlier('CCC-2026-0003.acknowledgement.stage-1-received')).toBeUndefined();
  });

  it('tags mail about no case (a digest) with its letter alone, and names no configuration set where none is set (locally)', async () => {
    requests.length = 0;
    await new SesMailer(client).send(letter({ id: 'digest.county-council.2026-11-23', subject: 'Complaints digest', to: ['officer@county-council.example'] }));
    expect(requests[0]?.EmailTags?.map((t) => t.Name)).toEqual(['letter']);
    expect(requests[0]).not.toHaveProperty('ConfigurationSetName');
  });

  it('lets no line break from a subject or a name into a header', async () => {
    requests.length = 0;
    await new SesMailer(client).send(letter({ subject: 'Help\r\nBcc: victim@example.org', from: { name: 'Council\r\nBcc: x@example.org', address: 'complaints@county-council.example' } }));
    expect(requests[0]?.Content?.Simple?.Subject?.Data).toBe('Help Bcc: victim@example.org');
    expect(requests[0]?.FromEmailAddress).toBe('"Council Bcc: x@example.org" <complaints@county-council.example>');
  });
});

describe('mailboxHeader', () => {
  it('quotes a plain name, escaping its quotes and backslashes', () => {
    expect(mailboxHeader('Alumot complaints', 'a@alumot.example')).toBe('"Alumot complaints" <a@alumot.example>');
    expect(mailboxHeader('The "Best" \\ Trust', 'a@t.example')).toBe('"The \\"Best\\" \\\\ Trust" <a@t.example>');
    expect(mailboxHeader('  ', 'a@t.example')).toBe('a@t.example');
  });

  it('encodes any other name in RFC 2047 words of at most 75 characters, never splitting a character', () => {
    const name = 'Cyngor Sir Ynys Môn — cwynion a sylwadau am ein gwasanaethau 📬';
    const header = mailboxHeader(name, 'cwynion@ynysmon.example');
    const words = header.replace(/ <[^>]+>$/, '').split(' ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) {
      expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(w.length).toBeLessThanOrEqual(75);
    }
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8'));
    expect(decoded.join('')).toBe(name);
    expect(decoded.every((d) => !d.includes('\ufffd'))).toBe(true);
    expect(header.endsWith(' <cwynion@ynysmon.example>')).toBe(true);
  });
});
