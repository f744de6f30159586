/**
 * Links to a case's files: the console's sealed link, opened only in the session it was made for (issue 23: a leaked
 * link alone opens nothing), then the bytes locally or S3's presigned GET on AWS; and the headers a download goes with.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { downloadDisposition, downloadType } from '#adapters/download-headers';
import { SealedFileLinks } from '#adapters/http/sealed-file-links';
import { seal } from '#adapters/http/sealed-cookie';
import { S3FileLinks } from '#adapters/s3/s3-file-links';
import { DateTime } from 'luxon';
import { consoleApp, type ConsoleDeps } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import type { StaffMember } from '#domain/access/staff-member';
import { memoryStack } from '#tests/support/memory-stack';

const file = { filename: 'ticket (1).pdf', contentType: 'application/pdf', size: 19, storageKey: 'attachments/inbound/x.eml/0-ticket_1_.pdf', dangerous: false };

const MINE = 'session-id-of-the-person-who-opened-the-case';

describe('the file link', () => {
  it('names its file until it expires, and nothing after', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const links = new SealedFileLinks('a-session-secret-of-enough-length', 'http://localhost:3000/', 300, () => now);
    const link = await links.linkTo(file, MINE);
    expect(link).toMatch(/^http:\/\/localhost:3000\/console\/files\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const token = link.split('/').pop() as string;
    expect(links.open(token, MINE)).toEqual({ storageKey: file.storageKey, filename: file.filename, contentType: file.contentType });
    now += 299_000;
    expect(links.open(token, MINE)).toBeDefined();
    now += 2_000;
    expect(links.open(token, MINE)).toBeUndefined();
  });

  it('opens only for the session it was made for; the link never carries the session id itself', async () => {
    const links = new SealedFileLinks('a-session-secret-of-enough-length', '', 300, () => Date.parse('2026-12-01T10:00:00Z'));
    const link = await links.linkTo(file, MINE);
    expect(link).toMatch(/^\/console\/files\//);
    const token = link.split('/').pop() as string;
    expect(links.open(token, 'another-persons-session-id')).toBeUndefined();
    expect(links.open(token, '')).toBeUndefined();
    expect(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8')).not.toContain(MINE);
    expect(links.open(token, MINE)?.filename).toBe(file.filename);
  });

  it('refuses a link altered, made with another secret, without a holder, or a session cookie passed off as one', async () => {
    const now = () => Date.parse('2026-12-01T10:00:00Z');
    const links = new SealedFileLinks('a-session-secret-of-enough-length', 'http://localhost:3000', 300, now);
    const token = (await links.linkTo(file, MINE)).split('/').pop() as string;
    const [body, signature] = token.split('.') as [string, string];
    const altered = Buffer.from(Buffer.from(body, 'base64url').toString('utf8').replace('ticket', 'secret')).toString('base64url');
    expect(links.open(`${altered}.${signature}`, MINE)).toBeUndefined();
    expect(new SealedFileLinks('another-secret-of-enough-length!!', 'http://localhost:3000', 300, now).open(token, MINE)).toBeUndefined();
    // A link as they were made before they had a holder: sealed with the links' key, but it names no one.
    const unheld = seal({ k: file.storageKey, n: 'x', t: 'text/plain' }, 'a-session-secret-of-enough-length#file-links', now() + 60_000);
    expect(links.open(unheld, MINE)).toBeUndefined();
    // Sealed with the session's own key, as the session cookie is: not a file link.
    const cookie = seal({ k: file.storageKey, n: 'x', t: 'text/plain', h: 'x' }, 'a-session-secret-of-enough-length', now() + 60_000);
    expect(links.open(cookie, MINE)).toBeUndefined();
  });
});

describe('a file link in the console', () => {
  const SECRET = 'a-test-session-secret-0123456789';
  const ORIGIN = 'http://localhost:4100';
  const SCAN = { filename: 'letter-3-march.pdf', contentType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 the scanned letter'), description: 'her letter of 3 March, scanned' };
  const MANAGER: StaffMember = { id: 'u-sam', name: 'Sam', email: 'sam@county-council.example', memberships: [{ policyId: 'county-council', role: 'service-manager' }], operator: false };

  /** The console over the memory fakes with the real links, and two people signed in to the same role. */
  async function twoSessions(redirect: boolean) {
    const stack = memoryStack();
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: ORIGIN, REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
    const staffSessions = new MemoryStaffSessions();
    const links = new SealedFileLinks(SECRET, '', 300, () => stack.clock.now().getTime());
    const opened: string[] = [];
    const downloads: ConsoleDeps['downloads'] = async (token, holder) => {
      const found = links.open(token, holder);
      if (!found) return undefined;
      opened.push(found.storageKey);
      return redirect ? { redirectTo: `https://bucket.example/${found.storageKey}?signed` } : { ...found, content: await stack.rawMail.open(found.storageKey) };
    };
    const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: links }, { clientSecret: 'c', sessionSecret: SECRET }, downloads));
    const expiresAt = stack.clock.now().getTime() + 3600_000;
    const cookie = async (sid: string, sub: string, email: string) => {
      await staffSessions.open(sid, sub, expiresAt);
      return `${SESSION_COOKIE}=${seal({ sid, sub, name: sub, email, groups: ['county-council:service-manager'], csrf: 'c' }, SECRET, expiresAt)}`;
    };
    const sam = await cookie('sid-sam', 'u-sam', 'sam@county-council.example');
    const al = await cookie('sid-al', 'u-al', 'al@county-council.example');
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: DateTime.fromISO('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', phone: '01632 960001', summary: 'The bins were missed.', channel: 'phone', confidential: false });
    const acted = await stack.useCases.attach({ kind: 'signed-in', member: MANAGER }, reference, SCAN, { at: DateTime.fromISO('2026-11-26T10:00:00Z') });
    if (acted.outcome !== 'saved') throw new Error(acted.outcome);
    const page = await (await app.request(`/console/cases/${reference}`, { headers: { cookie: sam } })).text();
    const link = /href="(\/console\/files\/[^"]+)"/.exec(page)?.[1] as string;
    expect(link).toBeDefined();
    return { app, sam, al, link, opened };
  }

  it("opens in the session of the person who opened the case; another person's session, or none, gets nothing", async () => {
    const { app, sam, al, link, opened } = await twoSessions(false);
    const theirs = await app.request(link, { headers: { cookie: al } });
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).toContain('was made for another sign-in');
    const nobody = await app.request(link);
    expect(nobody.status).toBe(302);
    expect(nobody.headers.get('location')).toMatch(/^\/console\/sign-in\?return=/);
    expect(opened).toEqual([]);
    const mine = await app.request(link, { headers: { cookie: sam } });
    expect(mine.status).toBe(200);
    expect(await mine.text()).toBe('%PDF-1.4 the scanned letter');
    expect(mine.headers.get('content-disposition')).toContain('attachment; filename="letter-3-march.pdf"');
  });

  it('on AWS, sends its own session on to a presigned GET (never on the page), and no one else', async () => {
    const { app, sam, al, link } = await twoSessions(true);
    expect((await app.request(link, { headers: { cookie: al } })).status).toBe(404);
    const mine = await app.request(link, { headers: { cookie: sam } });
    expect(mine.status).toBe(302);
    expect(mine.headers.get('location')).toMatch(/^https:\/\/bucket\.example\/.+\?signed$/);
    expect(mine.headers.get('cache-control')).toBe('no-store');
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
