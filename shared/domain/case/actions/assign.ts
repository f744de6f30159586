import { complaintIsAbout } from '#domain/access/staff-person';
import { roleTitle } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { isEmailAddress } from '#domain/text/email-address';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireOpen, type ActionContext } from './action-kit.js';

/**
 * `case assign REF --to EMAIL`, or `take`: the case is given to one person within its handling role. That person
 * must hold the role: `toRoles` are the roles the caller found them in (the policy's addresses for its roles, or
 * the roles the staff directory holds for them from their last sign-in). Someone outside it is refused: reassign
 * the case to their role first. Someone the complaint is about is refused whatever their roles.
 */
export function assign(policy: Policy, c: Case, to: string, toRoles: readonly string[], ctx: ActionContext, toName?: string): CaseChange {
  requireOpen(c, 'assign it');
  const email = to.trim().toLowerCase();
  if (!isEmailAddress(email)) throw new ActionRefusedError(`"${to}" is not an email address: give the address of a person in the role handling ${c.reference} (${roleTitle(policy, c.handlerRole)})`, { input: 'to' });
  // Never the person the complaint is about, whatever roles they hold: the case is kept from them.
  if (complaintIsAbout(c, { email, roles: toRoles, ...(toName ? { name: toName } : {}) })) {
    throw new ActionRefusedError(`${c.reference} is about ${email} (or a role they hold), so it cannot be assigned to them: choose someone else in the role handling it`, { input: 'to' });
  }
  if (!toRoles.includes(c.handlerRole)) {
    throw new ActionRefusedError(`${email} does not hold the role handling ${c.reference} (${roleTitle(policy, c.handlerRole)}): assign it to someone who does, or reassign the case to their role first`, {
      input: 'to',
      instead: 'reassign',
      reference: c.reference,
    });
  }
  if (c.handler?.email === email) throw new ActionRefusedError(`${c.reference} is already assigned to ${email}`);
  const taken = email === ctx.actor.toLowerCase();
  const summary = taken ? `Taken by ${email} (${roleTitle(policy, c.handlerRole)})` : `Assigned to ${email} (${roleTitle(policy, c.handlerRole)})${c.handler ? `, was ${c.handler.email}` : ''}`;
  return change({ ...c, handler: { email, at: iso(ctx.at), by: ctx.actor } }, [event(ctx.at, 'assigned', ctx.actor, summary, { to: email, role: c.handlerRole, ...(c.handler ? { was: c.handler.email } : {}) })], false);
}
