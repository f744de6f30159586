import type { DateTime } from 'luxon';
import { roleAndAbove, rolesIn } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import { entryStage } from '#domain/case/route-case';
import type { HeldMessage } from '#domain/mail/held-message';
import type { PolicySet } from '#domain/policy/policy-set';
import { discardHeld } from '../held/discard-held.js';
import type { HeldMail } from '../ports/held-mail.js';
import { HeldMessageNotFoundError } from '../ports/store-errors.js';

/**
 * Whose held mail a person may see and settle: an operator, every organisation's and the mail no policy claims;
 * anyone else, the organisations where they hold a role whose capabilities include `held-mail` (the council's
 * Customer Relations Team), or, for a role the policy gives no capabilities, the role that takes new complaints
 * (the first stage's handler, whom held-mail notices go to) or one above it.
 */
export function heldScopesFor(member: StaffMember, policies: PolicySet): string[] {
  if (member.operator) return [...policies.all.map((p) => p.id), 'operator'];
  return policies.all
    .filter((p) => {
      const allowed = roleAndAbove(p, entryStage(p).handler);
      return [...rolesIn(member, p.id)].some((r) => {
        const capabilities = p.roles.find((x) => x.id === r)?.capabilities;
        return capabilities ? capabilities.includes('held-mail') : allowed.has(r);
      });
    })
    .map((p) => p.id);
}

/** The waiting held messages a person may see, newest first within each organisation: never one that may be about them. */
export async function heldFor(deps: { readonly heldMail: Pick<HeldMail, 'list'>; readonly policies: PolicySet }, member: StaffMember): Promise<{ scope: string; messages: HeldMessage[] }[]> {
  return Promise.all(heldScopesFor(member, deps.policies).map(async (scope) => ({ scope, messages: (await deps.heldMail.list(scope)).filter((h) => !aboutThem(member, h)) })));
}

/** Whether a held message may be about this person (its words name their role, or it came to the address for complaints about them). */
function aboutThem(member: StaffMember, held: HeldMessage): boolean {
  const roles = rolesIn(member, held.scope);
  return (held.aboutRoles ?? []).some((r) => roles.has(r));
}

/** A held message this person may settle; one they may not is "no such message". */
export async function heldToSettle(deps: { readonly heldMail: Pick<HeldMail, 'get'>; readonly policies: PolicySet }, member: StaffMember, id: string): Promise<HeldMessage> {
  const held = await deps.heldMail.get(id);
  if (!held || !heldScopesFor(member, deps.policies).includes(held.scope) || aboutThem(member, held)) throw new HeldMessageNotFoundError(id);
  return held;
}

/**
 * A held message this person may release into `policyId`'s cases: one they may settle, and mail to no
 * organisation only into one where they work (an operator may release it into any).
 */
export async function heldToRelease(deps: { readonly heldMail: Pick<HeldMail, 'get'>; readonly policies: PolicySet }, member: StaffMember, id: string, policyId: string | undefined): Promise<HeldMessage> {
  const held = await heldToSettle(deps, member, id);
  if (policyId && !member.operator && !member.memberships.some((m) => m.policyId === policyId)) throw new HeldMessageNotFoundError(id);
  return held;
}

/** A held message discarded by a person of the console: one they may settle (else "no such message"), with their reason. */
export async function discardHeldFor(deps: { readonly heldMail: HeldMail; readonly policies: PolicySet }, member: StaffMember, request: { readonly id: string; readonly at: DateTime; readonly reason: string }): Promise<HeldMessage> {
  await heldToSettle(deps, member, request.id);
  return discardHeld(deps, { ...request, actor: member.email ?? member.name });
}
