import { dateInWords } from '#domain/letters/dates-in-words';
import { londonDate } from '#domain/calendar/london-date';
import type { Case } from './case.js';
import { isServiceRequestOnly, type ServiceRequest } from './service-request.js';

/**
 * What the person's own page says comes next while their contact is a service request (not a complaint, so none of
 * a complaint's dates): that we are dealing with it, by when where the policy sets a target, and that they can
 * still complain. Undefined for anything else, which the page words as it always has.
 */
export function serviceRequestNext(c: Pick<Case, 'serviceRequest' | 'status'>): string[] | undefined {
  const sr = c.serviceRequest;
  if (!sr || !isServiceRequestOnly(c) || c.status !== 'open') return undefined;
  return [
    `We have recorded this as a service request, not a complaint, and we are dealing with it. We will write to you when it is done${sr.targetDate ? `: we aim to have dealt with it by ${dateInWords(sr.targetDate)}` : ''}.`,
    'You can still make a complaint about it, or about anything else we have done, at any time. Our letter says how.',
  ];
}

/** What the person's page calls their case: "request" while it is a service request only; the page's "complaint" otherwise. */
export function serviceRequestCalled(c: Pick<Case, 'serviceRequest'>): { called?: 'request' } {
  return isServiceRequestOnly(c) ? { called: 'request' } : {};
}

/**
 * What the person's page says about the service request their complaint is about, once it became one: what they
 * asked (in staff's words, as the letter said it back), when, and what was done or that it is still being dealt
 * with; and when they complained. One sentence each.
 */
export function serviceRequestBehindComplaint(sr: ServiceRequest): string[] {
  const lines = [`On ${dateInWords(londonDate(sr.firstContactAt))} you asked us to do something, which we recorded as a service request: ${sr.asked}`];
  lines.push(sr.done ? `We dealt with it on ${dateInWords(londonDate(sr.done.at))}: ${sr.done.text}` : 'We are still dealing with it, beside your complaint.');
  if (sr.becameComplaint) lines.push(`On ${dateInWords(londonDate(sr.becameComplaint.at))} you told us you were unhappy about it, and we recorded your complaint under the same reference.`);
  return lines;
}
