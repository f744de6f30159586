import { BatchGetItemCommand, BatchWriteItemCommand, ConditionalCheckFailedException, DeleteItemCommand, TransactionCanceledException, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { PendingAction } from '#domain/case/pending-actions';
import { newestFirstPlace } from '#domain/case/newest-first';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { nextDeadline, type Case, type TimelineEvent } from '#domain/case/case';
import { nameKey } from '#domain/text/name-key';
import { dueCaseOf, dueKey, keepsMorningProjection, type DueCase } from '#domain/digest/due-case';
import type { Cases, CaseWrite, Claim, RestrictionEntry } from '#application/ports/cases';
import type { ContactRestriction } from '#domain/case/contact-restriction';
import type { RestrictionFound } from '#domain/case/restricted-mail';
import { ClaimTakenError, ConcurrentChangeError, ItemTooLargeError } from '#application/ports/store-errors';
import type { DynamoTable, Item, ItemKey } from './dynamo-table.js';
import { newOutboxRecords } from './outbox-records.js';
import { key, lookupOf, TTL_ATTRIBUTE } from './table-design.js';

/** Cases on DynamoDB: one transaction per change (case, events, threads, outbox, claims), queries on indexes only. */
export class DynamoDbCases implements Cases {
  constructor(
    private readonly table: DynamoTable,
    /** How long after its day a sender's acknowledgement claim is kept (then TTL removes it). */
    private readonly ackClaimSeconds: number,
    /** The items an outbox entry is written as (the benchmark's baseline passes the layout before bodies were kept apart). */
    private readonly outboxRecords: typeof newOutboxRecords = newOutboxRecords,
  ) {}

  async get(reference: string): Promise<Case | undefined> {
    return (await this.table.get(key.case(reference)))?.case as Case | undefined;
  }

  async timeline(reference: string): Promise<TimelineEvent[]> {
    return (await this.table.query({ value: key.case(reference).PK, sortBeginsWith: 'EVENT#' }, 'ascending')).map((row) => row.event as TimelineEvent);
  }

  async byThread(threadKeys: readonly string[]): Promise<string | undefined> {
    const unique = [...new Set(threadKeys)].slice(0, 100);
    if (unique.length === 0) return undefined;
    const result = await this.table.client.send(new BatchGetItemCommand({ RequestItems: { [this.table.name]: { Keys: unique.map((id) => marshall(key.thread(id))) } } }));
    const found = new Map((result.Responses?.[this.table.name] ?? []).map((item) => {
      const row = unmarshall(item);
      return [String(row.PK).slice('THREAD#'.length), String(row.reference)] as const;
    }));
    // The first id in the message's own order wins: In-Reply-To before older References.
    for (const id of unique) if (found.has(id)) return found.get(id);
    return undefined;
  }

  async byPageKey(pageKey: string): Promise<string | undefined> {
    const row = await this.table.get(key.page(pageKey));
    return typeof row?.reference === 'string' ? row.reference : undefined;
  }

  async byName(policyId: string, namePrefix: string, limit: number): Promise<Case[]> {
    const prefix = nameKey(namePrefix);
    if (!prefix) return [];
    const rows = await this.table.query({ index: 'GSI2', value: `NAME#${policyId}`, sortBeginsWith: prefix }, 'ascending', limit);
    const references = rows.map((r) => String(r.reference));
    if (references.length === 0) return [];
    const result = await this.table.client.send(new BatchGetItemCommand({ RequestItems: { [this.table.name]: { Keys: references.map((r) => marshall(key.case(r))), ConsistentRead: true } } }));
    const found = new Map((result.Responses?.[this.table.name] ?? []).map((item) => {
      const c = unmarshall(item).case as Case;
      return [c.reference, c] as const;
    }));
    return references.flatMap((r) => (found.has(r) ? [found.get(r) as Case] : []));
  }

  async ofComplainant(policyId: string, email: string): Promise<Case[]> {
    return this.casesIn('GSI2', `FROM#${policyId}#${email.toLowerCase()}`, 'descending');
  }

  async open(policyId: string): Promise<Case[]> {
    return this.casesIn('GSI1', `OPEN#${policyId}`, 'ascending');
  }

  async due(policyId: string, until: string, since: string): Promise<DueCase[]> {
    const [byDate, byReceipt] = await Promise.all([
      // Every date key is "yyyy-mm-dd#<ref>": the last of `until`'s sorts before "yyyy-mm-dd$".
      this.table.query({ index: 'GSI1', value: dueByDate(policyId), sortBefore: `${until}$` }, 'ascending'),
      this.table.query({ index: 'GSI2', value: dueByReceipt(policyId), sortAtLeast: since }, 'ascending'),
    ]);
    const found = new Map<string, DueCase>();
    for (const row of [...byDate, ...byReceipt]) found.set(String(row.reference), row.due as DueCase);
    return [...found.values()];
  }

  async newestPage(policyId: string, limit: number, before?: string): Promise<{ cases: Case[]; next?: string }> {
    // One more than asked, to know whether there is a next page without a second query.
    const rows = await this.table.query({ index: 'GSI3', value: `POLICY#${policyId}`, ...(before ? { sortBefore: before } : {}) }, 'descending', limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { cases: page.map((r) => r.case as Case), ...(rows.length > limit && last ? { next: String(last.GSI3SK) } : {}) };
  }

  async newestFirst(policyId: string): Promise<Case[]> {
    return this.casesIn('GSI3', `POLICY#${policyId}`, 'descending');
  }

  async write(change: CaseWrite): Promise<void> {
    const c = change.case;
    const now = change.at;
    const items: { item: TransactWriteItem; claim?: Claim; what: string }[] = [
      {
        what: 'case',
        item: {
          Put: {
            TableName: this.table.name,
            Item: this.caseItem(c),
            ...(change.expectedVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : { ConditionExpression: '#v = :expected', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(change.expectedVersion) } } }),
          },
        },
      },
      ...change.events.map((e) => ({ what: 'event', item: { Put: { TableName: this.table.name, Item: marshall({ ...key.event(c.reference, e.at, e.id), event: e }, { removeUndefinedValues: true }) } } })),
      // First writer wins: a Message-ID already tied to a case is never moved to another.
      // Each listed under the case (KEYS-OF#), so that destruction finds them all with one query.
      ...[...new Set(change.threadKeys)].map((id) => ({ what: 'thread', item: this.table.putIfAbsent(key.thread(id), { reference: c.reference, ...lookupOf(c.reference, key.thread(id).PK) }) })),
      ...this.nameItem(change),
      ...change.pageKeys.map((k) => ({ what: 'page', item: this.table.putIfAbsent(key.page(k), { reference: c.reference, ...lookupOf(c.reference, key.page(k).PK) }) })),
      ...change.outbox.flatMap((o) => this.outboxRecords(o, now).map((r) => ({ what: 'outbox', item: this.table.putIfAbsent(r.key, r.attributes) }))),
      ...change.claims.map((claim) => ({ what: `claim ${claim.kind}`, claim, item: this.claimItem(claim) })),
      // The index of actions still to do: put while pending (the same item again changes nothing), gone when done.
      ...change.actions.pending.map((a) => ({ what: 'action', item: { Put: { TableName: this.table.name, Item: marshall({ ...key.pendingAction(c.policyId, a.due, a.reference, a.n), action: a }, { removeUndefinedValues: true }) } } })),
      ...change.actions.settled.map((a) => ({ what: 'action', item: { Delete: { TableName: this.table.name, Key: marshall(key.pendingAction(c.policyId, a.due, a.reference, a.n)) } } })),
      // The morning's projection, rewritten on every change (kept in step by the case's version check), gone once
      // the case is closed with no letter left to post.
      { what: 'due', item: keepsMorningProjection(c) ? { Put: { TableName: this.table.name, Item: dueItem(c) } } : { Delete: { TableName: this.table.name, Key: marshall(key.dueCase(c.reference)) } } },
      // The restriction index, where the restriction changed: one item per person key, listed under the case.
      ...(change.restrictions?.removed ?? []).map((k) => ({ what: 'restriction', item: { Delete: { TableName: this.table.name, Key: marshall(key.restriction(c.policyId, k)) } } })),
      ...(change.restrictions?.put ?? []).map((e) => ({ what: 'restriction', item: { Put: { TableName: this.table.name, Item: restrictionItem(e) } } })),
      // Rewritten whole on every change: the case's own version check above keeps it in step with the case.
      ...change.report.years.map((year) => ({ what: 'report', item: { Put: { TableName: this.table.name, Item: marshall({ ...key.reportRecord(c.policyId, year, c.reference), record: change.report.record }, { removeUndefinedValues: true }) } } })),
    ];
    try {
      await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: items.map((i) => i.item) }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const failed = items.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed');
        // Claims say most about what happened: this message was taken in already, or another intake took the
        // reference first (a case already under that reference says the same).
        const claim = ['inbound', 'reference', 'acknowledgement'].map((kind) => failed.find((f) => f.claim?.kind === kind)?.claim).find(Boolean);
        if (claim) throw new ClaimTakenError(claim);
        if (failed.some((f) => f.what === 'case')) {
          const reference = change.claims.find((x) => x.kind === 'reference');
          if (change.expectedVersion === 0 && reference) throw new ClaimTakenError(reference);
          throw new ConcurrentChangeError(c.reference);
        }
        const tooLarge = (error.CancellationReasons ?? []).find((r) => r.Code === 'ValidationError' && /size/i.test(r.Message ?? ''));
        if (tooLarge) throw new ItemTooLargeError(`case ${c.reference}`, tooLarge.Message ?? '');
        // DynamoDB cancels a transaction that met another one in flight on the same item (two intakes on one
        // organisation's counter): nothing was written, and deciding again on a fresh read is the remedy.
        if (reasons.some((r) => r.Code === 'TransactionConflict')) throw new ConcurrentChangeError(c.reference);
      }
      if (error instanceof Error && error.name === 'ValidationException' && /size|too large/i.test(error.message)) throw new ItemTooLargeError(`case ${c.reference}`, error.message);
      throw error;
    }
  }

  async rewriteIndexes(c: Case, report: CaseWrite['report'], pending: readonly PendingAction[]): Promise<void> {
    const items = [
      ...(keepsMorningProjection(c) ? [unmarshall(dueItem(c))] : []),
      ...report.years.map((year) => ({ ...key.reportRecord(c.policyId, year, c.reference), record: report.record })),
      ...pending.map((a) => ({ ...key.pendingAction(c.policyId, a.due, a.reference, a.n), action: a })),
    ];
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
        const result = await this.table.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table.name]: requests } }));
        requests = (result.UnprocessedItems?.[this.table.name] ?? []).flatMap((r) => (r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : []));
      }
    }
  }

  async restrictionOf(policyId: string, personKey: string): Promise<RestrictionFound | undefined> {
    const row = await this.table.get(key.restriction(policyId, personKey));
    return row ? { reference: String(row.reference), restriction: row.restriction as ContactRestriction } : undefined;
  }

  async restrictionsToReview(policyId: string, until: string): Promise<RestrictionFound[]> {
    // Every sort key is "yyyy-mm-dd#<ref>#<key>": the last of `until`'s sorts before "yyyy-mm-dd$".
    const rows = await this.table.query({ index: 'GSI1', value: `RESTRICTIONS#${policyId}`, sortBefore: `${until}$` }, 'ascending');
    const found = new Map<string, RestrictionFound>();
    for (const row of rows) found.set(String(row.reference), { reference: String(row.reference), restriction: row.restriction as ContactRestriction, aboutRoles: (row.aboutRoles as string[] | undefined) ?? [] });
    return [...found.values()];
  }

  async removeLookups(reference: string, known: { readonly threadKeys: readonly string[]; readonly pageKeys: readonly string[] }): Promise<number> {
    const listed = (await this.table.query({ index: 'GSI3', value: lookupOf(reference, '').GSI3PK }, 'ascending')).map((row) => ({ PK: String(row.PK), SK: String(row.SK) }));
    const keys = new Map<string, ItemKey>([...listed, ...known.threadKeys.map(key.thread), ...known.pageKeys.map(key.page), key.name(reference)].map((k) => [`${k.PK}\u0000${k.SK}`, k]));
    let removed = 0;
    for (const k of keys.values()) {
      try {
        // Only while it still finds this case: a Message-ID another case claimed first stays that case's.
        await this.table.client.send(new DeleteItemCommand({ TableName: this.table.name, Key: marshall(k), ConditionExpression: '#ref = :ref', ExpressionAttributeNames: { '#ref': 'reference' }, ExpressionAttributeValues: { ':ref': { S: reference } } }));
        removed++;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    return removed;
  }

  async rewriteTimeline(reference: string, events: readonly TimelineEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 25) {
      let requests = events.slice(i, i + 25).map((e) => ({ PutRequest: { Item: marshall({ ...key.event(reference, e.at, e.id), event: e }, { removeUndefinedValues: true }) } }));
      // BatchWriteItem may leave some items unprocessed under load: send those again until none are left.
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
        const result = await this.table.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table.name]: requests } }));
        requests = (result.UnprocessedItems?.[this.table.name] ?? []).flatMap((r) => (r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : []));
      }
    }
  }

  /** The name index: made with the case, removed when its personal data is destroyed. */
  private nameItem(change: CaseWrite): { what: string; item: TransactWriteItem }[] {
    const c = change.case;
    const name = c.complainant.name ? nameKey(c.complainant.name) : '';
    if (change.expectedVersion === 0 && name) {
      return [{ what: 'name', item: this.table.putIfAbsent(key.name(c.reference), { reference: c.reference, GSI2PK: `NAME#${c.policyId}`, GSI2SK: `${name}#${c.reference}` }) }];
    }
    if (c.destroyedAt && !c.complainant.name) return [{ what: 'name', item: { Delete: { TableName: this.table.name, Key: marshall(key.name(c.reference)) } } }];
    return [];
  }

  private claimItem(claim: Claim): TransactWriteItem {
    const TableName = this.table.name;
    switch (claim.kind) {
      case 'inbound':
        return {
          Put: {
            TableName,
            Item: marshall({ ...key.inbound(claim.key), reference: claim.reference, outcome: claim.outcome, ...(claim.contentDigest ? { contentDigest: claim.contentDigest } : {}) }),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        };
      case 'reference':
        // The counter moves by exactly one from the value read: two intakes can never take the same number,
        // and a failed attempt takes none.
        return {
          Update: {
            TableName,
            Key: marshall(key.counter(claim.prefix, claim.year)),
            UpdateExpression: 'SET #n = :next',
            ConditionExpression: claim.sequence === 1 ? 'attribute_not_exists(#n)' : '#n = :previous',
            ExpressionAttributeNames: { '#n': 'n' },
            ExpressionAttributeValues: { ':next': { N: String(claim.sequence) }, ...(claim.sequence === 1 ? {} : { ':previous': { N: String(claim.sequence - 1) } }) },
          },
        };
      case 'acknowledgement':
        return {
          Put: {
            TableName,
            // Its key holds the sender's address: listed under the case too, so destruction removes it before its TTL.
            Item: marshall({ ...key.acknowledgement(claim.policyId, claim.sender, claim.date), reference: claim.reference, ...lookupOf(claim.reference, key.acknowledgement(claim.policyId, claim.sender, claim.date).PK), [TTL_ATTRIBUTE]: Math.floor(Date.parse(`${claim.date}T00:00:00Z`) / 1000) + this.ackClaimSeconds }),
            ConditionExpression: 'attribute_not_exists(PK) OR #ref = :ref',
            ExpressionAttributeNames: { '#ref': 'reference' },
            ExpressionAttributeValues: { ':ref': { S: claim.reference } },
          },
        };
    }
  }

  private caseItem(c: Case): Item {
    const next = nextDeadline(c);
    const indexes: Record<string, string> = { GSI3PK: `POLICY#${c.policyId}`, GSI3SK: newestFirstPlace(c) };
    if (c.status !== 'closed') {
      // Cases with no pending deadline still belong in the open list: they sort last.
      indexes.GSI1PK = `OPEN#${c.policyId}`;
      indexes.GSI1SK = `${next?.dueAt ?? '9999'}#${c.reference}`;
    }
    if (c.complainant.email) {
      indexes.GSI2PK = `FROM#${c.policyId}#${c.complainant.email.toLowerCase()}`;
      indexes.GSI2SK = `${c.receivedAt}#${c.reference}`;
    }
    return marshall({ ...key.case(c.reference), ...indexes, version: c.version, case: c }, { removeUndefinedValues: true });
  }

  private async casesIn(index: 'GSI1' | 'GSI2' | 'GSI3', partition: string, order: 'ascending' | 'descending'): Promise<Case[]> {
    return (await this.table.query({ index, value: partition }, order)).map((row) => row.case as Case);
  }
}

