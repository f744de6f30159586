import { cleanValue } from './render-template.js';
import { ActionRefusedError } from '#domain/case/case-change';
import type { Case, TimelineEvent } from '#domain/case/case';
import { timelineEvent } from '#domain/case/timeline-event';
import { threadKey } from '#domain/mail/message-id';
import { contactPlaceholders } from '#domain/policy/contact-placeholders';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { LetterKind, Policy } from '#domain/policy/policy-schema';
import { letterToComplainant, pageUrlFor, type Sending } from './addressing.js';
import type { Letter } from './letter.js';
import { letterForm } from './letter-form.js';
import { DEFAULT_TEMPLATES } from './letter-templates.js';
import type { LetterFacts, Requirement } from './letter-view.js';
import { renderTemplate, type LetterTemplate } from './render-template.js';
import { emailOnlyWording, EMAIL_VIEW, POST_HEADER, postAddressing, postRequirements, postView, type PostAddressing } from './post-letter.js';

/** A letter that leaves out something it must say: refused, never sent, with the list of what is missing. */
export class LetterIncompleteError extends ActionRefusedError {
  constructor(
    readonly kind: LetterKind,
    readonly missing: readonly string[],
  ) {
    super(`the ${kind} letter is missing ${missing.join('; ')}: add it to the letter (or to the action's details) and try again`);
    this.name = 'LetterIncompleteError';
  }
}

/** The template for a kind of letter: the organisation's own wording where its policy has one, else Redress's. */
export function templateFor(policy: Policy, kind: LetterKind): LetterTemplate {
  const own = policy.letters[kind];
  const fallback = DEFAULT_TEMPLATES[kind];
  return { subject: own?.subject ?? fallback.subject, body: own?.body ?? fallback.body };
}

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * What a rendered letter fails to say of what it must. A required text is looked for as the letter prints it: less
 * the control and direction characters every value loses when it is rendered (cleanValue), or words holding one
 * could never be found and the letter would be refused.
 */
export function missingFrom(letter: Letter, required: readonly Requirement[]): string[] {
  const text = normalised(letter.text);
  return required.filter((r) => r.text.trim() !== '' && !text.includes(normalised(cleanValue(r.text)))).map((r) => r.what);
}

/** A letter for post that says what only an email can ("reply to this email"): refused, with the words. */
export class LetterWrongForPostError extends ActionRefusedError {
  constructor(
    readonly kind: LetterKind,
    readonly wording: readonly string[],
  ) {
    super(`the ${kind} letter goes by post but says "${wording.join('", "')}": give its wording for post inside {{#byPost}}...{{/byPost}} and the email wording inside {{#byEmail}}...{{/byEmail}}`);
    this.name = 'LetterWrongForPostError';
  }
}

/**
 * Renders a letter for its channel and checks it says everything it must; throws LetterIncompleteError if not. By
 * email it carries the complainant's page link where there is one; by post (`post` given) it opens with both
 * address blocks, the date and the reference, asks to be answered in writing or by telephone, and may say nothing
 * that only an email can (LetterWrongForPostError).
 */
export function composeLetter(policy: Policy, facts: LetterFacts, pageUrl?: string, post?: PostAddressing): Letter {
  const template = templateFor(policy, facts.kind);
  const reference = typeof facts.view.reference === 'string' ? facts.view.reference : '';
  const letter = post
    ? renderTemplate({ subject: template.subject, body: `${POST_HEADER}${template.body}` }, { ...facts.view, ...postView(policy, post) })
    : renderTemplate(template, { ...facts.view, ...EMAIL_VIEW, ...(pageUrl ? { pageUrl } : {}) }, [pageUrl, facts.view.confirmUrl].filter((l): l is string => typeof l === 'string'));
  const missing = missingFrom(letter, post ? [...facts.required, ...postRequirements(policy, post, reference)] : facts.required);
  if (missing.length > 0) throw new LetterIncompleteError(facts.kind, missing);
  const wrong = post ? emailOnlyWording(letter.text) : [];
  if (wrong.length > 0) throw new LetterWrongForPostError(facts.kind, wrong);
  return letter;
}

/** What sending a letter to the complainant adds to a change: the letter (or a draft to post), its event, its thread key. */
export interface LetterDelivery {
  readonly letters: LetterToSend[];
  readonly events: TimelineEvent[];
  readonly threadKeys: string[];
}

/**
 * Whether a letter to this complainant is one for post: their agreed adjustments say so (large print, post, a call
 * first), they asked for post, or Redress may not email them (see letterForm).
 */
export function goesByPost(c: Pick<Case, 'complainant' | 'flags' | 'adjustments'>, policy?: Policy): boolean {
  return letterForm(policy, c).channel === 'post';
}

/** "Call Jo Bloggs on 01632 960 001 before sending": what the officer's list says of a letter that waits for a call. */
export function callFirstWords(c: Pick<Case, 'complainant'>): string {
  const who = c.complainant.anonymous ? 'the complainant' : (c.complainant.name ?? 'the complainant');
  return `Call ${who}${c.complainant.phone ? ` on ${c.complainant.phone}` : ' (no telephone number on the case: find one)'} before sending`;
}

/**
 * A letter to the complainant, checked, in the form letterForm decides: by email; or kept on the timeline as a
 * draft for staff to post or read out (large print where agreed, a call first where agreed), so that no letter the
 * policy calls for is silently skipped.
 */
export function letterFor(policy: Policy, c: Case, facts: LetterFacts, key: string, at: string, sending: Sending): LetterDelivery {
  const form = letterForm(policy, c);
  if (form.channel === 'post') {
    const post = postAddressing(c, at);
    const letter = composeLetter(policy, facts, undefined, post);
    const why = form.reasons.join('; ');
    const how = form.callFirst
      ? `${callFirstWords(c)}, then read it to them or post it`
      : post.addressLines.length > 0
        ? `${form.largePrint ? 'print it in large print (the print page and PDF are at 16 point) and send it by post' : 'send it by post'} or read it to the complainant`
        : 'the case has no postal address either: add one and post it, or read it to the complainant';
    const unfilled = contactPlaceholders(policy);
    const fill = unfilled.length > 0 ? `. Before posting it, fill in our own address and telephone number where the letter shows [brackets], and ask whoever runs Redress to put them in the policy (${unfilled.join(', ')})` : '';
    const goes = form.reasons.some((r) => r.startsWith('agreed') || r.startsWith('the complainant asked')) ? 'goes by post' : 'cannot go by email';
    return {
      letters: [],
      threadKeys: [],
      events: [
        timelineEvent({
          id: `letter-drafted-${facts.kind}-${key}`,
          at,
          type: 'letter-drafted',
          actor: 'redress',
          summary: `The ${facts.kind} letter ${goes} (${why}): ${how}${fill}`,
          detail: { kind: facts.kind, subject: letter.subject, text: letter.text, channel: 'post', stage: c.stage, ...(form.largePrint ? { largePrint: true } : {}), ...(form.callFirst ? { callFirst: true } : {}) },
        }),
      ],
    };
  }
  const letter = composeLetter(policy, facts, pageUrlFor(c, sending));
  const out = letterToComplainant(policy, c, letter, facts.kind, key, sending);
  return { letters: [out], threadKeys: [threadKey(out.messageId)], events: [] };
}
