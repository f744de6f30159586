import type { DateTime } from 'luxon';
import type { StaffMember } from '#domain/access/staff-member';
import { recordView } from '#domain/case/actions/record-view';
import type { Sending } from '#domain/letters/addressing';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';

/**
 * Someone allowed saw a confidential case's personal details away from its own page (the letter in an action's
 * preview, a search by who complained turning it up): recorded on its timeline as a reading of the case is, who
 * and when. Nothing for a case that is not confidential.
 */
export async function recordConfidentialView(deps: ChangeCaseDeps & { readonly sending: Sending }, member: StaffMember, reference: string, at: DateTime, what: string): Promise<void> {
  await changeCase(deps, reference, (c) => (c.confidential ? { change: recordView(c, { at, actor: member.name, sending: deps.sending }, what) } : undefined));
}
