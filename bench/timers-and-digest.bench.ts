/**
 * Timers reconciled per second (the local store-backed adapter: list, delete stale, create missing), against
 * bare writes of the same timer items; and the digest built for an organisation with 10,000 open cases against
 * a bare query of the same index items, in the same run.
 */
import { performance } from 'node:perf_hooks';
import { PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DateTime } from 'luxon';
import { caseWrite } from '#application/case-write';
import { morningView } from '#application/console/morning-view';
import { searchCases } from '#application/console/search-cases';
import { settingsFrom } from '#composition/settings';
import { DynamoDbTimers } from '#adapters/dynamodb/dynamodb-timers';
import type { Case } from '#domain/case/case';
import { buildDigest, digestLetter } from '#domain/digest/build-digest';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import { desiredTimers } from '#domain/timers/timer-plan';
import { benchStack } from './bench-stack.js';

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T, i);
  }));
}

export async function timersAndDigestBenchmark(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  console.log('timers and digest (issue 5)');
  const stack = await benchStack(endpoints);
  const { config } = stack;
  const dynamodb = stack.table.client;
  const policy = stack.policies.get('county-council');
  const timers = new DynamoDbTimers(dynamodb, config.REDRESS_TABLE);
  const reminderHour = config.REDRESS_REMINDER_HOUR;
  const received = DateTime.fromISO('2030-03-04T10:00:00Z');

  const makeCase = (i: number): Case => ({
    reference: `${policy.referencePrefix}-2030-${String(i + 1).padStart(5, '0')}`,
    policyId: policy.id,
    policyVersion: policy.version,
    stage: 'stage-1',
    status: 'open',
    channel: 'web',
    confidential: i % 10 === 0,
    complainant: { anonymous: false, name: `Person ${i}`, email: `p${i}@example.net` },
    handlerRole: 'service-manager',
    summary: 'A complaint about a service, long enough to look like one.',
    attachments: [],
    signed: true,
    flags: [],
    deadlines: planDeadlines(policy, 'stage-1', 'received', received.minus({ days: i % 40 })).map((d) => ({ ...d, stage: 'stage-1', status: 'pending' as const })),
    participants: [],
    receivedAt: received.minus({ days: i % 40 }).toISO() as string,
    updatedAt: received.toISO() as string,
    version: 1,
    deadlinesVersion: 1,
  });

  // Timers: reconcile 300 cases' timers from nothing (3 each), then again with nothing to change.
  const cases = Array.from({ length: 300 }, (_, i) => makeCase(i));
  let start = performance.now();
  await inParallel(cases, 8, async (c) => void (await timers.reconcile(c.reference, desiredTimers(policy, c, reminderHour))));
  const fresh = cases.length / ((performance.now() - start) / 1000);
  start = performance.now();
  await inParallel(cases, 8, async (c) => void (await timers.reconcile(c.reference, desiredTimers(policy, c, reminderHour))));
  const unchanged = cases.length / ((performance.now() - start) / 1000);
  const bare = cases.flatMap((c) => desiredTimers(policy, c, reminderHour)).map((t, i) => ({ t, i }));
  start = performance.now();
  await inParallel(bare, 8, async ({ t, i }) => {
    await dynamodb.send(new PutItemCommand({ TableName: config.REDRESS_TABLE, Item: marshall({ PK: `BARE#${i}`, SK: 'TIMER', timer: t }) }));
  });
  const bareCasesPerSecond = cases.length / ((performance.now() - start) / 1000);
  console.log(`  timers reconciled from nothing: ${Math.round(fresh)} cases/s (${bare.length} timers for ${cases.length} cases, 8 at a time)`);
  console.log(`  timers reconciled, nothing to change: ${Math.round(unchanged)} cases/s`);
  console.log(`  baseline: bare PutItem of the same timers: ${Math.round(bareCasesPerSecond)} cases/s; reconcile from nothing is ${(fresh / bareCasesPerSecond).toFixed(2)}x`);

  // Digest: 10,000 open cases of one organisation.
  const total = 10_000;
  start = performance.now();
  await inParallel(Array.from({ length: total }, (_, i) => i), 16, async (i) => {
    const c = makeCase(i);
    await stack.cases.write(caseWrite(undefined, { case: c, events: [], letters: [], threadKeys: [], deadlinesChanged: false }, c.updatedAt));
  });
  console.log(`  (loaded ${total} open cases in ${((performance.now() - start) / 1000).toFixed(1)} s)`);
  const digestAt = DateTime.fromISO('2030-03-05T08:00:00Z');
  const runs = 3;
  let digestMs = Infinity;
  let lines = 0;
  for (let r = 0; r < runs; r++) {
    start = performance.now();
    const digest = buildDigest(policy, await stack.cases.open(policy.id), digestAt);
    const letter = digestLetter(policy, digest!);
    digestMs = Math.min(digestMs, performance.now() - start);
    lines = digest!.sections.reduce((n, s) => n + s.lines.length, 0) + (letter.text.length > 0 ? 0 : 1);
  }
  let queryMs = Infinity;
  for (let r = 0; r < runs; r++) {
    start = performance.now();
    let key: Record<string, AttributeValue> | undefined;
    let items = 0;
    do {
      const page = await dynamodb.send(
        new QueryCommand({ TableName: config.REDRESS_TABLE, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': { S: `OPEN#${policy.id}` } }, ExclusiveStartKey: key }),
      );
      items += page.Items?.length ?? 0;
      key = page.LastEvaluatedKey;
    } while (key);
    queryMs = Math.min(queryMs, performance.now() - start);
    if (items !== total) throw new Error(`bare query found ${items} items, expected ${total}`);
  }
  console.log(`  digest for ${total} open cases (query, build, render; ${lines} lines): ${digestMs.toFixed(0)} ms (best of ${runs})`);
  console.log(`  baseline: bare paginated query of the same ${total} index items: ${queryMs.toFixed(0)} ms; digest is ${(digestMs / queryMs).toFixed(2)}x the query`);

  // The console (issue 10): the morning view and the first page of the case list for the same organisation, as
  // its service manager sees them, against the bare index queries behind them; p50 and p95 of 10 runs each.
  const member = { id: 'bench', name: 'Bench Manager', memberships: [{ policyId: policy.id, role: 'service-manager' }], operator: false };
  const timed = async (work: () => Promise<unknown>, n = 10) => {
    const ms: number[] = [];
    for (let r = 0; r < n; r++) {
      const t = performance.now();
      await work();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return { p50: ms[Math.floor(n * 0.5)] as number, p95: ms[Math.min(n - 1, Math.floor(n * 0.95))] as number };
  };
  const bareQuery = (index: 'GSI1', pk: string) => async () => {
    let key: Record<string, AttributeValue> | undefined;
    do {
      const page = await dynamodb.send(new QueryCommand({ TableName: config.REDRESS_TABLE, IndexName: index, KeyConditionExpression: `${index}PK = :pk`, ExpressionAttributeValues: { ':pk': { S: pk } }, ExclusiveStartKey: key, ScanIndexForward: index === 'GSI1' }));
      key = page.LastEvaluatedKey;
    } while (key);
  };
  const morning = await timed(() => morningView({ cases: stack.cases, policies: stack.policies, pendingActions: stack.pendingActions }, member, digestAt));
  const openQuery = await timed(bareQuery('GSI1', `OPEN#${policy.id}`));
  const list = await timed(() => searchCases({ cases: stack.cases, policies: stack.policies, clock: stack.clock, ...settingsFrom(stack.config) }, member, { q: '', page: 1 }, 25, digestAt));
  // The list reads one page (and one item more, to know there is a next): its bare query is the same.
  const newestQuery = await timed(() => dynamodb.send(new QueryCommand({ TableName: config.REDRESS_TABLE, IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': { S: `POLICY#${policy.id}` } }, ScanIndexForward: false, Limit: 26 })));
  console.log(`  console morning view, ${total} open cases: p50 ${morning.p50.toFixed(0)} ms, p95 ${morning.p95.toFixed(0)} ms`);
  console.log(`  baseline: bare query of the open-cases index: p50 ${openQuery.p50.toFixed(0)} ms, p95 ${openQuery.p95.toFixed(0)} ms; the view is ${(morning.p50 / openQuery.p50).toFixed(2)}x at p50`);
  console.log(`  console case list, first page of ${total}: p50 ${list.p50.toFixed(0)} ms, p95 ${list.p95.toFixed(0)} ms`);
  console.log(`  baseline: bare query of one page (26 items) of the newest-first index: p50 ${newestQuery.p50.toFixed(0)} ms, p95 ${newestQuery.p95.toFixed(0)} ms; the list is ${(list.p50 / newestQuery.p50).toFixed(2)}x at p50`);

  // The annual report (issue 11): the same organisation's 10,000 cases of the year, from their report records,
  // against a bare paginated query of the same items (p50 and p95 of 5 runs).
  const reportYear = 2030;
  const report = await timed(() => stack.useCases.annualReport(policy.id, reportYear), 5);
  const counted = (await stack.useCases.annualReport(policy.id, reportYear)).figures.received;
  if (counted !== total) throw new Error(`the report counted ${counted} cases received in ${reportYear}, expected ${total}`);
  const recordsQuery = await timed(async () => {
    let key: Record<string, AttributeValue> | undefined;
    do {
      const page = await dynamodb.send(new QueryCommand({ TableName: config.REDRESS_TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: `REPORT#${policy.id}#${reportYear}` } }, ExclusiveStartKey: key }));
      key = page.LastEvaluatedKey;
    } while (key);
  }, 5);
  console.log(`  annual report, ${total} cases in ${reportYear} (two years' records, figures): p50 ${report.p50.toFixed(0)} ms, p95 ${report.p95.toFixed(0)} ms`);
  console.log(`  baseline: bare query of the year's ${total} report records: p50 ${recordsQuery.p50.toFixed(0)} ms, p95 ${recordsQuery.p95.toFixed(0)} ms; the report is ${(report.p50 / recordsQuery.p50).toFixed(2)}x at p50`);
  dynamodb.destroy();
}
