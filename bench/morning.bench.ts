/**
 * The morning view and the digest (issue 23) at 100 and at 10,000 open cases of one organisation, the same 50 of them
 * due (overdue, due soon, awaiting acknowledgement, new) and the rest quiet (acknowledged, their response weeks
 * away): p50 and p95 of 10 runs, beside a bare one-page query of the same table and beside the full read of every
 * open case that they did before, in the same run.
 */
import { performance } from 'node:perf_hooks';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { DateTime } from 'luxon';
import { caseWrite } from '#application/case-write';
import { morningView } from '#application/console/morning-view';
import type { Case } from '#domain/case/case';
import { buildDigest, digestLetter, morningOf } from '#domain/digest/build-digest';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import { benchStack } from './bench-stack.js';

const DUE = 50;

export async function morningBenchmark(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  console.log('morning view and digest read what is due (issue 23)');
  const stack = await benchStack(endpoints);
  const dynamodb = stack.table.client;
  const policy = stack.policies.get('county-council');
  const at = DateTime.fromISO('2030-03-05T08:00:00Z');

  const makeCase = (i: number): Case => {
    // The first DUE are received over the last 40 days with every deadline pending; the rest three days ago, acknowledged.
    const received = i < DUE ? at.minus({ days: i % 40, hours: 1 }) : at.minus({ days: 3 });
    return {
      reference: `${policy.referencePrefix}-2030-${String(i + 1).padStart(5, '0')}`,
      policyId: policy.id,
      policyVersion: policy.version,
      stage: 'stage-1',
      status: 'open',
      channel: 'web',
      confidential: i % 10 === 0,
      complainant: { anonymous: false, name: `Person ${i}`, email: `p${i}@example.net` },
      handlerRole: 'service-manager',
      subject: `Complaint ${i} about a service`,
      summary: 'A complaint about a service, long enough to look like one. '.repeat(20),
      attachments: [],
      signed: true,
      flags: [],
      deadlines: planDeadlines(policy, 'stage-1', 'received', received).map((d) => ({ ...d, stage: 'stage-1', status: i >= DUE && d.kind === 'acknowledge' ? ('met' as const) : ('pending' as const) })),
      participants: [],
      receivedAt: received.toISO() as string,
      updatedAt: received.toISO() as string,
      version: 1,
      deadlinesVersion: 1,
    };
  };
  const load = async (from: number, to: number) => {
    const ids = Array.from({ length: to - from }, (_, i) => from + i);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let k = next++; k < ids.length; k = next++) {
          const c = makeCase(ids[k] as number);
          await stack.cases.write(caseWrite(undefined, { case: c, events: [], letters: [], threadKeys: [], deadlinesChanged: false }, c.updatedAt));
        }
      }),
    );
  };
  const timed = async (work: () => Promise<unknown>, n = 10) => {
    const ms: number[] = [];
    for (let r = 0; r < n; r++) {
      const t = performance.now();
      await work();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return `p50 ${(ms[Math.floor(n * 0.5)] as number).toFixed(0)} ms, p95 ${(ms[Math.min(n - 1, Math.floor(n * 0.95))] as number).toFixed(0)} ms`;
  };
  const member = { id: 'bench', name: 'Bench Manager', memberships: [{ policyId: policy.id, role: 'service-manager' }], operator: false };
  const morning = morningOf(at);
  const deps = { cases: stack.cases, policies: stack.policies, pendingActions: stack.pendingActions };
  const digest = async (read: () => Promise<readonly Parameters<typeof buildDigest>[1][number][]>) => {
    const built = buildDigest(policy, await read(), at);
    if (built) digestLetter(policy, built);
  };

  let loaded = 0;
  for (const total of [100, 10_000]) {
    const start = performance.now();
    await load(loaded, total);
    loaded = total;
    console.log(`  (${total} open cases, ${DUE} of them due: loaded in ${((performance.now() - start) / 1000).toFixed(1)} s)`);
    const shown = (await morningView(deps, member, at))[0]?.sections.reduce((n, s) => n + s.cases.length, 0);
    console.log(`  morning view, ${total} open cases (${shown} listed): ${await timed(() => morningView(deps, member, at))}`);
    console.log(`  digest read and built, ${total} open cases: ${await timed(() => digest(() => stack.cases.due(policy.id, morning.weekEnd, morning.since)))}`);
    console.log(`  baseline: bare query of one page (26 items) of the newest-first index: ${await timed(() => dynamodb.send(new QueryCommand({ TableName: stack.config.REDRESS_TABLE, IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': { S: `POLICY#${policy.id}` } }, ScanIndexForward: false, Limit: 26 })))}`);
    console.log(`  before: the morning view over every open case read whole: ${await timed(() => morningView({ ...deps, cases: { due: (id: string) => stack.cases.open(id) } }, member, at), total > 1000 ? 3 : 10)}`);
  }
  dynamodb.destroy();
}
