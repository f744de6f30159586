import { Readable } from 'node:stream';
import type { RawMail } from '#application/ports/raw-mail';

/** Raw mail in memory: messages and attachments by key. */
export class MemoryRawMail implements RawMail {
  readonly files = new Map<string, Buffer>();

  async put(key: string, content: Uint8Array): Promise<void> {
    if (!this.files.has(key)) this.files.set(key, Buffer.from(content));
  }

  async putStream(key: string, content: Readable): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(Buffer.from(chunk as Uint8Array));
    await this.put(key, Buffer.concat(chunks));
  }

  async size(key: string): Promise<number> {
    return this.must(key).length;
  }

  async open(key: string): Promise<Readable> {
    return Readable.from([this.must(key)]);
  }

  async putAttachment(rawKey: string, index: number, filename: string, content: Readable): Promise<string> {
    const key = `attachments/${rawKey}/${index}-${filename}`;
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(Buffer.from(chunk as Uint8Array));
    this.files.set(key, Buffer.concat(chunks));
    return key;
  }

  async delete(key: string): Promise<void> {
    this.files.delete(key);
  }

  async keysUnder(prefix: string): Promise<string[]> {
    return [...this.files.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  private must(key: string): Buffer {
    const file = this.files.get(key);
    if (!file) throw Object.assign(new Error(`no raw message ${key}`), { code: 'ENOENT' });
    return file;
  }
}
