import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DateTime } from 'luxon';
import { ActionRefusedError } from '#domain/case/case-change';
import { isDangerousAttachment } from '#domain/mail/dangerous-attachment';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { cleanOneLine } from '#domain/text/display-safe';
import type { RawMail } from '../ports/raw-mail.js';
import { actOnCase, type Acted, type ActOnCaseDeps, type StaffActor } from './act-on-case.js';

export interface AttachFileDeps extends ActOnCaseDeps {
  readonly rawMail: RawMail;
  /** The bound on one file: an email's attachment's (REDRESS_MAX_ATTACHMENT_BYTES). */
  readonly limits: { readonly maxAttachmentBytes: number };
}

/** A file staff add to a case: a scanned letter, notes of a call. */
export interface StaffFile {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly description?: string;
}

/** A file past the bound an email's attachment has: refused before anything is stored. */
export class FileTooLargeError extends ActionRefusedError {
  constructor(
    readonly filename: string,
    readonly maxBytes: number,
  ) {
    super(`${filename} is larger than ${Math.floor(maxBytes / 1_000_000)} MB, the most a file on a case may be: scan it at a lower resolution, or split it`, { input: 'file' });
    this.name = 'FileTooLargeError';
  }
}

/**
 * `case attach REF --file PATH`, or the console's upload: the bytes are stored where an email's attachments are
 * (under attachments/, so destruction at retention and the signed download links treat them alike), then the
 * file is recorded on the case by the catalogue's `attach`, on one read of it with the actor's permission checked
 * there. Refused or failed, the stored copy goes again: nothing is kept that no case points at.
 */
export async function attachFile(deps: AttachFileDeps, actor: StaffActor, reference: string, upload: StaffFile, options: { readonly at: DateTime }): Promise<Acted> {
  const filename = boundText(cleanOneLine(upload.filename), TEXT_BOUNDS.name) || 'file';
  if (upload.content.byteLength === 0) throw new ActionRefusedError(`${filename} is empty: choose the file again`, { input: 'file' });
  if (upload.content.byteLength > deps.limits.maxAttachmentBytes) throw new FileTooLargeError(filename, deps.limits.maxAttachmentBytes);
  const contentType = cleanOneLine(upload.contentType) || 'application/octet-stream';
  // A file that could run code would be listed and never offered for download: refused before it is stored.
  if (isDangerousAttachment(filename, contentType)) throw new ActionRefusedError(`${filename} is a kind of file that can run code, which the console does not keep: scan or print it to PDF, or save it as a picture, and add that`, { input: 'file' });
  const storageKey = await deps.rawMail.putAttachment(`staff/${reference.replace(/[^A-Za-z0-9-]/g, '-')}/${randomUUID()}`, 0, filename, Readable.from([Buffer.from(upload.content)]));
  const file = { filename, contentType, size: upload.content.byteLength, storageKey, dangerous: false };
  let acted: Acted | undefined;
  try {
    acted = await actOnCase(deps, actor, 'attach', reference, { file, ...(upload.description?.trim() ? { description: upload.description } : {}) }, options);
    return acted;
  } finally {
    if (acted?.outcome !== 'saved') await deps.rawMail.delete(storageKey);
  }
}
