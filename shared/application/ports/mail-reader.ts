import type { ParsedEmail } from '#domain/mail/parsed-email';

/** A stored raw message, read once: parsed, hashed, and its head kept. */
export interface RawEmailRead {
  readonly email: ParsedEmail;
  /** SHA-256 of the raw bytes: the message's identity for once-only intake. */
  readonly digest: string;
  /** The first bytes, kept to look for the original of a bounce. */
  readonly rawHead: string;
}

/**
 * Reads a stored raw message (by its key in the raw-mail store), storing its attachments beside it. Malformed
 * input is a MalformedEmailError.
 */
export interface MailReader {
  read(rawKey: string): Promise<RawEmailRead>;
}
