import type { CaseKind } from '#domain/case/service-request';
import type { Policy } from '#domain/policy/policy-schema';
import type { FormValues } from '../console-actions.js';

/** The record form's answer for a contact that is not a complaint but a service request. */
export const SERVICE_REQUEST_KIND = 'service-request';

/**
 * What the record form is taking down: a service request only where the policy has them and the person chose one
 * (the page's own link, or the form sent back); a complaint otherwise. The form's words follow it.
 */
export function recordKind(policy: Policy, values: FormValues): CaseKind {
  return policy.serviceRequests && values.kind === SERVICE_REQUEST_KIND ? 'service-request' : 'complaint';
}

/**
 * The record form's first question, where the policy has service requests (LGSCO 1.2; the council's "may be dealt
 * with as a fault report or a service request"): a complaint, or a service request. Answered by a link that loads
 * the form again in the other kind's words (no script), so that a service request is never taken down under a
 * complaint's labels.
 */
export const RECORD_KIND_HINT =
  'A service request asks us to provide or improve a service, fix a problem or reconsider a decision, and is not a complaint: it has no complaint deadlines, and its letter says what happens next and that they can still complain. If they say they are unhappy with us, record a complaint.';
