import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileLinks } from '#application/ports/file-links';
import type { AttachmentRecord } from '#domain/case/case';
import { downloadDisposition, downloadType } from '#adapters/download-headers';

/**
 * Presigned S3 GETs for a case's files: signed by the console function's role, valid for `seconds`, downloads only.
 * The console gives one only as the redirect of a link its holder's own session opened (`SealedFileLinks`), for a
 * few seconds: it is never on a page, and the bytes never pass through the function.
 */
export class S3FileLinks implements FileLinks {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly seconds: number,
  ) {}

  linkTo(file: AttachmentRecord): Promise<string> {
    return this.presign(file);
  }

  /** The presigned GET of one stored file, named and typed for download. */
  presign(file: Pick<AttachmentRecord, 'storageKey' | 'filename' | 'contentType'>): Promise<string> {
    const get = new GetObjectCommand({
      Bucket: this.bucket,
      Key: file.storageKey,
      ResponseContentDisposition: downloadDisposition(file.filename),
      ResponseContentType: downloadType(file.contentType),
      ResponseCacheControl: 'no-store',
    });
    return getSignedUrl(this.client, get, { expiresIn: this.seconds });
  }
}
