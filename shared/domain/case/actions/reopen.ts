import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, type ActionContext } from './action-kit.js';

/** `case reopen REF --reason TEXT`: a closed case is open again at its stage; its retention clock stops. */
export function reopen(c: Case, reason: string, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; it cannot be reopened: open a new case`);
  if (c.status !== 'closed') throw new ActionRefusedError(`${c.reference} is not closed`);
  const why = reason.trim();
  if (!why) throw new ActionRefusedError('say why it is reopened', { input: 'reason' });
  // Reopened, a matter resolved early or redirected is handled as a complaint after all.
  const { closedAt: _closedAt, closure: _closure, recordedAsComplaint: _recorded, redirectedTo: _redirected, ...rest } = c;
  return change(
    { ...rest, status: 'open', deadlines: c.deadlines.filter((d) => !(d.kind === 'retention' && d.status === 'pending')) },
    [event(ctx.at, 'reopened', ctx.actor, `Reopened: ${why}`, { reason: why })],
    true,
  );
}
