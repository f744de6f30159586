import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import { londonDate } from '#domain/calendar/london-date';
import type { Sending } from './addressing.js';
import { dateInWords } from './dates-in-words.js';
import { common, type LetterFacts, type Requirement } from './letter-view.js';

/** The organisation's complaint form on the front door, where it has one and Redress serves it. */
function formUrl(policy: Policy, sending: Sending): string | undefined {
  return policy.intake.webForm.enabled && sending.pageBaseUrl ? `${sending.pageBaseUrl.replace(/\/+$/, '')}/forms/${policy.id}` : undefined;
}

/** How to complain, as both letters say it: by reply or in writing, by the complaints address, by the form; and from when a complaint counts. */
function howToComplain(policy: Policy, c: Case, sending: Sending): { view: Record<string, string | boolean | undefined>; required: Requirement[] } {
  const sr = c.serviceRequest;
  const firstContact = sr && policy.serviceRequests?.complaintCountsFrom !== 'complaint' ? dateInWords(londonDate(sr.firstContactAt)) : undefined;
  const complaintsAddress = policy.intake.addresses[0];
  return {
    view: { complaintsAddress, formUrl: formUrl(policy, sending), countsFromFirstContact: Boolean(firstContact), firstContact },
    required: [
      { what: 'that they can make a complaint', text: 'make a complaint' },
      ...(complaintsAddress ? [{ what: 'the complaints address', text: complaintsAddress }] : []),
      ...(firstContact ? [{ what: `the day a complaint would count from (${sr?.firstContactAt ?? ''})`, text: firstContact }] : []),
    ],
  };
}

/** The letter confirming a contact was recorded as a service request: what was asked, what happens next, and how to complain. */
export function serviceRequestFacts(policy: Policy, c: Case, sending: Sending): LetterFacts {
  const sr = c.serviceRequest;
  const target = sr?.targetDate ? dateInWords(sr.targetDate) : undefined;
  const complain = howToComplain(policy, c, sending);
  return {
    kind: 'service-request',
    view: {
      ...common(policy, c),
      ...complain.view,
      asked: sr?.asked ?? '',
      // Not the handler's role in letters: those words are a complaint's ("the service you complained about").
      handlerSentence: 'We have passed your request to the team responsible for the service, who will deal with it.',
      targetDate: target,
    },
    required: [
      { what: 'the reference', text: c.reference },
      { what: 'what was asked', text: sr?.asked ?? '' },
      ...(target ? [{ what: `the target date (${sr?.targetDate ?? ''})`, text: target }] : []),
      ...complain.required,
    ],
  };
}

/** The letter saying a service request was dealt with: what was done; how to complain, unless they already have. */
export function serviceRequestDoneFacts(policy: Policy, c: Case, sending: Sending): LetterFacts {
  const sr = c.serviceRequest;
  const complained = Boolean(sr?.becameComplaint);
  const complain = howToComplain(policy, c, sending);
  return {
    kind: 'service-request-done',
    view: { ...common(policy, c), ...complain.view, asked: sr?.asked ?? '', done: sr?.done?.text ?? '', complained },
    required: [
      { what: 'the reference', text: c.reference },
      { what: 'what was done', text: sr?.done?.text ?? '' },
      ...(complained ? [] : complain.required),
    ],
  };
}
