import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { RawMail } from '#application/ports/raw-mail';
import { safeName } from '#adapters/file/file-raw-mail-store';

/**
 * Raw mail in S3, where SES's receipt rule puts it; attachments are streamed beside it. The multipart uploader is
 * loaded when a file is first stored, not at every cold start of a function that only reads or deletes.
 */
export class S3RawMailStore implements RawMail {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, content: Uint8Array): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, IfNoneMatch: '*' })).catch((error: Error) => {
      // PreconditionFailed: the object is already there, and raw mail is never overwritten.
      if (error.name !== 'PreconditionFailed') throw error;
    });
  }

  async putStream(key: string, content: Readable): Promise<void> {
    const { Upload } = await import('@aws-sdk/lib-storage');
    await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: content } }).done();
  }

  async size(key: string): Promise<number> {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    return head.ContentLength ?? 0;
  }

  async open(key: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!(object.Body instanceof Readable)) throw new Error(`S3 object ${key} has no readable body`);
    return object.Body;
  }

  async putAttachment(rawKey: string, index: number, filename: string, content: Readable): Promise<string> {
    const key = `attachments/${rawKey}/${index}-${safeName(filename)}`;
    // Upload streams in parts, so an attachment is never held whole in the function's memory.
    const { Upload } = await import('@aws-sdk/lib-storage');
    await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: content } }).done();
    return key;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
      keys.push(...(page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }
}
