import type { Readable } from 'node:stream';

/**
 * Where raw messages and their attachments are kept, untouched, before anything reads them.
 * On AWS, SES's receipt rule writes the message to S3; locally the SMTP listener writes it to disk.
 */
export interface RawMail {
  put(key: string, content: Uint8Array): Promise<void>;
  /** Stores a message as it streams in, never holding it whole. */
  putStream(key: string, content: Readable): Promise<void>;
  size(key: string): Promise<number>;
  open(key: string): Promise<Readable>;
  /** Stores an attachment beside its message and returns where. */
  putAttachment(rawKey: string, index: number, filename: string, content: Readable): Promise<string>;
  delete(key: string): Promise<void>;
  /** Every key under a folder-like prefix (ending in '/'): how destruction finds each file stored beside a message. */
  keysUnder(prefix: string): Promise<string[]>;
}
