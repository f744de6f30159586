import type { Case, TimelineEvent } from '#domain/case/case';
import type { RestrictionFound } from '#domain/case/restricted-mail';
import type { ReportRecord } from '#domain/reporting/report-record';
import type { PendingAction } from '#domain/case/pending-actions';
import { newestFirstPlace } from '#domain/case/newest-first';
import { nameKey } from '#domain/text/name-key';
import type { Cases, CaseWrite, Claim } from '#application/ports/cases';
import { ClaimTakenError, ConcurrentChangeError, ItemTooLargeError } from '#application/ports/store-errors';
import { utf8Length } from '#domain/text/bounded-text';
import { nextDeadline } from '#domain/case/case';
import { dueCaseOf, dueKey, keepsMorningProjection, type DueCase } from '#domain/digest/due-case';
import { copy, keyOrder, type MemoryTables } from './memory-tables.js';
import { newOutboxEntry } from './memory-outbox.js';

/** As DynamoDB's key for the claim: one acknowledgement per sender whatever the case of their address. */
const acknowledgementKey = (claim: Extract<Claim, { kind: 'acknowledgement' }>) => `${claim.policyId}#${claim.sender.toLowerCase()}#${claim.date}`;

/** DynamoDB's item limit, which the fake enforces too so that bounding is tested without a server. */
const ITEM_LIMIT_BYTES = 400 * 1024;

/** Cases in memory, with the same atomic write (all or nothing, conditions checked first) as DynamoDbCases. */
export class MemoryCases implements Cases {
  constructor(private readonly tables: MemoryTables) {}

  async get(reference: string): Promise<Case | undefined> {
    const c = this.tables.cases.get(reference);
    return c ? copy(c) : undefined;
  }

  async timeline(reference: string): Promise<TimelineEvent[]> {
    return [...this.tables.events(reference).values()].sort((a, b) => keyOrder(`${a.at}#${a.id}`, `${b.at}#${b.id}`)).map(copy);
  }

  async byThread(threadKeys: readonly string[]): Promise<string | undefined> {
    for (const id of threadKeys) {
      const found = this.tables.threads.get(id);
      if (found) return found;
    }
    return undefined;
  }

  async byPageKey(pageKey: string): Promise<string | undefined> {
    return this.tables.pages.get(pageKey);
  }

  async byName(policyId: string, namePrefix: string, limit: number): Promise<Case[]> {
    const prefix = nameKey(namePrefix);
    if (!prefix) return [];
    const key = (c: Case) => `${nameKey(c.complainant.name ?? '')}#${c.reference}`;
    return [...this.tables.cases.values()]
      .filter((c) => c.policyId === policyId && c.complainant.name && nameKey(c.complainant.name).startsWith(prefix))
      .sort((a, b) => keyOrder(key(a), key(b)))
      .slice(0, limit)
      .map(copy);
  }

  async ofComplainant(policyId: string, email: string): Promise<Case[]> {
    return this.newest((c) => c.policyId === policyId && c.complainant.email?.toLowerCase() === email.toLowerCase());
  }

  async open(policyId: string): Promise<Case[]> {
    const sortKey = (c: Case) => `${nextDeadline(c)?.dueAt ?? '9999'}#${c.reference}`;
    return [...this.tables.cases.values()].filter((c) => c.policyId === policyId && c.status !== 'closed').sort((a, b) => keyOrder(sortKey(a), sortKey(b))).map(copy);
  }

  async due(policyId: string, until: string, since: string): Promise<DueCase[]> {
    const place = (d: DueCase) => `${dueKey(d)}#${d.reference}`;
    return [...this.tables.dueCases.values()]
      .filter((d) => d.policyId === policyId && (dueKey(d) <= until || d.receivedAt >= since))
      .sort((a, b) => keyOrder(place(a), place(b)))
      .map(copy);
  }

  async newestPage(policyId: string, limit: number, before?: string): Promise<{ cases: Case[]; next?: string }> {
    const key = newestFirstPlace;
    const all = [...this.tables.cases.values()].filter((c) => c.policyId === policyId && (!before || key(c) < before)).sort((a, b) => keyOrder(key(b), key(a)));
    const page = all.slice(0, limit);
    const last = page[page.length - 1];
    return { cases: page.map(copy), ...(all.length > limit && last ? { next: key(last) } : {}) };
  }

  async newestFirst(policyId: string): Promise<Case[]> {
    return this.newest((c) => c.policyId === policyId);
  }

