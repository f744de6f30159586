import { heldWithoutPerson, type HeldMessage, type HeldSettlement } from '#domain/mail/held-message';
import type { OutboxItem } from '#domain/outbox/outbox-item';
import type { HeldMail } from '#application/ports/held-mail';
import { HeldMessageNotFoundError } from '#application/ports/store-errors';
import { copy, keyOrder, type MemoryTables } from './memory-tables.js';
import { newOutboxEntry } from './memory-outbox.js';

export class MemoryHeldMail implements HeldMail {
  constructor(private readonly tables: MemoryTables) {}

  async hold(held: HeldMessage, outbox: readonly OutboxItem[], at: string, inboundKey?: string): Promise<void> {
    if (!this.tables.held.has(held.id)) this.tables.held.set(held.id, copy(held));
    for (const o of outbox) if (!this.tables.outbox.has(o.id)) this.tables.outbox.set(o.id, newOutboxEntry(o, at));
    if (inboundKey && !this.tables.inbound.has(inboundKey)) this.tables.inbound.set(inboundKey, { heldId: held.id });
  }

  async get(id: string): Promise<HeldMessage | undefined> {
    const held = this.tables.held.get(id);
    return held ? copy(held) : undefined;
  }

  async list(scope: string, which: 'waiting' | 'settled' = 'waiting'): Promise<HeldMessage[]> {
    return [...this.tables.held.values()]
      .filter((h) => h.scope === scope && Boolean(h.settled) === (which === 'settled'))
      .sort((a, b) => keyOrder(`${b.receivedAt}#${b.id}`, `${a.receivedAt}#${a.id}`))
      .map(copy);
  }

  async settle(id: string, settlement: HeldSettlement): Promise<HeldMessage> {
    const held = this.tables.held.get(id);
    if (!held) throw new HeldMessageNotFoundError(id);
    if (!held.settled) this.tables.held.set(id, { ...held, settled: copy(settlement) });
    return copy(this.tables.held.get(id) as HeldMessage);
  }

  async forget(id: string, at: string): Promise<void> {
    const held = this.tables.held.get(id);
    if (held) this.tables.held.set(id, heldWithoutPerson(held, at));
  }
}
