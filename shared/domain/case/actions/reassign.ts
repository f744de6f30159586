import { roleInSentence } from '#domain/policy/policy-lookups';
import { noticeToStaff } from '#domain/letters/addressing';
import { assignedNotice } from '#domain/letters/staff-notices';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { noticeAddress } from '../route-case.js';
import { event, iso, requireOpen, type ActionContext } from './action-kit.js';
import { independenceProblem } from './independence.js';

/**
 * `case reassign REF ROLE`: another handler, told by notice. Refused for the person the complaint is about,
 * and at a stage with an independence rule for a role that handled an earlier stage.
 */
export function reassign(policy: Policy, c: Case, role: string, ctx: ActionContext): CaseChange {
  if (!policy.roles.some((r) => r.id === role)) throw new UnknownPolicyItemError('role', role, policy.roles.map((r) => r.id));
  requireOpen(c, 'reassign it');
  if (role === c.handlerRole) throw new ActionRefusedError(`${c.reference} is already handled by ${roleInSentence(policy, role)}`);
  const unfit = independenceProblem(policy, c, c.stage, { role });
  if (unfit) throw new ActionRefusedError(unfit);
  // The person who had it was one of the old role's: the new role assigns its own.
  const { handler: _previous, ...rest } = c;
  const moved: Case = { ...rest, handlerRole: role };
  const to = noticeAddress(policy, moved, role, ctx.sending.operatorEmail);
  return {
    case: moved,
    events: [event(ctx.at, 'reassigned', ctx.actor, `Reassigned from ${roleInSentence(policy, c.handlerRole)} to ${roleInSentence(policy, role)}`, { from: c.handlerRole, to: role })],
    letters: [noticeToStaff(policy, c.reference, c.reference, [to], assignedNotice(policy, moved, ctx.sending), 'assigned-notice', `${role}-${iso(ctx.at)}`, ctx.sending)],
    threadKeys: [],
    deadlinesChanged: false,
  };
}
