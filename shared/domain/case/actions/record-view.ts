import type { CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, type ActionContext } from './action-kit.js';

/**
 * A person saw a confidential case's content or who complained: who, when and where go on its timeline, every
 * time. `what` says where it was seen when that was not the case's own page (a preview's letter, a search).
 */
export function recordView(c: Case, ctx: ActionContext, what = 'Read the confidential case'): CaseChange {
  return change(c, [event(ctx.at, 'viewed', ctx.actor, what)], false);
}
