import { randomUUID } from 'node:crypto';
import type { Channel, Complainant } from '#domain/case/case';
import { ActionRefusedError } from '#domain/case/case-change';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { cleanOneLine } from '#domain/text/display-safe';
import { isEmailAddress } from '#domain/text/email-address';
import { openComplaint, type OpenComplaintDeps, type Opened } from '../intake/open-complaint.js';
import type { PolicySet } from '#domain/policy/policy-set';
import type { DateTime } from 'luxon';

export interface StaffOpenRequest {
  readonly policyId: string;
  readonly at: DateTime;
  readonly actor: string;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly summary: string;
  readonly about?: string;
  readonly channel: Extract<Channel, 'phone' | 'letter' | 'in-person'>;
  readonly confidential: boolean;
}

/**
 * `case open --policy ID ...`: a complaint made by phone, letter or in person, entered by staff. It becomes a
 * case like any other (its reference, deadlines, routing by whom it is about, the handler's notice); the
 * acknowledgement goes by email when staff took an address from the complainant, otherwise it is drafted on the
 * timeline for staff to post. The address staff took down is the complainant's own, so it needs no confirming.
 */
export async function openStaffCase(deps: OpenComplaintDeps & { readonly policies: PolicySet }, request: StaffOpenRequest): Promise<Opened> {
  const policy = deps.policies.get(request.policyId);
  if (request.about && !policy.roles.some((r) => r.id === request.about)) throw new UnknownPolicyItemError('role', request.about, policy.roles.map((r) => r.id));
  const summary = request.summary.trim();
  if (!summary) throw new ActionRefusedError('say what the complaint is about', { input: 'summary' });
  const name = cleanOneLine(request.name);
  if (!name) throw new ActionRefusedError("give the complainant's name", { input: 'name' });
  const email = request.email?.trim().toLowerCase();
  if (email && !isEmailAddress(email)) throw new ActionRefusedError(`"${request.email}" is not an email address`);
  const complainant: Complainant = {
    anonymous: false,
    name: boundText(name, TEXT_BOUNDS.name),
    ...(email ? { email } : {}),
    ...(request.phone ? { phone: cleanOneLine(request.phone) } : {}),
    ...(request.address?.trim() ? { postalAddress: boundText(request.address.trim(), TEXT_BOUNDS.postalAddress) } : {}),
  };
  return openComplaint(
    deps,
    policy,
    {
      channel: request.channel,
      receivedAt: request.at.toUTC().toISO() as string,
      complainant,
      confidential: request.confidential,
      ...(request.about ? { about: request.about } : {}),
      summary,
      attachments: [],
      // Staff wrote it down with the complainant (Not Alone Mentoring 6.1); a signature the policy needs still comes later.
      signed: false,
      flags: [],
      recordedBy: request.actor,
      source: { enteredBy: request.actor, channel: request.channel },
    },
    `staff:${randomUUID()}`,
  );
}
