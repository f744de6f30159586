import { CHANNEL_IN_WORDS, channelsInWords, type ContactRestriction } from '#domain/case/contact-restriction';
import { roleInSentence } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { dateInWords } from './dates-in-words.js';
import { listInWords } from '#domain/text/list-in-words';

/** A letter's subject and words, sent in the policy's own frame for staff's messages (greeting, how to reply, sign-off). */
export interface RestrictionLetter {
  readonly subject: string;
  readonly text: string;
}

function pointOfContactWords(policy: Policy, r: ContactRestriction): string {
  return `${r.pointOfContact.name} (${roleInSentence(policy, r.pointOfContact.role)})`;
}

/** The organisation's postal address on one line, where the policy gives one. */
function postalAddress(policy: Policy): string | undefined {
  return policy.organisation.contact?.address?.split('\n').map((l) => l.trim()).filter(Boolean).join(', ');
}

/**
 * Each way left open with what it takes to use it (the address to write to, the number to call), so that a letter
 * limiting someone to post tells them where to post to, and never offers a way that is closed.
 */
function waysLeftOpen(policy: Policy, r: ContactRestriction): string {
  const email = policy.intake.addresses[0];
  const post = postalAddress(policy);
  const phone = policy.organisation.contact?.phone;
  const ways = r.channelsOpen.map((c) =>
    c === 'email' && email ? `by email to ${email}` : c === 'post' && post ? `by post to ${post}` : c === 'phone' && phone ? `by telephone on ${phone}` : CHANNEL_IN_WORDS[c],
  );
  return listInWords(ways, 'or');
}

/** How to ask for a review of the restriction, said the same way in every letter about it: by a way left open. */
function askForReview(policy: Policy, r: ContactRestriction): string {
  const post = postalAddress(policy);
  const email = policy.intake.addresses[0];
  const address = r.channelsOpen.includes('email') || !post ? email : post;
  return (
    `If you think this is wrong, or that it makes it harder for you to contact us because of a disability or other need, ` +
    `you can ask us to look at it again at any time: write to ${r.pointOfContact.name}${address ? ` at ${address}` : ''} and say why. ` +
    `Someone who was not involved in the decision will review it and write to you.`
  );
}

const KEPT =
  'We will still read everything you send us. Nothing you send is ignored or thrown away: it is kept with your complaint, and ' +
  'anything new you raise will be looked at in the usual way.';

/**
 * Where email is not left open, the letter still goes by email and its frame says a reply is kept: say what happens
 * to an email, so the letter does not contradict itself (it is kept and passed on, never dropped, and answered only
 * the ways left open).
 */
function emailNotOpen(r: ContactRestriction): string[] {
  if (r.channelsOpen.includes('email')) return [];
  return [`If you email us, or reply to this email, what you send is still kept with your complaint and passed to ${r.pointOfContact.name}, who will answer you ${channelsInWords(r.channelsOpen)}.`];
}

/** The letter that tells a person a restriction is set: why, what is limited, how they can still reach us, who answers, when it is reviewed. */
export function restrictionSetLetter(policy: Policy, r: ContactRestriction): RestrictionLetter {
  const who = pointOfContactWords(policy, r);
  return {
    subject: 'How you can contact us from now on',
    text: [
      `We are writing to tell you that we have decided to limit how you contact us, for a time.`,
      `Why we have decided this:\n${r.reason}`,
      `What we are limiting:\n${r.scope}`,
      `How you can contact us: ${waysLeftOpen(policy, r)}. ${who} is now your single point of contact: they will read what you send us and reply to you.`,
      KEPT,
      ...emailNotOpen(r),
      `We will review this decision by ${dateInWords(r.reviewOn)}, and write to you then to say whether it continues, changes or ends.`,
      askForReview(policy, r),
    ].join('\n\n'),
  };
}

/** The letter after a review that keeps the restriction (perhaps changed): what it now is and the next review date. */
export function restrictionReviewedLetter(policy: Policy, r: ContactRestriction, note: string): RestrictionLetter {
  const who = pointOfContactWords(policy, r);
  return {
    subject: 'We have reviewed how you can contact us',
    text: [
      `We have reviewed the limits we placed on how you contact us, and decided to keep them for now.`,
      ...(note ? [`Why:\n${note}`] : []),
      `What is still limited:\n${r.scope}`,
      `How you can contact us: ${waysLeftOpen(policy, r)}. ${who} is still your single point of contact.`,
      KEPT,
      ...emailNotOpen(r),
      `We will review this again by ${dateInWords(r.reviewOn)}.`,
      askForReview(policy, r),
    ].join('\n\n'),
  };
}

/** The letter that tells a person the restriction has ended. */
export function restrictionLiftedLetter(policy: Policy, note: string): RestrictionLetter {
  const address = policy.intake.addresses[0];
  return {
    subject: 'The limits on how you contact us have ended',
    text: [
      `We have ended the limits we placed on how you contact us. From today you can contact us in any of the usual ways${address ? `, including by email to ${address}` : ''}.`,
      ...(note ? [note] : []),
    ].join('\n\n'),
  };
}

/** The short receipt a restricted person gets for a message, where email is among the channels left open to them. */
export function restrictedMailReceipt(policy: Policy, r: ContactRestriction, receivedOn: string): RestrictionLetter {
  return {
    subject: 'We have received your message',
    text: `We received your message on ${dateInWords(receivedOn)} and have kept it with your complaint. ${pointOfContactWords(policy, r)}, your single point of contact, has been told and will reply to you.`,
  };
}
