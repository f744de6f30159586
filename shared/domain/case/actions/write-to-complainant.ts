import { goesByPost, letterFor } from '#domain/letters/complainant-letter';
import { headerSafe } from '#domain/letters/letter';
import { messageFacts } from '#domain/letters/letter-view';
import { emailOnlyWording } from '#domain/letters/post-letter';
import { cleanValue } from '#domain/letters/render-template';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, type ActionContext } from './action-kit.js';

/** A subject a mail program shows whole on one line. */
export const MESSAGE_SUBJECT_MAX = 150;
/** About four printed pages: a message, not a report; longer is refused, never cut short. */
export const MESSAGE_TEXT_MAX = 12_000;

export interface MessageRequest {
  readonly subject: string;
  readonly text: string;
}

/**
 * `case message REF --subject TEXT --text TEXT`: staff write to the complainant in their own words (a question, a
 * meeting invitation, a receipt for documents), in the organisation's greeting and sign-off (the policy's
 * `message` letter, else Redress's). It goes as every letter does: by email, threaded on the case, where Redress may
 * write to them (an address they proved) and they did not ask for post; otherwise as a letter for post. The words
 * are escaped as any value is, and bounded: a longer message is refused, never cut. Allowed on a closed case (a
 * receipt for documents that came after), not on a destroyed one.
 */
export function writeToComplainant(policy: Policy, c: Case, request: MessageRequest, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; nothing more can be sent`);
  const subject = headerSafe(cleanValue(request.subject));
  const text = cleanValue(request.text).replace(/[ \t]+$/gm, '').replace(/^\n+|\s+$/g, '');
  if (!subject) throw new ActionRefusedError('give the message a subject: the complainant sees it first', { input: 'subject' });
  if (!text) throw new ActionRefusedError('write the message: it needs some words', { input: 'text' });
  if (subject.length > MESSAGE_SUBJECT_MAX) throw new ActionRefusedError(`the subject is ${subject.length} characters: keep it to ${MESSAGE_SUBJECT_MAX}`, { input: 'subject' });
  if (text.length > MESSAGE_TEXT_MAX) throw new ActionRefusedError(`the message is ${text.length} characters: keep it to ${MESSAGE_TEXT_MAX} (about four pages), or send it in two`, { input: 'text' });
  const byPost = goesByPost(c, policy);
  const emailWords = byPost ? emailOnlyWording(text) : [];
  if (emailWords.length > 0) throw new ActionRefusedError(`this message goes by post, but it says "${emailWords.join('", "')}": write it for paper (they can write to us or call us)`, { input: 'text' });
  const key = ctx.at.toUTC().toFormat("yyyyLLdd'T'HHmmssSSS");
  const letter = letterFor(policy, c, messageFacts(policy, c, { subject, text }), key, ctx.at.toUTC().toISO() as string, ctx.sending);
  return change(c, [event(ctx.at, 'message-written', ctx.actor, `Wrote to the complainant ${byPost ? '(a letter for post)' : 'by email'}: ${subject}`, { subject, channel: byPost ? 'post' : 'email' }, `message-written-${key}`)], false, letter);
}
