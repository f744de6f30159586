import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, requireOpen, type ActionContext } from './action-kit.js';

/**
 * `case category REF ID`: the policy's category ("nature of complaint") the case is filed under, for the report.
 * Set, or changed, any time before the case closes.
 */
export function setCategory(policy: Policy, c: Case, categoryId: string, ctx: ActionContext): CaseChange {
  requireOpen(c, 'set its category');
  const category = policy.categories.find((k) => k.id === categoryId);
  if (!category) {
    throw new ActionRefusedError(
      policy.categories.length ? `${policy.organisation.name}'s categories are ${policy.categories.map((k) => k.id).join(', ')}, not "${categoryId}"` : `${policy.organisation.name}'s policy lists no categories: add them under categories in its file`,
      { input: 'category' },
    );
  }
  if (c.category === category.id) throw new ActionRefusedError(`${c.reference} is already filed under ${category.name}`);
  const before = policy.categories.find((k) => k.id === c.category)?.name;
  return change({ ...c, category: category.id }, [event(ctx.at, 'categorised', ctx.actor, before ? `Filed under ${category.name} (was ${before})` : `Filed under ${category.name}`, { category: category.id, ...(c.category ? { was: c.category } : {}) })], false);
}