  async write(change: CaseWrite): Promise<void> {
    const c = change.case;
    const stored = this.tables.cases.get(c.reference);
    for (const kind of ['inbound', 'reference', 'acknowledgement'] as const) for (const claim of change.claims.filter((x) => x.kind === kind)) this.check(claim);
    if (change.expectedVersion === 0 ? stored : stored?.version !== change.expectedVersion) {
      const reference = change.claims.find((x) => x.kind === 'reference');
      if (change.expectedVersion === 0 && reference) throw new ClaimTakenError(reference);
      throw new ConcurrentChangeError(c.reference);
    }
    if (utf8Length(JSON.stringify(c)) > ITEM_LIMIT_BYTES) throw new ItemTooLargeError(`case ${c.reference}`, 'Item size has exceeded the maximum allowed size');
    // As DynamoDB refuses a transaction with two operations on one item: two events with one key would be one.
    const eventKeys = change.events.map((e) => `${e.at}#${e.id}`);
    const twice = eventKeys.find((k, i) => eventKeys.indexOf(k) !== i);
    if (twice) throw new Error(`Transaction request cannot include multiple operations on one item: timeline event ${twice} of ${c.reference}`);
    this.tables.cases.set(c.reference, copy(c));
    if (keepsMorningProjection(c)) this.tables.dueCases.set(c.reference, dueCaseOf(copy(c)));
    else this.tables.dueCases.delete(c.reference);
    for (const e of change.events) this.tables.events(c.reference).set(`${e.at}#${e.id}`, copy(e));
    for (const k of change.threadKeys) if (!this.tables.threads.has(k)) this.tables.threads.set(k, c.reference);
    for (const k of change.pageKeys) if (!this.tables.pages.has(k)) this.tables.pages.set(k, c.reference);
    const actionKey = (a: PendingAction) => `${c.policyId}#${a.due}#${a.reference}#${a.n}`;
    for (const a of change.actions.pending) this.tables.pendingActions.set(actionKey(a), { policyId: c.policyId, action: copy(a) });
    for (const a of change.actions.settled) this.tables.pendingActions.delete(actionKey(a));
    for (const year of change.report.years) {
      const partition = `${c.policyId}#${year}`;
      const records = this.tables.reportRecords.get(partition) ?? new Map<string, ReportRecord>();
      records.set(c.reference, copy(change.report.record));
      this.tables.reportRecords.set(partition, records);
    }
    for (const personKey of change.restrictions?.removed ?? []) this.tables.restrictions.delete(`${c.policyId}#${personKey}`);
    for (const entry of change.restrictions?.put ?? []) this.tables.restrictions.set(`${entry.policyId}#${entry.personKey}`, copy(entry));
    for (const o of change.outbox) if (!this.tables.outbox.has(o.id)) this.tables.outbox.set(o.id, newOutboxEntry(o, change.at));
    for (const claim of change.claims) this.take(claim);
  }

  async rewriteIndexes(c: Case, report: CaseWrite['report'], pending: readonly PendingAction[]): Promise<void> {
    if (keepsMorningProjection(c)) this.tables.dueCases.set(c.reference, dueCaseOf(copy(c)));
    for (const a of pending) this.tables.pendingActions.set(`${c.policyId}#${a.due}#${a.reference}#${a.n}`, { policyId: c.policyId, action: copy(a) });
    for (const year of report.years) {
      const records = this.tables.reportRecords.get(`${c.policyId}#${year}`) ?? new Map<string, ReportRecord>();
      records.set(c.reference, copy(report.record));
      this.tables.reportRecords.set(`${c.policyId}#${year}`, records);
    }
  }

  async restrictionOf(policyId: string, personKey: string): Promise<RestrictionFound | undefined> {
    const entry = this.tables.restrictions.get(`${policyId}#${personKey}`);
    return entry ? { reference: entry.reference, restriction: copy(entry.restriction) } : undefined;
  }

  async restrictionsToReview(policyId: string, until: string): Promise<RestrictionFound[]> {
    const found = new Map<string, RestrictionFound>();
    const entries = [...this.tables.restrictions.values()].filter((e) => e.policyId === policyId && e.restriction.reviewOn <= until);
    for (const e of entries.sort((a, b) => keyOrder(`${a.restriction.reviewOn}#${a.reference}`, `${b.restriction.reviewOn}#${b.reference}`))) found.set(e.reference, { reference: e.reference, restriction: copy(e.restriction), aboutRoles: [...(e.aboutRoles ?? [])] });
    return [...found.values()];
  }

  async removeLookups(reference: string): Promise<number> {
    let removed = this.tables.dueCases.delete(reference) ? 1 : 0;
    for (const [k, entry] of this.tables.restrictions) {
      if (entry.reference !== reference) continue;
      this.tables.restrictions.delete(k);
      removed++;
    }
    for (const map of [this.tables.threads, this.tables.pages, this.tables.acknowledgements]) {
      for (const [k, owner] of map) {
        if (owner !== reference) continue;
        map.delete(k);
        removed++;
      }
    }
    return removed;
  }

  async rewriteTimeline(reference: string, events: readonly TimelineEvent[]): Promise<void> {
    for (const e of events) this.tables.events(reference).set(`${e.at}#${e.id}`, copy(e));
  }

  private check(claim: Claim): void {
    const t = this.tables;
    const taken =
      (claim.kind === 'inbound' && t.inbound.has(claim.key)) ||
      (claim.kind === 'reference' && (t.counters.get(`${claim.prefix}#${claim.year}`) ?? 0) !== claim.sequence - 1) ||
      (claim.kind === 'acknowledgement' && ![undefined, claim.reference].includes(t.acknowledgements.get(acknowledgementKey(claim))));
    if (taken) throw new ClaimTakenError(claim);
  }

  private take(claim: Claim): void {
    const t = this.tables;
    if (claim.kind === 'inbound') t.inbound.set(claim.key, { reference: claim.reference, outcome: claim.outcome, ...(claim.contentDigest ? { contentDigest: claim.contentDigest } : {}) });
    if (claim.kind === 'reference') t.counters.set(`${claim.prefix}#${claim.year}`, claim.sequence);
    if (claim.kind === 'acknowledgement') t.acknowledgements.set(acknowledgementKey(claim), claim.reference);
  }

  private newest(match: (c: Case) => boolean): Case[] {
    return [...this.tables.cases.values()].filter(match).sort((a, b) => keyOrder(`${b.receivedAt}#${b.reference}`, `${a.receivedAt}#${a.reference}`)).map(copy);
  }
}
