import type { InboundEmail } from '#application/intake/inbound-email';
import type { MailReceipts, UnclaimedMail } from '#application/ports/mail-receipts';
import { copy as clone, type MemoryTables } from './memory-tables.js';

/** Receipts in memory, with DynamoDbMailReceipts' rules: the first note stands, oldest first. */
export class MemoryMailReceipts implements MailReceipts {
  constructor(private readonly tables: MemoryTables) {}

  async note(inbound: InboundEmail): Promise<void> {
    if (!this.tables.receipts.has(inbound.rawKey)) this.tables.receipts.set(inbound.rawKey, clone(inbound));
  }

  async settled(rawKey: string): Promise<void> {
    this.tables.receipts.delete(rawKey);
  }

  async copy(rawKey: string): Promise<void> {
    const found = this.tables.receipts.get(rawKey);
    if (found) this.tables.receipts.set(rawKey, { ...found, copy: true });
  }

  async unclaimed(receivedBefore: string, limit: number): Promise<UnclaimedMail[]> {
    const sortKey = (r: UnclaimedMail) => `${r.receivedAt}#${r.rawKey}`;
    return [...this.tables.receipts.values()].filter((r) => sortKey(r) < receivedBefore).sort((a, b) => sortKey(a).localeCompare(sortKey(b))).slice(0, limit).map(clone);
  }
}
