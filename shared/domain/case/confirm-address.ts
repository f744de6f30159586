import { DateTime } from 'luxon';
import type { Sending } from '#domain/letters/addressing';
import type { SenderAuthentication } from '#domain/mail/sender-authentication';
import type { Policy } from '#domain/policy/policy-schema';
import { firstLetterOnConfirmation } from './actions/first-letter-on-confirmation.js';
import type { CaseChange } from './case-change.js';
import type { AddressCheck, Case, TimelineEvent } from './case.js';
import { timelineEvent } from './timeline-event.js';

/** How a typed address was shown to be the complainant's: the link in the letter, or a reply carrying its code. */
export type AddressProof =
  | { readonly by: 'link'; readonly at: string }
  | { readonly by: 'reply'; readonly at: string; readonly sender: string; /** The reply's digest: one happening. */ readonly key: string };

/**
 * What a reply from the address typed into the form does for it: confirms it (it carries the letter's code, and
 * the mail checks did not fail), or does not (no code: anyone can put another's address in From; or the code, but
 * the From's domain was shown not to have sent it). Undefined where there is nothing to confirm.
 */
export type ReplyConfirmation = 'confirms' | 'no-code' | 'sender-unverified';

/** A message on a case, as far as confirming its address goes. */
export interface ReplyToCheck {
  readonly automatic: boolean;
  readonly sender: string;
  readonly subject: string;
  readonly text: string;
  readonly senderAuthentication?: SenderAuthentication;
}

export function replyConfirmation(c: Case, reply: ReplyToCheck): ReplyConfirmation | undefined {
  if (reply.automatic || c.complainant.emailConfirmed !== false) return undefined;
  if (c.complainant.email?.toLowerCase() !== reply.sender.toLowerCase()) return undefined;
  const check = c.complainant.addressCheck;
  if (!check || !(carriesCode(check, reply.subject) || carriesCode(check, reply.text))) return 'no-code';
  if (reply.senderAuthentication === 'failed') return 'sender-unverified';
  return 'confirms';
}

/**
 * Whether a text carries the letter's code, as the complainant might give it back: quoted in the reply, typed in
 * capitals or not, with or without the hyphen or with a space for it.
 */
export function carriesCode(check: AddressCheck, text: string): boolean {
  const [first, second] = check.code.split('-');
  if (!first || !second) return false;
  return new RegExp(`(?:^|[^0-9A-Z])${first}[- ]?${second}(?:$|[^0-9A-Z])`, 'i').test(text);
}

/** What the timeline says of a reply from the typed address that did not confirm it, for staff. */
export function unconfirmedReplyWords(sender: string, why: Exclude<ReplyConfirmation, 'confirms'>): string {
  return why === 'no-code'
    ? `A reply from ${sender}, the address typed into the form, did not carry the code from the letter that asked to confirm it: the address is still not confirmed (anyone can send mail that says it is from any address).`
    : `A reply from ${sender} carried the code, but the mail checks (SPF, DKIM or DMARC) showed it was not sent by that address's domain: the address is still not confirmed.`;
}

/**
 * The typed address is the complainant's: from now on Redress may write to it (and its letters carry the page's
 * link). The secrets stay, so that the link opened again says it is already confirmed; they go with the personal
 * data at retention. The first letter the case owes, which the confirm-address letter stood in for, goes now
 * (./actions/first-letter-on-confirmation.ts): the acknowledgement with its dates, or the request for a signature.
 */
export function confirmAddress(policy: Policy, c: Case, proof: AddressProof, now: string, sending: Sending): CaseChange {
  const address = c.complainant.email ?? '';
  const event: TimelineEvent =
    proof.by === 'link'
      ? timelineEvent({ id: `email-confirmed-link-${proof.at}`, at: proof.at, type: 'note', actor: 'complainant', summary: `The complainant confirmed ${address} with the link in the letter sent to it` })
      : timelineEvent({ id: `email-confirmed-${proof.key.slice(0, 16)}`, at: proof.at, type: 'note', actor: proof.sender, summary: `The complainant confirmed ${address} by replying from it with the code from the letter sent to it` });
  const confirmed: Case = { ...c, complainant: { ...c.complainant, emailConfirmed: true }, updatedAt: now };
  const owed = firstLetterOnConfirmation(policy, confirmed, DateTime.fromISO(proof.at), sending);
  return { ...owed, events: [event, ...owed.events] };
}
