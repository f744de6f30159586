import { dateInWords } from '#domain/letters/dates-in-words';
import type { Case } from './case.js';
import { isServiceRequestOnly } from './service-request.js';

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
