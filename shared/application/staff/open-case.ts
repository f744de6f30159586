import { randomUUID } from 'node:crypto';
import type { Channel, Complainant, PreferredChannel, Representative } from '#domain/case/case';
import { namedInComplaint } from '#domain/case/named-in-complaint';
import { ActionRefusedError } from '#domain/case/case-change';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { cleanOneLine } from '#domain/text/display-safe';
import { isEmailAddress } from '#domain/text/email-address';
import { adjustmentChoices, isAdjustmentKind } from '#domain/adjustments/adjustment-kinds';
import { openComplaint, type OpenComplaintDeps, type Opened } from '../intake/open-complaint.js';
import type { PolicySet } from '#domain/policy/policy-set';
import type { DateTime } from 'luxon';

const mailboxKeyOf = (actor: string) => actor.trim().toLowerCase();

export interface StaffOpenRequest {
  readonly policyId: string;
  readonly at: DateTime;
  readonly actor: string;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  /** What it is about, in a line (the console asks for it; the command line may leave it out). */
  readonly subject?: string;
  readonly summary: string;
  readonly about?: string;
  readonly channel: Extract<Channel, 'phone' | 'letter' | 'in-person'>;
  readonly confidential: boolean;
  /** How the complainant wants to be written to: given, the first letter goes that way at once (see openCase). */
  readonly preferredChannel?: PreferredChannel;
  /** Someone complaining on the complainant's behalf, with the consent they gave. */
  readonly representative?: Representative;
  /** Not a complaint but a service request (the policy's `serviceRequests`): no complaint deadlines, its own letter. */
  readonly serviceRequest?: boolean;
  /** What they said when asked "Do you need us to do anything differently?": the policy's adjustments, and their words. */
  readonly adjustmentsAsked?: { readonly kinds: readonly string[]; readonly words?: string };
  /** The console form's own id: the same form sent twice (a double click, a reload) records one complaint. */
  readonly submissionId?: string;
}

/** A representative as staff wrote them down: every part given, each one line and bounded. */
function representativeOf(r: Representative | undefined): Representative | undefined {
  if (!r) return undefined;
  const name = cleanOneLine(r.name);
  const relationship = cleanOneLine(r.relationship);
  const consent = cleanOneLine(r.consent);
  if (!name && !relationship && !consent) return undefined;
  if (!name) throw new ActionRefusedError("give the representative's name", { input: 'representativeName' });
  if (!relationship) throw new ActionRefusedError('say what the representative is to the complainant (a relative, an advocate, a councillor)', { input: 'representativeRelationship' });
  if (!consent) throw new ActionRefusedError("say how the complainant consented to the representative acting for them (in writing, by telephone with both on the line): it is recorded on the case", { input: 'representativeConsent' });
  return { name: boundText(name, TEXT_BOUNDS.name), relationship: boundText(relationship, TEXT_BOUNDS.name), consent: boundText(consent, TEXT_BOUNDS.detail) };
}

/**
 * `case open --policy ID ...`: a complaint made by phone, letter or in person, entered by staff. It becomes a
 * case like any other (its reference, deadlines, routing by whom it is about, the handler's notice); the
 * acknowledgement goes by email when staff took an address from the complainant, otherwise it is drafted on the
 * timeline for staff to post (at once, where staff say how the complainant wants to be written to). The address
 * staff took down is the complainant's own, given to them by the complainant, so it needs no confirming. Whom its
 * words name is found as for mail; the receipt time is the one staff give (`at`), so the deadlines run from it.
 */
export async function openStaffCase(deps: OpenComplaintDeps & { readonly policies: PolicySet }, request: StaffOpenRequest): Promise<Opened> {
  const policy = deps.policies.get(request.policyId);
  if (request.about && !policy.roles.some((r) => r.id === request.about)) throw new UnknownPolicyItemError('role', request.about, policy.roles.map((r) => r.id));
  if (request.serviceRequest && !policy.serviceRequests) throw new ActionRefusedError(`${policy.organisation.name}'s policy has no service requests: record it as a complaint`, { input: 'kind' });
  const summary = request.summary.trim();
  if (!summary) throw new ActionRefusedError('say what the complaint is about', { input: 'summary' });
  const name = cleanOneLine(request.name);
  if (!name) throw new ActionRefusedError("give the complainant's name", { input: 'name' });
  const email = request.email?.trim().toLowerCase();
  if (email && !isEmailAddress(email)) throw new ActionRefusedError(`"${request.email}" is not an email address`, { input: 'email' });
  if (request.preferredChannel === 'email' && !email) throw new ActionRefusedError('they prefer email: give their email address, or choose post or telephone', { input: 'email' });
  if (request.preferredChannel === 'post' && !request.address?.trim()) throw new ActionRefusedError('they prefer post: give their postal address', { input: 'address' });
  if (request.preferredChannel === 'phone' && !request.phone?.trim()) throw new ActionRefusedError('they prefer the telephone: give their number', { input: 'phone' });
  const representative = representativeOf(request.representative);
  const unknownAdjustment = request.adjustmentsAsked?.kinds.find((k) => !isAdjustmentKind(policy, k));
  if (unknownAdjustment !== undefined) throw new ActionRefusedError(`"${cleanOneLine(unknownAdjustment)}" is not one of the adjustments ${policy.organisation.name} offers (${adjustmentChoices(policy).map((k) => k.id).join(', ')})`, { input: 'adjustments' });
  const subject = request.subject ? cleanOneLine(request.subject) : '';
  const complainant: Complainant = {
    anonymous: false,
    name: boundText(name, TEXT_BOUNDS.name),
    ...(email ? { email } : {}),
    ...(request.phone ? { phone: cleanOneLine(request.phone) } : {}),
    ...(request.address?.trim() ? { postalAddress: boundText(request.address.trim(), TEXT_BOUNDS.postalAddress) } : {}),
    ...(request.preferredChannel ? { preferredChannel: request.preferredChannel } : {}),
    ...(representative ? { representative } : {}),
  };
  // Whom its words name, as for mail and the form: routed and kept from them until the handler confirms or undoes it.
  const named = namedInComplaint(policy, { ...(subject ? { subject } : {}), text: summary });
  return openComplaint(
    deps,
    policy,
    {
      channel: request.channel,
      receivedAt: request.at.toUTC().toISO() as string,
      complainant,
      confidential: request.confidential,
      ...(request.about ? { about: request.about } : {}),
      ...(named.roles.length > 0 ? { named } : {}),
      ...(subject ? { subject } : {}),
      summary,
      attachments: [],
      // Staff wrote it down with the complainant (Not Alone Mentoring 6.1); a signature the policy needs still comes later.
      signed: false,
      flags: [],
      recordedBy: request.actor,
      ...(request.serviceRequest ? { serviceRequest: true } : {}),
      ...(request.adjustmentsAsked ? { adjustmentsAsked: request.adjustmentsAsked } : {}),
      source: { enteredBy: request.actor, channel: request.channel },
    },
    // Keyed by who sent which form, so that sending it again finds the case it opened.
    request.submissionId ? `staff:${mailboxKeyOf(request.actor)}:${request.submissionId}` : `staff:${randomUUID()}`,
  );
}
