import type { Counters } from '#application/ports/counters';
import type { InboundOutcome } from '#application/ports/cases';
import { incrementCounter } from './atomic-counter.js';
import type { DynamoTable } from './dynamo-table.js';
import { key } from './table-design.js';

/** Reference counters, inbound marks, acknowledgement claims and spam counts, as items of their own. */
export class DynamoDbCounters implements Counters {
  constructor(private readonly table: DynamoTable) {}

  async lastReference(prefix: string, year: number): Promise<number> {
    return Number((await this.table.get(key.counter(prefix, year)))?.n ?? 0);
  }

  async inbound(inboundKey: string): Promise<{ reference?: string; outcome?: InboundOutcome; heldId?: string; contentDigest?: string } | undefined> {
    const row = await this.table.get(key.inbound(inboundKey));
    if (!row) return undefined;
    return {
      ...(row.reference ? { reference: String(row.reference) } : {}),
      ...(row.outcome ? { outcome: row.outcome as InboundOutcome } : {}),
      ...(row.heldId ? { heldId: String(row.heldId) } : {}),
      ...(row.contentDigest ? { contentDigest: String(row.contentDigest) } : {}),
    };
  }

  async acknowledgedToday(policyId: string, sender: string, date: string): Promise<string | undefined> {
    const row = await this.table.get(key.acknowledgement(policyId, sender, date));
    return row?.reference ? String(row.reference) : undefined;
  }

  async countSpam(policyId: string, date: string): Promise<void> {
    await incrementCounter(this.table.client, this.table.name, key.spamCount(policyId, date));
  }

  async spamCount(policyId: string, date: string): Promise<number> {
    return Number((await this.table.get(key.spamCount(policyId, date)))?.n ?? 0);
  }
}
