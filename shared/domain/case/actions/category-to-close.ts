import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError } from '../case-change.js';
import type { Case, TimelineEvent } from '../case.js';
import type { ActionContext } from './action-kit.js';
import { setCategory } from './set-category.js';

/**
 * A case about to close with the category it is filed under: the one given (set now, on the timeline), or the one
 * it has. Where the policy's report counts by category (`reporting.byCategory`), a case with none is refused,
 * naming the categories, so that the report's categories are not left "Not yet categorised".
 */
export function categoryToClose(policy: Policy, c: Case, category: string | undefined, ctx: ActionContext): { case: Case; events: TimelineEvent[] } {
  if (category && category !== c.category) {
    const set = setCategory(policy, c, category, ctx);
    return { case: set.case, events: [...set.events] };
  }
  if (!c.category && policy.reporting.byCategory) {
    throw new ActionRefusedError(
      `${c.reference} has no category, and ${policy.organisation.name} reports its complaints by category: choose one to close it (${policy.categories.map((k) => k.id).join(', ')})`,
      { input: 'category' },
    );
  }
  return { case: c, events: [] };
}