/** The partitions an organisation's open cases are found under for the morning: by the date they fall due, and by their receipt. */
const dueByDate = (policyId: string) => `DUE-CASES#${policyId}`;
const dueByReceipt = (policyId: string) => `NEW-CASES#${policyId}`;

/** A case's morning projection (`dueCaseOf`; open, or closed with letters to post), under both its partitions, listed under the case for destruction. */
function dueItem(c: Case): Item {
  const due = dueCaseOf(c);
  const { PK } = key.dueCase(c.reference);
  return marshall(
    { ...key.dueCase(c.reference), reference: c.reference, due, GSI1PK: dueByDate(c.policyId), GSI1SK: `${dueKey(due)}#${c.reference}`, GSI2PK: dueByReceipt(c.policyId), GSI2SK: `${c.receivedAt}#${c.reference}`, ...lookupOf(c.reference, PK) },
    { removeUndefinedValues: true },
  );
}

/** One person key of a restriction: found by the key, listed by review date, and under its case for destruction. */
function restrictionItem(e: RestrictionEntry): Item {
  const k = key.restriction(e.policyId, e.personKey);
  return marshall({ ...k, reference: e.reference, restriction: e.restriction, aboutRoles: [...(e.aboutRoles ?? [])], GSI1PK: `RESTRICTIONS#${e.policyId}`, GSI1SK: `${e.restriction.reviewOn}#${e.reference}#${e.personKey}`, ...lookupOf(e.reference, k.PK) }, { removeUndefinedValues: true });
}
