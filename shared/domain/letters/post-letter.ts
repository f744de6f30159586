import { londonDate } from '#domain/calendar/london-date';
import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import { nameInLetters } from '#domain/text/name-in-letters';
import { dateInWords } from './dates-in-words.js';
import type { Requirement } from './letter-view.js';
import { cleanValue, type TemplateView } from './render-template.js';

/**
 * A letter that goes on paper (a complainant Redress may not email: a phone or letter complaint, an address not
 * confirmed, one that bounced): whom it is addressed to and the day it is written. The complainant's page link is
 * not written out on paper: its 43 random mixed-case characters cannot be copied from a page reliably, so the letter
 * says they may ask for it (staff give it with `case page REF`).
 */
export interface PostAddressing {
  /** The day the letter is written (YYYY-MM-DD, London). */
  readonly date: string;
  readonly name?: string;
  readonly addressLines: readonly string[];
  readonly hasPage: boolean;
}

/** At most this many lines of a postal address: an envelope's window holds no more. */
const MAX_ADDRESS_LINES = 8;
const MAX_LINE = 100;

/**
 * A postal address as lines: as typed (on lines, or with commas on one line), blank lines and spaces dropped, and
 * the direction and control characters a letter never prints (cleanValue), so that what a letter must say is what
 * it can say.
 */
export function addressLines(address: string | undefined): string[] {
  if (!address) return [];
  const clean = cleanValue(address);
  const lines = clean.includes('\n') ? clean.split(/\r?\n/) : clean.split(',');
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .slice(0, MAX_ADDRESS_LINES)
    .map((l) => l.slice(0, MAX_LINE));
}

export function postAddressing(c: Pick<Case, 'complainant' | 'page'>, at: string): PostAddressing {
  const name = c.complainant.anonymous ? undefined : nameInLetters(c.complainant.name);
  return { date: londonDate(at), ...(name ? { name } : {}), addressLines: addressLines(c.complainant.postalAddress), hasPage: Boolean(c.page) };
}

/** The organisation's address for a letter's header and its "write to us at": its name, then its postal address. */
function organisationAddress(policy: Policy): string[] {
  return [policy.organisation.name, ...addressLines(policy.organisation.contact?.address)];
}

/** How a posted letter asks to be answered: in writing (to the address, else the complaints email), or by telephone. */
export function replyWords(policy: Policy): { writeToUs: string; writeOnly: string } {
  const address = policy.organisation.contact?.address;
  const phone = policy.organisation.contact?.phone;
  const writeOnly = address ? `write to us at ${organisationAddress(policy).join(', ')}` : `email us at ${policy.intake.addresses[0] as string}`;
  return { writeOnly, writeToUs: phone ? `${writeOnly}, or call us on ${phone}` : writeOnly };
}

/**
 * The organisation's block at the head of a letter, as POST_HEADER writes it: its name and address, then how to
 * reach it. A printed copy of an emailed letter opens with the same block.
 */
export function organisationBlock(policy: Policy): string[] {
  const phone = policy.organisation.contact?.phone;
  return [...organisationAddress(policy), ...(phone ? [`Telephone: ${phone}`] : []), `Email: ${policy.intake.addresses[0] as string}`];
}

/** The facts a posted letter adds to its template's: the channel, both address blocks, the date, how to answer. */
export function postView(policy: Policy, post: PostAddressing): TemplateView {
  const contact = policy.organisation.contact;
  return {
    byPost: true,
    byEmail: false,
    orgAddress: organisationAddress(policy).join('\n'),
    orgPhone: contact?.phone,
    orgEmail: policy.intake.addresses[0] as string,
    letterDate: dateInWords(post.date),
    recipient: [post.name, ...post.addressLines].filter(Boolean).join('\n') || undefined,
    ...replyWords(policy),
    pageOnRequest: post.hasPage,
  };
}

/** The facts an emailed letter adds: the channel only (its page link is added where it has one). */
export const EMAIL_VIEW: TemplateView = { byEmail: true, byPost: false };

/** What every posted letter must carry, besides what its kind must say. */
export function postRequirements(policy: Policy, post: PostAddressing, reference: string): Requirement[] {
  return [
    ...organisationAddress(policy).map((line) => ({ what: `the organisation's address (${line})`, text: line })),
    ...(post.name ? [{ what: "the complainant's name in the address block", text: post.name }] : []),
    ...post.addressLines.map((line) => ({ what: `the complainant's postal address (${line})`, text: line })),
    { what: `the date of the letter (${post.date})`, text: dateInWords(post.date) },
    { what: 'the reference', text: reference },
  ];
}

/** Words that only make sense in an email: a posted letter that says any of them is refused. */
const EMAIL_ONLY_WORDING = ['reply to this email', 'replying to this email', 'this email', 'click', 'email program'] as const;

export function emailOnlyWording(text: string): string[] {
  const plain = text.replace(/\s+/g, ' ').toLowerCase();
  return EMAIL_ONLY_WORDING.filter((words) => plain.includes(words));
}

/**
 * The head of a posted letter, before its template's body: our address, the date, theirs, the reference, as a
 * window envelope and a person filing it expect.
 */
export const POST_HEADER = `{{orgAddress}}
{{#orgPhone}}
Telephone: {{orgPhone}}
{{/orgPhone}}
Email: {{orgEmail}}

{{letterDate}}
{{#recipient}}

{{recipient}}
{{/recipient}}

Our reference: {{reference}}

`;
