import type { Counters } from '#application/ports/counters';
import type { InboundOutcome } from '#application/ports/cases';
import type { MemoryTables } from './memory-tables.js';

export class MemoryCounters implements Counters {
  constructor(private readonly tables: MemoryTables) {}

  async lastReference(prefix: string, year: number): Promise<number> {
    return this.tables.counters.get(`${prefix}#${year}`) ?? 0;
  }

  async inbound(key: string): Promise<{ reference?: string; outcome?: InboundOutcome; heldId?: string; contentDigest?: string } | undefined> {
    const mark = this.tables.inbound.get(key);
    return mark ? { ...mark } : undefined;
  }

  async acknowledgedToday(policyId: string, sender: string, date: string): Promise<string | undefined> {
    return this.tables.acknowledgements.get(`${policyId}#${sender.toLowerCase()}#${date}`);
  }

  async countSpam(policyId: string, date: string): Promise<void> {
    this.tables.spam.set(`${policyId}#${date}`, (this.tables.spam.get(`${policyId}#${date}`) ?? 0) + 1);
  }

  async spamCount(policyId: string, date: string): Promise<number> {
    return this.tables.spam.get(`${policyId}#${date}`) ?? 0;
  }
}
