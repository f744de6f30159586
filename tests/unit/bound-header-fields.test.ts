/** Each field of a message's header section bounded before the parser sees it: its head and its tail kept; nothing else touched. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BoundHeaderFields } from '#adapters/mail/bound-header-fields';

async function through(raw: string, bound: { head: number; tail: number }, chunkBytes?: number): Promise<string> {
  const bytes = Buffer.from(raw);
  const chunks = chunkBytes ? Array.from({ length: Math.ceil(bytes.length / chunkBytes) }, (_, i) => bytes.subarray(i * chunkBytes, (i + 1) * chunkBytes)) : [bytes];
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(new BoundHeaderFields(bound))) out.push(chunk as Buffer);
  return Buffer.concat(out).toString();
}

describe('BoundHeaderFields', () => {
  const body = `\r\nSubject: not a header: this is the body ${'b'.repeat(40)}\r\n`;
  const raw = ['From: pat@example.net', `Subject: ${'S'.repeat(30)}`, `References: <a@x>`, ` <${'r'.repeat(30)}@x>`, ' <c@x>', 'To: a@b.example', '', body].join('\r\n');
  const cut = ['From: pat@example.net', `Subject: ${'S'.repeat(15)} [...] SSSSSS`, `References: <a@x>`, ' <rrrrr [...]  <c@x>', 'To: a@b.example', '', body];

  it.each([undefined, 1, 2, 7])('keeps a long field’s head and tail, folded lines and all, the rest whole, and the body alone (chunks of %s bytes)', async (chunk) => {
    expect(await through(raw, { head: 24, tail: 6 }, chunk)).toBe(cut.join('\r\n'));
  });

  it('passes a message with no field over the bound unchanged, with LF or CRLF line ends', async () => {
    expect(await through(raw, { head: 1000, tail: 10 }, 3)).toBe(raw);
    const lf = raw.replace(/\r\n/g, '\n');
    expect(await through(lf, { head: 1000, tail: 10 })).toBe(lf);
    expect(await through(lf, { head: 24, tail: 6 }, 1)).toBe(cut.join('\n').replace(/\r\n/g, '\n'));
  });

  it('ends a cut last field before the blank line, and says nothing was left out when nothing was', async () => {
    expect(await through(`Subject: ${'x'.repeat(50)}\r\n\r\nhello\r\n`, { head: 12, tail: 3 }, 5)).toBe('Subject: xxx [...] xxx\r\n\r\nhello\r\n');
    expect(await through('Subject: abcdefghij\r\n\r\nhello\r\n', { head: 12, tail: 10 }, 4)).toBe('Subject: abcdefghij\r\n\r\nhello\r\n');
  });
});
