/**
 * What one complaint costs on AWS, from the requests its whole life makes. A council complaint by email is taken
 * in, acknowledged, read by staff, answered at stage one, taken to stage two, answered again and closed, every
 * letter sent, reported taken (SES's Send event) and delivered, every timer set and the ones due fired, and six years on destroyed. The
 * life runs through the real use cases on DynamoDB Local (each request's consumed capacity asked for and added
 * up, as on-demand bills it) with the mailer, raw mail and timers counted at their ports; Lambda invocations
 * are the entry points the life goes through, with their measured time. Prices are AWS's published on-demand
 * prices (us-east-1, arm64), per 1,000 complaints; see the README for what a month costs beside them.
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { ReturnConsumedCapacity, type ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { MemoryTimers } from '#adapters/memory/memory-timers';
import { MovableClock } from '#adapters/memory/movable-clock';
import { recordDeliveryReport } from '#application/correspondence/record-delivery-report';
import { recordLetterAccepted } from '#application/correspondence/record-letter-accepted';
import { viewCase } from '#application/console/view-case';
import type { Mailer } from '#application/ports/mailer';
import { settingsFrom } from '#composition/settings';
import { bindUseCases } from '#composition/use-cases';
import type { StaffMember } from '#domain/access/staff-member';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { benchStack } from './bench-stack.js';
import { WholeLetterOutbox, wholeLetterRecords } from './whole-letter-outbox.js';

/** AWS's published prices (us-east-1, December 2026), in dollars. */
const PRICE = {
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecondArm: 0.0000133334,
  sesOutbound: 0.1 / 1000,
  sesInbound: 0.1 / 1000,
  sesInboundChunk: 0.09 / 1000,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  schedulerInvocation: 1 / 1e6,
  httpApiRequest: 1 / 1e6,
  logsIngestedGb: 0.5,
} as const;
/** The functions' memory (infra/redress-function.ts). */
const LAMBDA_GB = 1;
/** What a Lambda invocation writes to its log: a few structured lines. */
const LOG_BYTES_PER_INVOCATION = 1500;

type Counter = Map<string, number>;
const bump = (counter: Counter, key: string, n = 1) => counter.set(key, (counter.get(key) ?? 0) + n);

/** The port with each method call counted under `prefix.method`. */
function counted<T extends object>(port: T, prefix: string, counter: Counter): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        bump(counter, `${prefix}.${String(property)}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** What one life cost: the rows of the bill, and the DynamoDB requests the outbox sender made. */
interface LifeCost {
  readonly reference: string;
  readonly requests: number;
  readonly unreported: number;
  /** DynamoDB requests of the outbox sender's first run: the letters and timers of the new case. */
  readonly newCaseSenderRequests: number;
  /** DynamoDB requests of every outbox sender run in the life. */
  readonly senderRequests: number;
  readonly rows: [string, string, number][];
}

export async function costBenchmark(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  console.log('the cost of a complaint (issue 12): its whole life, counted; baseline: the outbox as it was, each letter one item rewritten whole (issue 22)');
  // A life not counted first, so that neither counted one pays for the code's first run (Lambda compute is measured).
  await lifeCost(endpoints, 'bodies apart');
  const baseline = await lifeCost(endpoints, 'whole letters');
  const now = await lifeCost(endpoints, 'bodies apart');
  const total = (life: LifeCost) => life.rows.reduce((n, [, , d]) => n + d, 0);
  for (const [name, life] of [['baseline (letters whole)', baseline], ['in use (bodies apart)', now]] as const) {
    console.log(`  ${name}: ${life.requests} DynamoDB requests in the life of ${life.reference} (${life.unreported} without consumed capacity reported); the outbox sender's ${life.senderRequests}, of which ${life.newCaseSenderRequests} for the new case's letters and timers`);
  }
  console.log(`  per complaint ${''.padEnd(94)} per 1,000 complaints: baseline   in use`);
  for (const [i, [what, amount, dollars]] of now.rows.entries()) {
    const [, baseAmount, baseDollars] = baseline.rows[i] as [string, string, number];
    const amounts = baseAmount === amount ? amount : `${baseAmount} -> ${amount}`;
    console.log(`  ${what.padEnd(22)} ${amounts.padEnd(86)} $${(baseDollars * 1000).toFixed(3).padStart(6)}   $${(dollars * 1000).toFixed(3).padStart(6)}`);
  }
  console.log(`  ${'total'.padEnd(22)} ${''.padEnd(86)} $${(total(baseline) * 1000).toFixed(2).padStart(6)}   $${(total(now) * 1000).toFixed(2).padStart(6)}`);
  const ses = (life: LifeCost) => life.rows.filter(([what]) => what.startsWith('SES')).reduce((n, [, , d]) => n + d, 0);
  console.log(`  of which SES's per-message prices, fixed by the letters owed: $${(ses(now) * 1000).toFixed(2)}; the rest: $${((total(baseline) - ses(baseline)) * 1000).toFixed(2)} -> $${((total(now) - ses(now)) * 1000).toFixed(2)}`);
}

