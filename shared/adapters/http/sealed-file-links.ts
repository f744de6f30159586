import type { FileLinks } from '#application/ports/file-links';
import type { AttachmentRecord } from '#domain/case/case';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { seal, unseal } from './sealed-cookie.js';

/** The file a link names, once its seal has checked out. */
export interface LinkedFile {
  readonly storageKey: string;
  readonly filename: string;
  readonly contentType: string;
}

interface Sealed {
  readonly k: string;
  readonly n: string;
  readonly t: string;
  /** Whose link it is: a keyed digest of the holder (the session's id), never the id itself, which would open the session's store. */
  readonly h: string;
}

/**
 * A link to /console/files/<seal> whose seal names the file, its holder (the console session it was made for) and
 * when the link ends, signed with a key kept apart from the session's, so neither can pass for the other. The route
 * opens it only in the holder's session: locally it then sends the bytes, on AWS a redirect to S3's presigned GET.
 */
export class SealedFileLinks implements FileLinks {
  private readonly key: string;

  constructor(
    secret: string,
    private readonly publicUrl: string,
    private readonly seconds: number,
    private readonly now: () => number,
  ) {
    this.key = `${secret}#file-links`;
  }

  async linkTo(file: AttachmentRecord, holder: string): Promise<string> {
    const value: Sealed = { k: file.storageKey, n: file.filename, t: file.contentType, h: this.digest(holder) };
    return `${this.publicUrl.replace(/\/+$/, '')}/console/files/${seal(value, this.key, this.now() + this.seconds * 1000)}`;
  }

  /**
   * The file a link names, or undefined when the link was altered, made with another secret, has expired, or was
   * made for another holder (another person's session, or this person's before they signed in again).
   */
  open(token: string, holder: string): LinkedFile | undefined {
    const value = unseal<Sealed>(token, this.key, this.now());
    if (!value || typeof value.k !== 'string' || typeof value.n !== 'string' || typeof value.t !== 'string' || typeof value.h !== 'string') return undefined;
    const mine = Buffer.from(this.digest(holder));
    const named = Buffer.from(value.h);
    if (mine.length !== named.length || !timingSafeEqual(mine, named)) return undefined;
    return { storageKey: value.k, filename: value.n, contentType: value.t };
  }

  private digest(holder: string): string {
    return createHmac('sha256', this.key).update(holder).digest('base64url');
  }
}
