import type { CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, type ActionContext } from './action-kit.js';

/** The case's monitoring fields left the system in an export: who took them and when go on its timeline. */
export function recordExport(c: Case, year: number, ctx: ActionContext): CaseChange {
  return change(c, [event(ctx.at, 'exported', ctx.actor, `Exported with the monitoring fields for ${year}`, { year })], false);
}
