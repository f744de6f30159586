import type { Case } from './case.js';
import { agreedActions } from './actions/action-done.js';
import { aboutRoleOf } from './about-role.js';

/** An action agreed at an outcome and not yet done: what the index of actions holds, nothing personal. */
export interface PendingAction {
  readonly reference: string;
  /** Its number on the case (`case action-done REF N`). */
  readonly n: number;
  readonly due: string;
  readonly stage: string;
  /** The policy role the complaint is about, when it is one: never shown to that role. */
  readonly aboutRole?: string;
  /** Every role it is about, where there are more than one (see aboutRoleOf). */
  readonly aboutRoles?: readonly string[];
}

/** The case's actions still to do, as the index keeps them. */
export function pendingActions(c: Case): PendingAction[] {
  if (c.destroyedAt) return [];
  const stages = (c.outcomes ?? []).map((o) => o.stage);
  const about = aboutRoleOf(c);
  return agreedActions(c)
    .filter((a) => !a.doneAt)
    .map((a) => ({ reference: c.reference, n: a.n, due: a.due, stage: stages[a.outcome] ?? c.stage, ...about }));
}
