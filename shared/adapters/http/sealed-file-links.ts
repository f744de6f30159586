import type { FileLinks } from '#application/ports/file-links';
import type { AttachmentRecord } from '#domain/case/case';
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
}

/**
 * The local stand-in for S3's presigned GET: a link to /console/files/<seal> whose seal names the file and when
 * the link ends, signed with a key kept apart from the session's, so neither can pass for the other.
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

  async linkTo(file: AttachmentRecord): Promise<string> {
    const value: Sealed = { k: file.storageKey, n: file.filename, t: file.contentType };
    return `${this.publicUrl.replace(/\/+$/, '')}/console/files/${seal(value, this.key, this.now() + this.seconds * 1000)}`;
  }

  /** The file a link names, or undefined when the link was altered, made with another secret, or has expired. */
  open(token: string): LinkedFile | undefined {
    const value = unseal<Sealed>(token, this.key, this.now());
    if (!value || typeof value.k !== 'string' || typeof value.n !== 'string' || typeof value.t !== 'string') return undefined;
    return { storageKey: value.k, filename: value.n, contentType: value.t };
  }
}
