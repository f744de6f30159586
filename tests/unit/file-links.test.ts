/** Links to a case's files: the local signed link and S3's presigned GET, and the headers a download goes with. */
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { downloadDisposition, downloadType } from '#adapters/download-headers';
import { SealedFileLinks } from '#adapters/http/sealed-file-links';
import { seal } from '#adapters/http/sealed-cookie';
import { S3FileLinks } from '#adapters/s3/s3-file-links';

const file = { filename: 'ticket (1).pdf', contentType: 'application/pdf', size: 19, storageKey: 'attachments/inbound/x.eml/0-ticket_1_.pdf', dangerous: false };

describe('the local file link', () => {
  it('names its file until it expires, and nothing after', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const links = new SealedFileLinks('a-session-secret-of-enough-length', 'http://localhost:3000/', 300, () => now);
    const link = await links.linkTo(file);
    expect(link).toMatch(/^http:\/\/localhost:3000\/console\/files\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const token = link.split('/').pop() as string;
    expect(links.open(token)).toEqual({ storageKey: file.storageKey, filename: file.filename, contentType: file.contentType });
    now += 299_000;
    expect(links.open(token)).toBeDefined();
    now += 2_000;
    expect(links.open(token)).toBeUndefined();
  });

  it('refuses a link altered, made with another secret, or a session cookie passed off as one', async () => {
    const now = () => Date.parse('2026-12-01T10:00:00Z');
    const links = new SealedFileLinks('a-session-secret-of-enough-length', 'http://localhost:3000', 300, now);
    const token = (await links.linkTo(file)).split('/').pop() as string;
    const [body, signature] = token.split('.') as [string, string];
    const altered = Buffer.from(Buffer.from(body, 'base64url').toString('utf8').replace('ticket', 'secret')).toString('base64url');
    expect(links.open(`${altered}.${signature}`)).toBeUndefined();
    expect(new SealedFileLinks('another-secret-of-enough-length!!', 'http://localhost:3000', 300, now).open(token)).toBeUndefined();
    // Sealed with the session's own key, as the session cookie is: not a file link.
    const cookie = seal({ k: file.storageKey, n: 'x', t: 'text/plain' }, 'a-session-secret-of-enough-length', now() + 60_000);
    expect(links.open(cookie)).toBeUndefined();
  });
});

describe("S3's presigned link", () => {
  it('is a GET of the one object, for the configured seconds, sent as a download with a safe type', async () => {
    const client = new S3Client({ region: 'eu-west-2', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' } });
    const url = new URL(await new S3FileLinks(client, 'redress-raw-mail', 300).linkTo({ ...file, contentType: 'text/html' }));
    expect(url.host).toBe('redress-raw-mail.s3.eu-west-2.amazonaws.com');
    expect(decodeURIComponent(url.pathname)).toBe(`/${file.storageKey}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-2\/s3\/aws4_request$/);
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename="ticket (1).pdf"; filename*=UTF-8''ticket%20%281%29.pdf`);
    expect(url.searchParams.get('response-content-type')).toBe('application/octet-stream');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('download headers', () => {
  it('always a download, under a name that cannot break the header', () => {
    expect(downloadDisposition('a"b;c\r\nSet-Cookie: x.pdf')).toBe(`attachment; filename="a_b_c__Set-Cookie: x.pdf"; filename*=UTF-8''a%22b%3Bc%0D%0ASet-Cookie%3A%20x.pdf`);
    expect(downloadDisposition('Résumé.pdf')).toBe(`attachment; filename="R_sum_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`);
    expect(downloadDisposition('')).toBe(`attachment; filename="file"; filename*=UTF-8''`);
  });

  it('keeps a plain media type and sends anything that could run script as bytes', () => {
    expect(downloadType('application/pdf; name="x.pdf"')).toBe('application/pdf');
    expect(downloadType('IMAGE/JPEG')).toBe('image/jpeg');
    for (const risky of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/javascript', 'nonsense', '']) expect(downloadType(risky)).toBe('application/octet-stream');
  });
});
