import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, type ActionContext } from './action-kit.js';

/** `case met REF KIND`: staff did what a deadline asked (met the complainant, responded by other means): it stops being chased. */
export function markDeadlineMet(c: Case, kind: string, ctx: ActionContext): CaseChange {
  const open = c.deadlines.find((d) => d.kind === kind && d.stage === c.stage && (d.status === 'pending' || d.status === 'missed'));
  if (!open) throw new ActionRefusedError(`${c.reference} has no open ${kind} deadline at ${c.stage}`);
  return change(
    { ...c, deadlines: c.deadlines.map((d) => (d === open ? { ...d, status: 'met' as const } : d)), ...(kind === 'acknowledge' ? { acknowledgedAt: iso(ctx.at) } : {}) },
    [event(ctx.at, kind === 'acknowledge' ? 'acknowledged' : 'note', ctx.actor, `${kind} done (due ${open.dueDate}${open.status === 'missed' ? ', late' : ''})`, { kind, dueDate: open.dueDate })],
    true,
  );
}
