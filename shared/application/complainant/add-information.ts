import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AttachmentRecord } from '#domain/case/case';
import { ActionRefusedError } from '#domain/case/case-change';
import { recordMailIn, type MailOnCase } from '#domain/case/mail-in';
import { restrictedMailHandling } from '#domain/case/restricted-mail';
import { recordRestrictedMail } from '#domain/case/restricted-mail-in';
import type { Sending } from '#domain/letters/addressing';
import { isDangerousAttachment } from '#domain/mail/dangerous-attachment';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { cleanOneLine } from '#domain/text/display-safe';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';
import type { RawMail } from '../ports/raw-mail.js';
import { ClaimTakenError } from '../ports/store-errors.js';
import { caseForPage } from './page-access.js';

export interface AddInformationDeps extends ChangeCaseDeps {
  readonly rawMail: RawMail;
  readonly sending: Sending;
  readonly limits: { readonly maxAttachments: number; readonly maxAttachmentBytes: number };
}

export interface PageFile {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface AddInformation {
  readonly token: string;
  readonly text: string;
  readonly files: readonly PageFile[];
  /** The form's own id: the same submission sent twice (a double click, a retry) is recorded once. */
  readonly submissionId: string;
  readonly receivedAt: string;
}

/** Who wrote it, on the timeline: the page proves the link, not the email address, so it never confirms one. */
export const PAGE_SENDER = 'the complainant, on their complaint page';

/**
 * More information from the complainant's own page, threaded onto the case like a reply: stored first (the
 * words and each file beside them in the raw store, as mail is), then recorded on the timeline with the
 * handler's notice, once per submission. Files past the limits are refused with what to do instead.
 */
export async function addInformation(deps: AddInformationDeps, request: AddInformation): Promise<{ reference: string }> {
  const { c } = await caseForPage(deps, request.token);
  const text = request.text.trim();
  if (!text && request.files.length === 0) throw new ActionRefusedError('Write what you want to add, or choose a file to send.');
  if (request.files.length > deps.limits.maxAttachments) throw new ActionRefusedError(`Send at most ${deps.limits.maxAttachments} files at a time.`);
  const tooBig = request.files.find((f) => f.content.byteLength > deps.limits.maxAttachmentBytes);
  if (tooBig) throw new ActionRefusedError(`${cleanOneLine(tooBig.filename) || 'A file'} is larger than ${Math.floor(deps.limits.maxAttachmentBytes / 1_000_000)} MB: send a smaller copy, or email it to ${deps.policies.get(c.policyId).intake.addresses[0]}.`);

  const key = createHash('sha256').update(`${c.reference}\n${request.submissionId}`).digest('hex');
  const rawKey = `page/${c.reference}/${key.slice(0, 32)}.txt`;
  await deps.rawMail.put(rawKey, Buffer.from(text, 'utf8'));
  const attachments: AttachmentRecord[] = [];
  for (const [i, f] of request.files.entries()) {
    const filename = boundText(cleanOneLine(f.filename) || `file-${i + 1}`, TEXT_BOUNDS.name);
    const storageKey = await deps.rawMail.putAttachment(rawKey, i, filename, Readable.from([Buffer.from(f.content)]));
    attachments.push({ filename, contentType: cleanOneLine(f.contentType) || 'application/octet-stream', size: f.content.byteLength, storageKey, dangerous: isDangerousAttachment(filename, f.contentType) });
  }
  try {
    const mail: MailOnCase = { key, rawKey, receivedAt: request.receivedAt, sender: PAGE_SENDER, subject: 'Information added on the complaint page', text, automatic: false, attachments };
    await changeCase(deps, c.reference, (current, policy) => {
      const now = deps.clock.now().toISOString();
      // While their contact is restricted, what they add here goes to the point of contact, by the same rule as their mail.
      const handling = current.restriction ? restrictedMailHandling({ reference: current.reference, restriction: current.restriction }, current.reference) : undefined;
      return {
        change: current.restriction && handling?.restricted ? recordRestrictedMail(policy, current, current.restriction, mail, handling, deps.sending, now) : recordMailIn(policy, current, mail, deps.sending, now),
        claims: [{ kind: 'inbound', key: `page#${key}`, reference: c.reference, outcome: 'joined' }],
      };
    }, c);
  } catch (error) {
    // The same submission recorded by an earlier attempt: that is the outcome wanted.
    if (!(error instanceof ClaimTakenError && error.claim.kind === 'inbound')) throw error;
  }
  return { reference: c.reference };
}
