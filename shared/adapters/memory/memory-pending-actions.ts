import type { PendingActions } from '#application/ports/pending-actions';
import type { PendingAction } from '#domain/case/pending-actions';
import { copy, type MemoryTables } from './memory-tables.js';

export class MemoryPendingActions implements PendingActions {
  constructor(private readonly tables: MemoryTables) {}

  async dueBefore(policyId: string, date: string): Promise<PendingAction[]> {
    return [...this.tables.pendingActions.values()]
      .filter((x) => x.policyId === policyId && x.action.due < date)
      .map((x) => copy(x.action))
      .sort((a, b) => `${a.due}#${a.reference}#${a.n}`.localeCompare(`${b.due}#${b.reference}#${b.n}`));
  }
}
