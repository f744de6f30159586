/** Raw mail on local disk: complaints are personal data, so nothing is readable by anyone but the owner. */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FileRawMailStore } from '#adapters/file/file-raw-mail-store';

describe('FileRawMailStore', () => {
  it('creates its folders readable by their owner only, and its files likewise', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'raw-perm-')), 'mail');
    const store = new FileRawMailStore(root);
    await store.put('inbound/2026-11-23/a.eml', Buffer.from('From: a@example.net\r\n\r\nhi\r\n'));
    await store.putStream('inbound/2026-11-23/b.eml', Readable.from([Buffer.from('From: b@example.net\r\n\r\nhi\r\n')]));
    const attachment = await store.putAttachment('inbound/2026-11-23/a.eml', 0, '../../evil name.pdf', Readable.from([Buffer.from('%PDF')]));
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(root)).toBe(0o700);
    expect(mode(join(root, 'inbound/2026-11-23'))).toBe(0o700);
    expect(mode(join(root, 'inbound/2026-11-23/a.eml'))).toBe(0o600);
    expect(mode(join(root, 'inbound/2026-11-23/b.eml'))).toBe(0o600);
    // The untrusted file name is made safe: it cannot climb out of the message's own folder.
    expect(attachment).toMatch(/^attachments\/inbound\/2026-11-23\/a\.eml\/0-[\w.-]+$/);
    expect(attachment.slice('attachments/inbound/2026-11-23/a.eml/'.length)).not.toContain('/');
    expect(mode(join(root, attachment))).toBe(0o600);
  });

  it('never writes outside its folder', async () => {
    const store = new FileRawMailStore(mkdtempSync(join(tmpdir(), 'raw-escape-')));
    await expect(store.put('../outside.eml', Buffer.from('x'))).rejects.toThrow(/points outside the store/);
  });

  it('lists every file under a folder, for destruction to delete them all', async () => {
    const store = new FileRawMailStore(join(mkdtempSync(join(tmpdir(), 'raw-list-')), 'mail'));
    await store.put('inbound/2026-11-23/a.eml', Buffer.from('a'));
    await store.putAttachment('inbound/2026-11-23/a.eml', 0, 'one.pdf', Readable.from([Buffer.from('1')]));
    await store.putAttachment('inbound/2026-11-23/a.eml', 1, 'two.pdf', Readable.from([Buffer.from('2')]));
    await store.putAttachment('inbound/2026-11-23/b.eml', 0, 'other.pdf', Readable.from([Buffer.from('3')]));
    expect(await store.keysUnder('attachments/inbound/2026-11-23/a.eml/')).toEqual(['attachments/inbound/2026-11-23/a.eml/0-one.pdf', 'attachments/inbound/2026-11-23/a.eml/1-two.pdf']);
    expect(await store.keysUnder('page/NAM-2026-0001/')).toEqual([]);
  });

  it('stores a streamed message whole or not at all: a stream that breaks leaves nothing under its key, and delete takes the partial file', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'raw-partial-')), 'mail');
    const store = new FileRawMailStore(root);
    const broken = Readable.from(
      (async function* () {
        yield Buffer.from('From: a@example.net\r\n\r\nhalf of a');
        throw new Error('connection lost');
      })(),
    );
    await expect(store.putStream('inbound/2026-11-23/c.eml', broken)).rejects.toThrow('connection lost');
    await expect(store.size('inbound/2026-11-23/c.eml')).rejects.toMatchObject({ code: 'ENOENT' });
    await store.delete('inbound/2026-11-23/c.eml');
    expect(readdirSync(join(root, 'inbound/2026-11-23'))).toEqual([]);
  });
});
