import type { Policy } from '#domain/policy/policy-schema';
import type { ActionField } from '../console-actions.js';

/** The record form's answer for a contact that is not a complaint but a service request. */
export const SERVICE_REQUEST_KIND = 'service-request';

/**
 * The record form's first question, where the policy has service requests (LGSCO 1.2; the council's "may be dealt
 * with as a fault report or a service request"): a complaint, or a service request. Nothing else asked changes.
 */
export function recordKindGroup(policy: Policy): { legend: string; fields: ActionField[] }[] {
  if (!policy.serviceRequests) return [];
  return [
    {
      legend: 'A complaint or a service request',
      fields: [
        {
          name: 'kind',
          label: 'What the person wants',
          kind: 'select',
          hint: 'A service request asks us to provide or improve a service, fix a problem or reconsider a decision, and is not a complaint: it has no complaint deadlines, and its letter says what happens next and that they can still complain. If they say they are unhappy with us, record a complaint.',
          options: [
            { value: 'complaint', label: 'A complaint' },
            { value: SERVICE_REQUEST_KIND, label: 'A service request, not a complaint' },
          ],
        },
      ],
    },
  ];
}
