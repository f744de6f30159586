import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { AttachmentRecord, Case } from '../case.js';
import { change, event, type ActionContext } from './action-kit.js';

/** A file staff stored for a case (the bytes already kept, as an email's attachment is), and what it is. */
export interface AddedFile {
  readonly file: AttachmentRecord;
  /** What it is, for the timeline ("the letter of 3 March, scanned", "notes of the call"). */
  readonly description?: string;
}

/**
 * `case attach REF --file PATH`, or the console's upload: a scanned letter or notes of a call join the case's
 * files, kept and linked to as an email's attachments are, and destroyed with them at retention. Staff only:
 * nothing is sent, and the file is never on the complainant's page.
 */
export function addFile(c: Case, added: AddedFile, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed; nothing more can be added`);
  if (c.attachments.some((a) => a.storageKey === added.file.storageKey)) throw new ActionRefusedError(`${added.file.filename} is already on ${c.reference}`);
  const description = added.description?.trim() ? boundText(added.description.trim(), TEXT_BOUNDS.detail) : undefined;
  const { filename, contentType, size, dangerous } = added.file;
  return change({ ...c, attachments: [...c.attachments, added.file] }, [
    event(ctx.at, 'file-added', ctx.actor, `File added: ${filename}${description ? ` (${description})` : ''}${dangerous ? '; a type that can run code: open it with care' : ''}`, { filename, contentType, size, ...(description ? { description } : {}) }),
  ], false);
}
