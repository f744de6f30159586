import type { CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, type ActionContext } from './action-kit.js';

/** A person read a confidential case's content: who and when go on its timeline, every time. */
export function recordView(c: Case, ctx: ActionContext): CaseChange {
  return change(c, [event(ctx.at, 'viewed', ctx.actor, 'Read the confidential case')], false);
}
