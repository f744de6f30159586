import type { AttachmentRecord } from '#domain/case/case';

/**
 * Links to a case's stored files that work for a short while and then never again: S3's presigned GET on AWS,
 * a signed route on the local front door. Whoever holds a link can download that one file until it expires, so
 * links are made only for someone allowed to read the case, when they open it.
 */
export interface FileLinks {
  linkTo(file: AttachmentRecord): Promise<string>;
}
