import type { Case } from '#domain/case/case';
import { isServiceRequestOnly } from '#domain/case/service-request';

/** What the morning needs of a service request being dealt with: the day it should be done by, where the policy set one. */
export interface ServiceRequestDue {
  readonly targetDate?: string;
}

/** The heading under which the digest and the morning view list service requests past their target. */
export const SERVICE_REQUESTS_PAST_TARGET = 'Service requests past their target';

/** A case's service request for its morning projection: only while it is one (not a complaint) and not yet dealt with. */
export function serviceRequestDue(c: Pick<Case, 'serviceRequest'>): { serviceRequest?: ServiceRequestDue } {
  const sr = c.serviceRequest;
  if (!sr || !isServiceRequestOnly(c) || sr.done) return {};
  return { serviceRequest: sr.targetDate ? { targetDate: sr.targetDate } : {} };
}

/**
 * From when the morning's query finds a service request: its target date (the digest lists it from the day after);
 * never without one (a service request has no complaint deadlines, so it is listed only while new, never as "no
 * date set").
 */
export function serviceRequestKey(due: ServiceRequestDue, never: string): string {
  return due.targetDate ?? never;
}

/** The target the service request has missed by `today`, or undefined while it has time (or has no target). */
export function missedTarget(due: ServiceRequestDue, today: string): string | undefined {
  return due.targetDate && due.targetDate < today ? due.targetDate : undefined;
}
