import { noticeToStaff } from '#domain/letters/addressing';
import { assignedNotice } from '#domain/letters/staff-notices';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { rolesAbout } from '../named-in-complaint.js';
import { handlerFor, noticeAddress } from '../route-case.js';
import { event, iso, requireOpen, type ActionContext } from './action-kit.js';

export type NamedDecision = 'confirm' | 'undo';

/**
 * `case named REF confirm|undo`: the handler's word on the people a complaint's words named at intake. Confirmed,
 * it stays as it is (about them, kept from them). Undone (it was not about them: "the chief executive's
 * newsletter"), it is routed as if nothing had named them and the new handler is told; a reason is required,
 * since the case then reaches the person it named. Once decided it is not decided again: `reassign` moves it on.
 */
export function decideNamed(policy: Policy, c: Case, input: { readonly decision: NamedDecision; readonly reason?: string }, ctx: ActionContext): CaseChange {
  const named = c.named;
  if (!named) throw new ActionRefusedError(`${c.reference}'s words named nobody the policy routes away: to change its handler, use reassign`);
  if (named.decided) throw new ActionRefusedError(`whom ${c.reference} names was already ${named.decided} by ${named.decidedBy ?? 'staff'}: to change its handler, use reassign`);
  const at = iso(ctx.at);
  const titles = named.roles.map((r) => policy.roles.find((x) => x.id === r)?.title ?? r).join(' and the ');
  const decided = { ...named, decidedAt: at, decidedBy: ctx.actor };
  if (input.decision === 'confirm') {
    return {
      case: { ...c, named: { ...decided, decided: 'confirmed' } },
      events: [event(at, 'named-confirmed', ctx.actor, `Confirmed: the complaint is about the ${titles}, and is kept from them`, { roles: named.roles })],
      letters: [],
      threadKeys: [],
      deadlinesChanged: false,
    };
  }
  requireOpen(c, 'undo whom it names');
  const reason = input.reason?.trim();
  if (!reason) throw new ActionRefusedError(`say why ${c.reference} is not about the ${titles}: the case will reach them`, { input: 'reason' });
  const undone: Case = { ...c, named: { ...decided, decided: 'undone' } };
  const handlerRole = handlerFor(policy, c.stage, rolesAbout(undone));
  const moved: Case = { ...undone, handlerRole };
  const letters = handlerRole === c.handlerRole
    ? []
    : [noticeToStaff(policy, c.reference, c.reference, [noticeAddress(policy, moved, handlerRole, ctx.sending.operatorEmail)], assignedNotice(policy, moved, ctx.sending), 'assigned-notice', `named-undone-${handlerRole}-${at}`, ctx.sending)];
  return {
    case: moved,
    events: [
      event(at, 'named-undone', ctx.actor, `Undone: the complaint is not about the ${titles} (${reason}).${handlerRole === c.handlerRole ? '' : ` Now handled by ${handlerRole}, who is told.`}`, { roles: named.roles, reason, from: c.handlerRole, to: handlerRole }),
    ],
    letters,
    threadKeys: [],
    deadlinesChanged: false,
  };
}
