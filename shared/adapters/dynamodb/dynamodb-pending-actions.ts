import type { PendingActions } from '#application/ports/pending-actions';
import type { PendingAction } from '#domain/case/pending-actions';
import type { DynamoTable } from './dynamo-table.js';
import { key } from './table-design.js';

/** Pending actions in the cases table: one partition per organisation, sorted by due date. */
export class DynamoDbPendingActions implements PendingActions {
  constructor(private readonly table: DynamoTable) {}

  async dueBefore(policyId: string, date: string): Promise<PendingAction[]> {
    const rows = await this.table.query({ value: key.pendingAction(policyId, '', '', 0).PK, sortBefore: date }, 'ascending');
    return rows.map((r) => r.action as PendingAction);
  }
}
