import { DateTime } from 'luxon';
import type { Sending } from '#domain/letters/addressing';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseChange } from './case-change.js';
import { openCase, type NewComplaint } from './open-case.js';
import { recordServiceRequest } from './actions/service-request.js';

/**
 * A contact staff recorded as a service request from the start (the console's record page: "a complaint or a
 * service request"): opened as any case is (its reference, routing, the handler's notice), with no complaint
 * deadlines and no acknowledgement, then recorded as a service request by the person who took it down, with its
 * own letter. What was asked is what staff wrote (the subject they gave, else the summary).
 */
export function openServiceRequest(policy: Policy, complaint: NewComplaint & { readonly recordedBy: string }, reference: string, options: { sending: Sending; now: string; pageToken?: string }): CaseChange {
  const opened = openCase(policy, complaint, reference, { ...options, acknowledge: false, kind: 'service-request' });
  const asked = complaint.subject?.trim() ? `${complaint.subject.trim()}: ${opened.case.summary}` : opened.case.summary;
  const recorded = recordServiceRequest(policy, opened.case, asked, { at: DateTime.fromISO(options.now), actor: complaint.recordedBy, sending: options.sending });
  return {
    case: recorded.case,
    events: [...opened.events, ...recorded.events],
    letters: [...opened.letters, ...recorded.letters],
    threadKeys: [...opened.threadKeys, ...recorded.threadKeys],
    deadlinesChanged: false,
  };
}
