import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { parseEmail, type EmailParseLimits } from '#domain/mail/parse-email';
import type { ParsedEmail } from '#domain/mail/parsed-email';
import type { RawMail } from '../ports/raw-mail.js';

export interface RawEmailRead {
  readonly email: ParsedEmail;
  /** SHA-256 of the raw bytes: the message's identity for once-only intake. */
  readonly digest: string;
  /** The first bytes, kept to look for the original of a bounce. */
  readonly rawHead: string;
}

/** Streams a stored raw message once: parsing it (attachments stored beside it), hashing it, and keeping its head. */
export async function readRawEmail(deps: { readonly rawMail: RawMail; readonly limits: EmailParseLimits; readonly bounceScanBytes: number }, rawKey: string): Promise<RawEmailRead> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  const limit = deps.bounceScanBytes;
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
  const raw = await deps.rawMail.open(rawKey);
  raw.on('error', (error) => tap.destroy(error));
  const email = await parseEmail(raw.pipe(tap), deps.limits, {
    store: (index, filename, _type, content) => deps.rawMail.putAttachment(rawKey, index, filename, content),
    discard: (key) => deps.rawMail.delete(key),
  });
  return { email, digest: hash.digest('hex'), rawHead: Buffer.concat(head).toString('latin1') };
}
