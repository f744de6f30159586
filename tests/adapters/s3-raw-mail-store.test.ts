/**
 * Raw mail in S3, against s3rver (a fake S3 server) on loopback: what intake, the console and retention do to the
 * bucket on AWS. A message is stored, read back, sized (that a second put never overwrites it rests on S3's
 * If-None-Match, which s3rver does not implement); an attachment streams in parts (the
 * multipart uploader, loaded on first use) under a safe name; retention deletes; and a file link signed for a
 * staff member fetches the file as an attachment (that an altered link fails is S3's signature check, which
 * s3rver does not make; the local links' own check is tested in file-links.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3FileLinks } from '#adapters/s3/s3-file-links';
import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';

const BUCKET = 'raw-mail';
let server: S3rver;
let client: S3Client;

beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: mkdtempSync(join(tmpdir(), 's3rver-')) });
  const { port } = (await server.run()) as { port: number };
  client = new S3Client({
    region: 'eu-west-2',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // Sign at this process's Date, the clock s3rver checks against (below: the day must not matter).
    disableClockSkewCorrection: true,
  });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe('S3RawMailStore', () => {
  it('stores a message, reads it back and knows its size', async () => {
    const store = new S3RawMailStore(client, BUCKET);
    const raw = Buffer.from('From: Pat <pat@example.net>\r\nSubject: Bins\r\n\r\nMy bins were not collected.\r\n');
    await store.put('inbound/one', raw);
    expect(await buffer(await store.open('inbound/one'))).toEqual(raw);
    expect(await store.size('inbound/one')).toBe(raw.length);
  });

  it('streams an attachment of several parts beside its message under a safe name, and retention deletes both', async () => {
    const store = new S3RawMailStore(client, BUCKET);
    await store.put('inbound/two', Buffer.from('From: pat@example.net\r\n\r\nsee attached\r\n'));
    // Twelve megabytes, over lib-storage's 5 MB part size: uploaded in parts, never held whole.
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const key = await store.putAttachment('inbound/two', 0, '../../evil name.pdf', Readable.from(Array.from({ length: 12 }, () => chunk)));
    expect(key).toMatch(/^attachments\/inbound\/two\/0-[\w.-]+$/);
    expect(await store.size(key)).toBe(12 * 1024 * 1024);
    await store.delete(key);
    await store.delete('inbound/two');
    await expect(store.size('inbound/two')).rejects.toThrow();
  }, 60_000);

  // The day the tests run must not matter. s3rver refuses a request signed more than 15 minutes from its
  // `new Date()`; the SDK signs at `Date.now()` plus an offset it learns from each response's Date header, which
  // Node's HTTP server writes from its own copy of Date, the machine's clock, whatever the process's `Date` says.
  // With Date moved (a test's fake clock, or a preload moving every Date 40 or 400 days ahead) the offset
  // carried the signer back to the machine's day and s3rver refused it: so the test's client signs at the one
  // clock s3rver reads (skew correction off, which only a real S3 behind a wrong clock would need).
  describe.each([40, 400])('with every Date in the process %i days ahead', (days) => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('stores, reads back and sizes a message all the same', async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + days * 86_400_000 });
      const store = new S3RawMailStore(client, BUCKET);
      const raw = Buffer.from(`From: pat@example.net\r\nSubject: ${days} days on\r\n\r\nStill here.\r\n`);
      await store.put(`inbound/moved-${days}`, raw);
      expect(await buffer(await store.open(`inbound/moved-${days}`))).toEqual(raw);
      expect(await store.size(`inbound/moved-${days}`)).toBe(raw.length);
    });
  });

  it('signs a five-minute link to a file that downloads it as an attachment', async () => {
    const store = new S3RawMailStore(client, BUCKET);
    const key = await store.putAttachment('inbound/three', 0, 'letter.pdf', Readable.from([Buffer.from('%PDF-1.7 test')]));
    const links = new S3FileLinks(client, BUCKET, 300);
    const url = await links.linkTo({ storageKey: key, filename: 'letter.pdf', contentType: 'application/pdf', size: 13, dangerous: false });
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('%PDF-1.7 test');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    // Signed for five minutes, as a download that no cache keeps.
    const signed = new URL(url).searchParams;
    expect(signed.get('X-Amz-Expires')).toBe('300');
    expect(signed.get('response-cache-control')).toBe('no-store');
  });
});
