import type { Case } from '#domain/case/case';

/** What the annual report needs of a service request (LGSCO 1.8: recorded, monitored and reviewed): its dates, no words. */
export interface ServiceRequestRecord {
  readonly recordedAt: string;
  /** Its target (YYYY-MM-DD), where the policy set one. */
  readonly targetDate?: string;
  readonly doneAt?: string;
  /** When the person complained about it: from then it is counted as a complaint too. */
  readonly becameComplaintAt?: string;
}

/** The service request part of a case's report record: none for a case that never was one. */
export function serviceRequestRecordOf(c: Pick<Case, 'serviceRequest'>): { serviceRequest?: ServiceRequestRecord } {
  const sr = c.serviceRequest;
  if (!sr) return {};
  return {
    serviceRequest: {
      recordedAt: sr.recordedAt,
      ...(sr.targetDate ? { targetDate: sr.targetDate } : {}),
      ...(sr.done ? { doneAt: sr.done.at } : {}),
      ...(sr.becameComplaint ? { becameComplaintAt: sr.becameComplaint.at } : {}),
    },
  };
}

/** A record of a service request the person has not complained about: not counted as a complaint received. */
export function onlyAServiceRequest(r: { readonly serviceRequest?: ServiceRequestRecord }): boolean {
  return Boolean(r.serviceRequest && !r.serviceRequest.becameComplaintAt);
}

/** The instants a service request did something at, for the years its record is kept in. */
export function serviceRequestInstants(r: { readonly serviceRequest?: ServiceRequestRecord }): (string | undefined)[] {
  const sr = r.serviceRequest;
  return sr ? [sr.recordedAt, sr.doneAt, sr.becameComplaintAt] : [];
}
