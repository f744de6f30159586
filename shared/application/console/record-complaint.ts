import type { DateTime } from 'luxon';
import { caseRolesIn } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import { ActionRefusedError } from '#domain/case/case-change';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { OpenComplaintDeps, Opened } from '../intake/open-complaint.js';
import { openStaffCase, type StaffOpenRequest } from '../staff/open-case.js';

/** A complaint a person signed in to the console took down: everything `case open` takes but who and when it was recorded. */
export type RecordedComplaint = Omit<StaffOpenRequest, 'actor' | 'at'> & {
  /** When the complainant made it (the call, the visit, the letter's arrival): the deadlines run from it. */
  readonly receivedAt: DateTime;
};

/** Someone who may not record complaints for an organisation: the message says who may. */
export class NotYoursToRecordError extends ActionRefusedError {
  constructor(readonly policyId: string) {
    super(`only members of ${policyId}'s staff can record its complaints`);
    this.name = 'NotYoursToRecordError';
  }
}

/** The organisations whose complaints this person may record: any they hold a role of that reads cases. */
export function policiesToRecordFor(policies: PolicySet, member: StaffMember): Policy[] {
  return policies.all.filter((p) => caseRolesIn(member, p).size > 0);
}

/**
 * A complaint recorded from the console (a call, a letter, a visit, someone's representative): checked that this
 * person may record for the organisation, then opened by the same builder as `case open` and intake, recorded
 * by them. A receipt time in the future is refused: the clock cannot start before the complaint was made.
 */
export async function recordComplaint(deps: OpenComplaintDeps & { readonly policies: PolicySet }, member: StaffMember, complaint: RecordedComplaint, now: DateTime): Promise<Opened> {
  if (!policiesToRecordFor(deps.policies, member).some((p) => p.id === complaint.policyId)) throw new NotYoursToRecordError(complaint.policyId);
  const policy = deps.policies.get(complaint.policyId);
  if (complaint.about && !policy.roles.some((r) => r.id === complaint.about)) throw new ActionRefusedError(`"${complaint.about}" is not one of ${policy.organisation.name}'s roles`, { input: 'about' });
  if (!complaint.receivedAt.isValid) throw new ActionRefusedError('give the date and time the complaint was made', { input: 'receivedAt' });
  if (complaint.receivedAt > now) throw new ActionRefusedError('the complaint cannot have been made in the future: give the date and time it was made', { input: 'receivedAt' });
  const { receivedAt, ...request } = complaint;
  return openStaffCase(deps, { ...request, at: receivedAt, actor: member.email ?? member.name });
}
