/** Raw mail on local disk: complaints are personal data, so nothing is readable by anyone but the owner. */
import { mkdtempSync, statSync } from 'node:fs';
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
});
