import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, StageOutcome } from '../case.js';
import { change, event, iso, type ActionContext } from './action-kit.js';
import { dateInWords } from '#domain/letters/dates-in-words';

/** Every action agreed at the case's outcomes, oldest first, numbered from 1 as `case show` lists them. */
export function agreedActions(c: Case): { readonly n: number; readonly outcome: number; readonly index: number; readonly text: string; readonly due: string; readonly doneAt?: string }[] {
  return (c.outcomes ?? []).flatMap((o, outcome) => o.actions.map((a, index) => ({ outcome, index, ...a }))).map((a, i) => ({ n: i + 1, ...a }));
}

/**
 * `case action-done REF N`: an action agreed at an outcome was done (closed cases too: actions often outlive
 * the case). Counted in the report; one past its date and not done is reported overdue.
 */
export function markActionDone(c: Case, n: number, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed; nothing more can be recorded`);
  const actions = agreedActions(c);
  const action = actions.find((a) => a.n === n);
  if (!action) throw new ActionRefusedError(actions.length ? `${c.reference} has actions 1 to ${actions.length}, not ${n}` : `${c.reference} has no agreed actions`, { input: 'action' });
  if (action.doneAt) throw new ActionRefusedError(`action ${n} ("${action.text}") was already done on ${action.doneAt.slice(0, 10)}`);
  const at = iso(ctx.at);
  const outcomes: StageOutcome[] = (c.outcomes ?? []).map((o, i) => (i === action.outcome ? { ...o, actions: o.actions.map((a, j) => (j === action.index ? { ...a, doneAt: at } : a)) } : o));
  const latest = outcomes[outcomes.length - 1];
  return change({ ...c, outcomes, ...(latest ? { outcome: latest } : {}) }, [event(ctx.at, 'action-done', ctx.actor, `Done: ${action.text}${at.slice(0, 10) > action.due ? ` (it was due by ${dateInWords(action.due)})` : ''}`, { action: n })], false);
}