async function lifeCost(endpoints: { dynamodb: string; ses: string }, layout: 'whole letters' | 'bodies apart'): Promise<LifeCost> {
  // Requests are counted as AWS bills them: not DynamoDB Local's commit barrier (a read after each transaction).
  const composed = await benchStack(endpoints, {}, { awaitCommits: false });
  const stack =
    layout === 'bodies apart'
      ? composed
      : { ...composed, cases: new DynamoDbCases(composed.table, composed.config.REDRESS_ACK_CLAIM_DAYS * 86_400, wholeLetterRecords), outbox: new WholeLetterOutbox(composed.table, composed.config.REDRESS_SENT_NOTICE_KEEP_DAYS * 86_400) };
  const clock = new MovableClock(new Date('2026-11-23T10:00:00Z'));
  const calls: Counter = new Map();
  const capacity = { read: 0, write: 0, requests: 0, unreported: 0 };
  stack.table.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      capacity.requests++;
      // On-demand bills reads and writes apart; DynamoDB reports a request's units in CapacityUnits.
      const reads = /^(GetItem|Query|Scan|BatchGetItem|TransactGetItems)Command$/.test(String(context.commandName));
      for (const c of [consumed ?? []].flat()) {
        if (reads) capacity.read += c.ReadCapacityUnits ?? c.CapacityUnits ?? 0;
        else capacity.write += c.WriteCapacityUnits ?? c.CapacityUnits ?? 0;
      }
      if (!consumed) capacity.unreported++;
      return result;
    },
    { step: 'initialize', name: 'redressCapacityCounter' },
  );
  const timers = new MemoryTimers();
  const taken: { letterId: string; providerMessageId: string }[] = [];
  const mailer = counted<Mailer>({
    send: async (email) => {
      const providerMessageId = await stack.mailer.send(email);
      taken.push({ letterId: email.id, providerMessageId });
      return providerMessageId;
    },
    acceptedEarlier: (letterId) => stack.mailer.acceptedEarlier(letterId),
  }, 'ses', calls);
  const ports = { ...stack, clock, timers: counted(timers, 'scheduler', calls), mailer, rawMail: counted(stack.rawMail, 's3', calls) };
  const settings = settingsFrom(stack.config);
  const useCases = bindUseCases(ports, settings);
  const invocations: Counter = new Map();
  const seconds: Counter = new Map();
  const requestsOf: Counter = new Map();
  let newCaseSenderRequests: number | undefined;
  const invoke = async <R>(fn: string, work: () => Promise<R>): Promise<R> => {
    const start = performance.now();
    const requestsBefore = capacity.requests;
    try {
      return await work();
    } finally {
      bump(invocations, fn);
      bump(seconds, fn, (performance.now() - start) / 1000);
      bump(requestsOf, fn, capacity.requests - requestsBefore);
      if (fn === 'outbox-sender') newCaseSenderRequests ??= capacity.requests - requestsBefore;
    }
  };
  const member: StaffMember = { id: 'officer', name: 'Complaints Officer', memberships: [{ policyId: 'county-council', role: 'complaints-officer' }, { policyId: 'county-council', role: 'independent-officer' }], operator: false };
  // The complaint has no files, so no link is ever signed.
  const consoleDeps = { ...ports, ...settings, fileLinks: { linkTo: async () => '' } };
  const staffViews = async (n: number, reference: string) => {
    for (let i = 0; i < n; i++) await invoke('staff-console', () => viewCase(consoleDeps, member, reference, DateTime.fromJSDate(clock.now()), 'bench-session'));
  };
  // Every letter sent, then SES's Send event for it onto its outbox entry (already recorded: the write's
  // condition fails, and is billed) and its delivery event onto its case (the mail-events function).
  const sendAndReport = async () => {
    const before = calls.get('ses.send') ?? 0;
    await invoke('outbox-sender', () => useCases.sendDueLetters());
    const pending = (calls.get('ses.send') ?? 0) - before;
    const cases = await stack.cases.ofComplainant('county-council', 'pat@example.net');
    for (const { letterId, providerMessageId } of taken.splice(0)) await invoke('mail-events', () => recordLetterAccepted(ports, letterId, providerMessageId));
    for (let i = 0; i < pending; i++) {
      await invoke('mail-events', () => recordDeliveryReport({ ...ports, ...settings }, cases[0]?.reference, { kind: 'delivered', id: `delivery-${Date.now()}-${i}`, at: clock.now().toISOString(), recipients: ['pat@example.net'] }));
    }
  };
  const fireDue = async (at: string) => {
    clock.set(at);
    for (const [name, { timer }] of [...timers.timers]) {
      if (Date.parse(timer.fireAt) > clock.now().getTime()) continue;
      bump(calls, 'scheduler.invocation');
      await invoke('deadline-timer', () => useCases.fireTimer(timer.input));
      timers.timers.delete(name);
    }
    await sendAndReport();
  };
  const raw = Buffer.from(['From: Pat Person <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Missed bin collections', 'Message-ID: <cost-1@example.net>', '', 'My bins were not collected for three weeks and nobody answered my calls.', ''].join('\r\n'));

  // Day 0: the message arrives (SES stores it, then invokes intake), and the letters it owes go.
  bump(calls, 's3.put (SES)');
  await stack.rawMail.put('inbound/cost-1.eml', raw);
  const [opened] = await invoke('email-intake', () => useCases.takeEmail({ rawKey: 'inbound/cost-1.eml', recipients: ['complaints@county-council.example'], receivedAt: clock.now().toISOString() }));
  const reference = (opened as { reference: string }).reference;
  await sendAndReport();
  await staffViews(3, reference);
  const at = (iso: string) => {
    clock.set(iso);
    return DateTime.fromISO(iso);
  };
  await invoke('staff-console', () => useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'We checked the round sheets: the crew recorded your bins as not out.', remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'officer' }));
  await sendAndReport();
  await staffViews(2, reference);
  await invoke('staff-console', () => useCases.staff.escalate({ reference, at: at('2026-12-02T10:00:00Z'), actor: 'officer' }));
  await sendAndReport();
  await staffViews(3, reference);
  await invoke('staff-console', () => useCases.staff.outcome({ reference, decision: 'partly-upheld', summary: 'The crew missed your street twice.', whatUpheld: 'The two missed collections.', whatNotUpheld: 'The third week, when the bins were out late.', remedies: ['recommendations'], actions: [{ text: 'Add your street to the round sheet', due: '2027-01-08' }], at: at('2026-12-20T10:00:00Z'), actor: 'independent' }));
  await sendAndReport();
  await invoke('staff-console', () => useCases.staff['action-done']({ reference, action: 1, at: at('2027-01-05T10:00:00Z'), actor: 'officer' }));
  await fireDue('2027-03-01T10:00:00Z');
  await invoke('staff-console', () => useCases.staff.close({ reference, at: at('2027-03-01T11:00:00Z'), actor: 'officer' }));
  await sendAndReport();
  // Every timer still set fires in its time: the windows to ask for review, and retention six years on.
  await fireDue('2033-06-01T10:00:00Z');
  stack.table.client.destroy();

  const count = (prefix: string) => [...calls].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
  const lambdaRequests = [...invocations.values()].reduce((a, b) => a + b, 0);
  const lambdaSeconds = [...seconds.values()].reduce((a, b) => a + b, 0);
  const httpRequests = (invocations.get('staff-console') ?? 0);
  const s3Puts = (calls.get('s3.put (SES)') ?? 0) + (calls.get('s3.put') ?? 0) + (calls.get('s3.putStream') ?? 0);
  const s3Gets = (calls.get('s3.open') ?? 0) + (calls.get('s3.size') ?? 0) + (calls.get('s3.delete') ?? 0);
  const scheduler = count('scheduler.reconcile') + count('scheduler.list') + (calls.get('scheduler.invocation') ?? 0);
  const rows: [string, string, number][] = [
    ['DynamoDB writes', `${capacity.write.toFixed(1)} write units`, capacity.write * PRICE.dynamoWriteUnit],
    ['DynamoDB reads', `${capacity.read.toFixed(1)} read units`, capacity.read * PRICE.dynamoReadUnit],
    ['Lambda requests', `${lambdaRequests} (${[...invocations].map(([k, v]) => `${k} ${v}`).join(', ')})`, lambdaRequests * PRICE.lambdaRequest],
    ['Lambda compute', `${lambdaSeconds.toFixed(2)} s at ${LAMBDA_GB} GB (measured here, on DynamoDB Local)`, lambdaSeconds * LAMBDA_GB * PRICE.lambdaGbSecondArm],
    ['SES receiving', '1 message, 1 chunk', PRICE.sesInbound + PRICE.sesInboundChunk],
    ['SES sending', `${calls.get('ses.send') ?? 0} letters and notices`, (calls.get('ses.send') ?? 0) * PRICE.sesOutbound],
    ['S3 requests', `${s3Puts} puts, ${s3Gets} gets and deletes`, s3Puts * PRICE.s3Put + s3Gets * PRICE.s3Get],
    ['EventBridge Scheduler', `${scheduler} timer changes and invocations`, scheduler * PRICE.schedulerInvocation],
    ['HTTP API', `${httpRequests} console requests`, httpRequests * PRICE.httpApiRequest],
    ['CloudWatch Logs', `${lambdaRequests} invocations' logs`, (lambdaRequests * LOG_BYTES_PER_INVOCATION * PRICE.logsIngestedGb) / 1e9],
  ];
  return { reference, requests: capacity.requests, unreported: capacity.unreported, newCaseSenderRequests: newCaseSenderRequests ?? 0, senderRequests: requestsOf.get('outbox-sender') ?? 0, rows };
}
