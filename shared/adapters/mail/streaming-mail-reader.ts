import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { MailReader, RawEmailRead } from '#application/ports/mail-reader';
import type { RawMail } from '#application/ports/raw-mail';
import type { EmailParseLimits } from '#domain/mail/email-parse-limits';
import { parseEmail } from './parse-email.js';

/**
 * Streams a stored raw message once, from whichever raw-mail store holds it (S3, the local folder, the memory
 * fake): parsing it with bounded work (attachments stored beside it), hashing it, and keeping its head.
 */
export class StreamingMailReader implements MailReader {
  constructor(
    private readonly rawMail: RawMail,
    private readonly limits: EmailParseLimits,
    private readonly bounceScanBytes: number,
  ) {}

  async read(rawKey: string): Promise<RawEmailRead> {
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    const limit = this.bounceScanBytes;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        hash.update(chunk);
        if (headBytes < limit) {
          head.push(chunk.subarray(0, limit - headBytes));
          headBytes += chunk.length;
        }
        done(null, chunk);
      },
    });
    const raw = await this.rawMail.open(rawKey);
    raw.on('error', (error) => tap.destroy(error));
    const email = await parseEmail(raw.pipe(tap), this.limits, {
      store: (index, filename, _type, content) => this.rawMail.putAttachment(rawKey, index, filename, content),
      discard: (key) => this.rawMail.delete(key),
    });
    return { email, digest: hash.digest('hex'), rawHead: Buffer.concat(head).toString('latin1') };
  }
}
