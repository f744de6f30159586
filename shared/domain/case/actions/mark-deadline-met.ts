import { deadlineDone } from '../pending-deadlines.js';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, type ActionContext } from './action-kit.js';
import { dateInWords } from '#domain/letters/dates-in-words';
import { deadlineDueWords } from '#domain/policy/deadline-words';

/** `case met REF KIND`: staff did what a deadline asked (met the complainant, responded by other means): it stops being chased. */
export function markDeadlineMet(c: Case, kind: string, ctx: ActionContext): CaseChange {
  // The acknowledgement is its own action: it may set a reply date and move the case on, as its policy says.
  if (kind === 'acknowledge') throw new ActionRefusedError('an acknowledgement is recorded as an acknowledgement, which also tells the complainant', { instead: 'acknowledge', reference: c.reference });
  const open = c.deadlines.find((d) => d.kind === kind && d.stage === c.stage && (d.status === 'pending' || d.status === 'missed'));
  if (!open) throw new ActionRefusedError(`${c.reference} has no open ${kind} deadline at ${c.stage}`);
  return change(
    { ...c, deadlines: c.deadlines.map((d) => (d === open ? deadlineDone(d, iso(ctx.at)) : d)) },
    [event(ctx.at, 'note', ctx.actor, `Done by other means: ${deadlineDueWords(kind).toLowerCase()} ${dateInWords(open.dueDate)}${open.status === 'missed' ? ' (late)' : ''}`, { kind, dueDate: open.dueDate })],
    true,
  );
}
