import type { Case } from '#domain/case/case';
import type { LetterPurpose, LetterToSend } from '#domain/outbox/outbox-item';
import type { Policy } from '#domain/policy/policy-schema';
import { staffNoticesSender } from '#domain/policy/staff-addresses';
import type { Letter } from './letter.js';

/** What every letter needs to know about the deployment that sends it. */
export interface Sending {
  /** The domain in the Message-IDs Redress writes. */
  readonly mailDomain: string;
  /** Where notices go when no role has an address, and where mail no policy claims is reported. */
  readonly operatorEmail: string;
  /** Where complainants' pages are served (the HTTP front door); without it letters carry no page link. */
  readonly pageBaseUrl?: string;
}

/**
 * The address of the complainant's own page, for the letters: none where the case has no page, and none while
 * the email address is one typed into a form and not yet shown to be theirs (the page would show the complaint
 * to whoever holds that address).
 */
export function pageUrlFor(c: Pick<Case, 'page' | 'complainant'>, sending: Sending): string | undefined {
  if (!c.page || !sending.pageBaseUrl || c.complainant.emailConfirmed === false) return undefined;
  return pageAddress(sending.pageBaseUrl, c.page.token);
}

/**
 * The link in the letter that asks to confirm a typed address: a page on the front door with a button (opening
 * the link confirms nothing, so a mail scanner that fetches links cannot confirm for anyone). None without a front door.
 */
export function confirmUrlFor(c: Pick<Case, 'reference' | 'complainant'>, sending: Sending): string | undefined {
  const check = c.complainant.addressCheck;
  if (!check || !sending.pageBaseUrl) return undefined;
  return `${sending.pageBaseUrl.replace(/\/+$/, '')}/confirm/${encodeURIComponent(c.reference)}/${check.token}`;
}

/** A complainant page's address on the front door. */
export function pageAddress(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/cases/${token}`;
}

/** A stable id for one letter: the case (or organisation), what it is for, and what makes it this one. */
export function letterId(owner: string, purpose: LetterPurpose, key: string): string {
  return `${owner}.${purpose}.${key}`.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** Our Message-ID for a letter, from its id: the same letter decided twice has the same Message-ID. */
export function messageIdFor(id: string, sending: Sending): string {
  return `<${id.toLowerCase()}@${sending.mailDomain}>`;
}

/** A letter to the complainant, from the organisation's complaints address, to the address the complaint came from. */
export function letterToComplainant(policy: Policy, c: Case, letter: Letter, purpose: LetterPurpose, key: string, sending: Sending): LetterToSend {
  const id = letterId(c.reference, purpose, key);
  return {
    id,
    purpose,
    reference: c.reference,
    toComplainant: true,
    from: { address: policy.intake.addresses[0] as string, name: `${policy.organisation.name} complaints` },
    to: [c.complainant.email as string],
    ...letter,
    messageId: messageIdFor(id, sending),
    autoSubmitted: 'auto-replied',
  };
}

/** A notice to staff (or operators) about a case or a held message, from the policy's staff-notices sender. */
export function noticeToStaff(
  policy: Policy | undefined,
  owner: string,
  reference: string | undefined,
  to: readonly string[],
  letter: Letter,
  purpose: LetterPurpose,
  key: string,
  sending: Sending,
): LetterToSend {
  const id = letterId(owner, purpose, key);
  return {
    id,
    purpose,
    ...(reference ? { reference } : {}),
    toComplainant: false,
    // Never the complaints address: a member of staff who presses Reply must not reach complaint intake.
    from: { address: policy ? staffNoticesSender(policy) : sending.operatorEmail, name: 'Redress' },
    to: [...new Set(to)],
    ...letter,
    messageId: messageIdFor(id, sending),
    autoSubmitted: 'auto-generated',
  };
}
