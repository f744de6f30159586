/** Messages built to stall or exhaust a parser are parsed within bounds, and attachments follow the limits. */
import { describe, expect, it, beforeAll } from 'vitest';
import { parseEmail } from '#adapters/mail/parse-email';
import { DEFAULT_PARSE_LIMITS } from '#domain/mail/email-parse-limits';
import { complaintEmail, deliver } from '#tests/support/deliver';
import { testStack, type TestStack } from '#tests/support/test-stack';

function multipart(parts: string[], headers: string[] = []): string {
  return [
    'From: Hostile <hostile@example.net>',
    'To: complaints@county-council.example',
    'Subject: crafted',
    `Message-ID: <h.${Math.random()}@example.net>`,
    ...headers,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="XX"',
    '',
    ...parts.flatMap((p) => ['--XX', p]),
    '--XX--',
    '',
  ].join('\r\n');
}

describe('bounded parsing', () => {
  it('a 5 MB format=flowed part parses in one pass', async () => {
    const line = 'a complaint line that soft-wraps and goes on '.repeat(2) + '\r\n';
    const body = line.repeat(Math.ceil(5_000_000 / line.length));
    const raw = multipart([`Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\r\n\r\n${body}`]);
    const email = await parseEmail(Buffer.from(raw));
    expect(email.text.length).toBeGreaterThan(4_000_000);
  });

  it('thousands of MIME parts are cut at the configured number of parts', async () => {
    const parts = Array.from({ length: 5000 }, (_, i) => `Content-Type: text/plain\r\nContent-Disposition: attachment; filename="p${i}.txt"\r\n\r\nx`);
    const raw = Buffer.from(multipart(parts));
    await expect(parseEmail(raw, { ...DEFAULT_PARSE_LIMITS, maxMimeParts: 200 })).rejects.toThrow(/^cannot read this email: Max allowed child nodes exceeded/);
  });

  it('megabytes of HTML are kept but not turned into text past the limit', async () => {
    const html = `<html><body>${'<div><p>nested text</p></div>'.repeat(200_000)}</body></html>`;
    const raw = multipart([`Content-Type: text/html; charset=utf-8\r\n\r\n${html}`]);
    const email = await parseEmail(Buffer.from(raw), { ...DEFAULT_PARSE_LIMITS, maxHtmlLengthToParse: 1_000_000 });
    expect(email.text).toBe('');
    expect(email.textNotConverted).toBe(true);
  });
});

describe('hostile mail through intake', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await testStack({ REDRESS_MAX_MIME_PARTS: '200', REDRESS_MAX_ATTACHMENTS: '2', REDRESS_MAX_ATTACHMENT_BYTES: '1000' });
  });

  it('a message with too many parts is held as unparseable, never lost', async () => {
    const parts = Array.from({ length: 1000 }, () => 'Content-Type: text/plain\r\n\r\nx');
    const result = await deliver(stack, Buffer.from(multipart(parts)), { recipients: ['complaints@county-council.example'] });
    expect(result).toMatchObject([{ kind: 'held', reason: 'unparseable' }]);
  });

  it('stores attachments beside the raw message, flags dangerous ones, and leaves those over the limits in the raw message', async () => {
    const raw = multipart([
      'Content-Type: text/plain\r\n\r\nPlease see the attached.',
      'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="letter.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + Buffer.from('%PDF-1.4 small').toString('base64'),
      'Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="invoice.exe"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + Buffer.from('MZ').toString('base64'),
      'Content-Type: text/plain\r\nContent-Disposition: attachment; filename="third.txt"\r\n\r\nover the count limit',
    ]);
    const result = await deliver(stack, Buffer.from(raw), { recipients: ['complaints@county-council.example'] });
    if (result[0]?.kind !== 'case-opened') throw new Error(`no case: ${JSON.stringify(result)}`);
    const c = await stack.cases.get(result[0].reference);
    expect(c?.attachments.map((a) => [a.filename, a.size, a.dangerous])).toEqual([
      ['letter.pdf', 14, false],
      ['invoice.exe', 2, true],
    ]);
    expect(c?.flags).toEqual(expect.arrayContaining(['dangerous-attachment', 'attachments-over-limit']));
    for (const a of c?.attachments ?? []) expect(await stack.rawMail.size(a.storageKey)).toBe(a.size);
  });

  it('an attachment over the size limit is not stored separately', async () => {
    const big = Buffer.alloc(5000, 65).toString('base64');
    const raw = multipart(['Content-Type: text/plain\r\n\r\nbig file', `Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="big.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}`]);
    const result = await deliver(stack, Buffer.from(raw), { recipients: ['complaints@county-council.example'] });
    if (result[0]?.kind !== 'case-opened') throw new Error('no case');
    const c = await stack.cases.get(result[0].reference);
    expect(c?.attachments).toEqual([]);
    expect(c?.flags).toContain('attachments-over-limit');
  });

  it('an ordinary complaint is unaffected by the limits', async () => {
    const mail = complaintEmail({ to: 'complaints@county-council.example' });
    expect(await deliver(stack, mail.raw)).toMatchObject([{ kind: 'case-opened' }]);
  });
});
