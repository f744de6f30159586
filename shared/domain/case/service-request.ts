/** One step recorded on a service request: what was done, when, by whom. */
export interface ServiceRequestStep {
  readonly at: string;
  readonly by: string;
  readonly text: string;
}

/**
 * A contact recorded as a service request (LGSCO 1.2: a request to provide or improve a service, fix a problem or
 * reconsider a decision), not a complaint: what was asked, each step taken, when it was done, and whether the
 * person later complained about it. It keeps the first contact's date, which a complaint made about it may count
 * its deadlines from (the policy's `serviceRequests.complaintCountsFrom`).
 */
export interface ServiceRequest {
  /** When the person first contacted us about it (the case's first receipt). */
  readonly firstContactAt: string;
  /** When and by whom it was recorded as a service request. */
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly asked: string;
  /** The policy's target for dealing with it (YYYY-MM-DD), where it sets one: the digest lists it once past. */
  readonly targetDate?: string;
  readonly steps: readonly ServiceRequestStep[];
  readonly done?: ServiceRequestStep;
  /** The person complained about it: when they said so, who recorded it, and the instant the complaint's deadlines count from. */
  readonly becameComplaint?: ComplaintAboutServiceRequest;
}

/** The complaint a person made about their service request. */
export interface ComplaintAboutServiceRequest {
  /** When the person said they were unhappy (the day staff gave, at the start of that London day; now, when today). */
  readonly at: string;
  readonly by: string;
  readonly countsFrom: string;
  /** What they are unhappy about, as staff took it down (bounded). Absent on complaints recorded before it was asked. */
  readonly words?: string;
  /** When it was recorded, where that differs from when they said it. */
  readonly recordedAt?: string;
}

/** A case, or a projection of one, as far as its service request goes (no import of the case: it imports this). */
type HasServiceRequest = { readonly serviceRequest?: ServiceRequest | undefined };

/** A case that is a service request and not (or not yet) a complaint. */
export function isServiceRequestOnly(c: HasServiceRequest): boolean {
  return Boolean(c.serviceRequest && !c.serviceRequest.becameComplaint);
}

/** A service request still being dealt with (whether or not the person has also complained: LGSCO 1.7). */
export function serviceRequestOpen(c: HasServiceRequest): boolean {
  return Boolean(c.serviceRequest && !c.serviceRequest.done);
}

/** What a case is, for staff: a complaint (one that began as a service request too), or a service request only. */
export const CASE_KINDS = ['complaint', 'service-request'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Each kind as the console's lists and filters say it. */
export const CASE_KIND_WORDS: Record<CaseKind, string> = { complaint: 'Complaint', 'service-request': 'Service request' };

/** What a case is, in a word for staff: the console's lists and filters use it. */
export function caseKind(c: HasServiceRequest): CaseKind {
  return isServiceRequestOnly(c) ? 'service-request' : 'complaint';
}
