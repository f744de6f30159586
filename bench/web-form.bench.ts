/**
 * Web form submissions per second end to end on the local stack (HTTP server, validation, rate limits, the
 * case with its letters in the outbox: the reference is shown once that is stored), with p50 and p99 latency, against serving the form page
 * alone (no store writes) in the same run. At 8 and 32 at a time every submission races for the council's next
 * reference: a lost race is tried again, so any answer but 201 ends the run.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getConnInfo } from '@hono/node-server/conninfo';
import { complaintFormApp } from '#adapters/http/complaint-form-app';
import { webApp } from '#adapters/http/web-app';
import { honoRoute } from '#local/hono-route';
import { startHttpServer } from '#local/http-server';
import { issueFormToken } from '#adapters/http/form-token';
import { benchStack, countTransactions } from './bench-stack.js';


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export async function webFormBenchmark(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  console.log('web form (issue 4)');
  // The benchmark is one client on loopback: the per-IP limit would otherwise be what is measured.
  const stack = await benchStack(endpoints, { REDRESS_FORM_PER_IP_LIMIT: '1000000', REDRESS_FORM_PER_ORG_LIMIT: '1000000' });
  const { config } = stack;
  const transactions = countTransactions(stack);
  const server = await startHttpServer(0, [honoRoute('/', webApp(complaintFormApp(stack.form(), (c) => getConnInfo(c).remote.address ?? 'unknown')))], (e) => console.error(e));
  const url = `${server.endpoint}/forms/county-council`;

  const submit = async (i: number) => {
    const body = JSON.stringify({
      formToken: issueFormToken(config.REDRESS_FORM_SECRET, 'county-council', Date.now() - 60_000),
      submissionId: `bench-${randomUUID()}`,
      name: `Bench Person ${i}`,
      email: `bench.${i}.${randomUUID().slice(0, 8)}@example.net`,
      summary: 'The library closed early without notice again this week.',
      consent: true,
    });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (response.status !== 201) throw new Error(`form bench: ${response.status} ${await response.text()}`);
  };
  const run = async (count: number, concurrency: number, work: (i: number) => Promise<void>) => {
    const latencies: number[] = [];
    let next = 0;
    transactions.reset();
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < count; i = next++) {
          const t = performance.now();
          await work(i);
          latencies.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { perSecond: count / ((performance.now() - start) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99), writesPerCase: transactions.count() / count };
  };

  try {
    await run(20, 4, submit);
    const one = await run(200, 1, submit);
    const eight = await run(300, 8, submit);
    const thirtyTwo = await run(320, 32, submit);
    const page = await run(1000, 8, async () => void (await (await fetch(url)).text()));
    const fmt = (r: { perSecond: number; p50: number; p99: number }) =>
      `${Math.round(r.perSecond).toLocaleString('en-GB')}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;
    const writes = (r: { writesPerCase: number }) => `, ${r.writesPerCase.toFixed(2)} case writes a case`;
    console.log(`  submissions, one at a time:  ${fmt(one)}${writes(one)} (200)`);
    console.log(`  submissions, 8 at a time:    ${fmt(eight)}${writes(eight)} (300)`);
    console.log(`  submissions, 32 at a time:   ${fmt(thirtyTwo)}${writes(thirtyTwo)} (320)`);
    console.log(`  baseline: form page served, 8 at a time: ${fmt(page)} (1000)`);
    console.log(`  submissions (8 at a time) as a share of page serving: ${(eight.perSecond / page.perSecond).toFixed(3)}x`);
  } finally {
    await server.stop();
    stack.table.client.destroy();
  }
}
