/**
 * The crash-and-load run: the local stack as `npm start` runs it, complaints from concurrent SMTP clients, the
 * whole stack killed with SIGKILL mid-run (Node, DynamoDB Local, the outbox sender with it; by default the moment
 * SES has taken a letter, before the sender can record it), started again on the
 * same data folder, the messages that got no 250 sent again (as a mail server would), the outbox left to drain;
 * then counted: every message answered 250 is a case or a held message, each case has its acknowledgement and
 * its staff notice in the SES emulator exactly once and once on its timeline, the references have no gap.
 *
 *   npx tsx bench/crash-and-load.ts [--complaints 300] [--clients 8] [--kill-after 150] [--kill-on letter-taken|answered]
 *                                   [--lease-seconds 120]
 *
 * The SES emulator runs in this process, not the stack's, so that what was sent before the kill is still
 * counted after it. tests/journeys/local/crash-and-load.test.ts runs it small.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import type { Log } from '#application/ports/log';
import { composeLocalStack } from '#composition/local-stack';
import { loadConfig } from '#config/config';
import { freePort } from '#local/free-port';
import { startSesEmulator } from '#local/ses-emulator';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POLICY = 'county-council';
const TO = 'complaints@county-council.example';

export interface CrashRunOptions {
  readonly complaints: number;
  readonly clients: number;
  /**
   * The stack is killed once this many messages have been answered 250: at once ('answered'), or the moment the
   * SES emulator next answers for a letter ('letter-taken'), between the send and its record.
   */
  readonly killAfter: number;
  readonly killOn: 'answered' | 'letter-taken';
  /** The outbox lease: letters leased when the stack died wait this long before the restarted sender takes them. */
  readonly leaseSeconds: number;
  /** Progress lines; silent when not given. */
  readonly progress?: (line: string) => void;
}

export interface CrashRunReport {
  readonly complaints: number;
  /** Answered 250 before the kill, and in all (after the resends). */
  readonly acceptedBeforeKill: number;
  readonly accepted: number;
  /** Sent again after the restart: cut off by the kill, or not yet sent. */
  readonly resent: number;
  /** Deliveries after the restart answered 4xx (451: intake failed, the sender is to try again) and tried again. */
  readonly temporaryFailures: number;
  readonly cases: number;
  readonly held: number;
  /** Answered 250 with no case or held message: must be 0. */
  readonly lost: number;
  /** Complainants with more than one case: must be 0. */
  readonly duplicateCases: number;
  /** References missing from 0001..N, and the organisation's cases beyond those of this run. */
  readonly referenceGaps: readonly string[];
  readonly acknowledgements: { readonly once: number; readonly missing: number; readonly twiceOrMore: number };
  readonly staffNotices: { readonly once: number; readonly missing: number; readonly twiceOrMore: number };
  /** Cases whose acknowledgement is on the timeline other than exactly once. */
  readonly timelineNotOnce: number;
  /** Letters recorded after the restart from the emulator's record of an attempt the kill cut off (not sent again). */
  readonly foundAlreadySent: number;
  /** Letters sent after an attempt that was cut off with no record at the emulator. */
  readonly sentAfterCutOff: number;
  /** Raw messages stored with no case or held message (the kill came between the store and the case). */
  readonly rawWithoutCase: number;
  readonly seconds: { readonly firstRun: number; readonly restart: number; readonly resend: number; readonly drain: number };
}

type Ports = { http: number; smtp: number; ses: number; dynamodb: number; oidc: number };

interface RunningStack {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/** `npm start` in a process group of its own (DynamoDB Local is its child), once it says it is ready. */
async function startStack(env: Record<string, string>, logFile: string): Promise<RunningStack> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready in 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      log.write(chunk);
      if (output.length < 100_000) output += chunk.toString();
      if (output.includes('Ready.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then(() => reject(new Error(`npm start exited before it was ready:\n${output}`)));
  });
  return { child, exited };
}

/** kill -9 of the stack's whole process group: Node, DynamoDB Local and everything in them, with no chance to tidy up. */
async function killStack(stack: RunningStack): Promise<void> {
  process.kill(-(stack.child.pid as number), 'SIGKILL');
  await stack.exited;
}

async function stopStack(stack: RunningStack): Promise<void> {
  if (stack.child.exitCode !== null || stack.child.signalCode !== null) return;
  process.kill(-(stack.child.pid as number), 'SIGINT');
  await stack.exited;
}

function complaint(i: number): { from: string; raw: string } {
  const from = `crash.${i}@example.net`;
  const raw = [
    `From: Pat Morgan <${from}>`,
    `To: ${TO}`,
    `Subject: Bins not collected on Elm Street, house ${i}`,
    `Message-ID: <crash-${i}@example.net>`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `The bins outside house ${i} on Elm Street have not been collected for three weeks. Please collect them.`,
    '',
  ].join('\r\n');
  return { from, raw };
}

/** One delivery as a mail server makes it: a connection, the envelope, the message; 'accepted' on 250. */
async function deliver(port: number, i: number): Promise<'accepted' | 'temporary' | 'failed'> {
  const { from, raw } = complaint(i);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 });
  try {
    await transport.sendMail({ envelope: { from, to: [TO] }, raw });
    return 'accepted';
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    return code !== undefined && code >= 400 && code < 500 ? 'temporary' : 'failed';
  } finally {
    transport.close();
  }
}

/** `clients` senders work through `queue`; each stops when `stop()` says so. Those that got a 250, and how many a 4xx. */
async function sendAll(port: number, queue: readonly number[], clients: number, onAccepted: (count: number) => void, stop: () => boolean): Promise<{ accepted: Set<number>; temporary: number }> {
  const accepted = new Set<number>();
  let temporary = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!stop() && next < queue.length) {
        const i = queue[next++] as number;
        const outcome = await deliver(port, i);
        if (outcome === 'accepted') {
          accepted.add(i);
          onAccepted(accepted.size);
        } else if (outcome === 'temporary') temporary++;
      }
    }),
  );
  return { accepted, temporary };
}

/** What a mail server does with mail that got no 250: it tries again, a few rounds. */
const RESEND_ROUNDS = 5;

const quiet: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface EmulatorEmail {
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
}

function once(counts: readonly number[]): { once: number; missing: number; twiceOrMore: number } {
  return { once: counts.filter((c) => c === 1).length, missing: counts.filter((c) => c === 0).length, twiceOrMore: counts.filter((c) => c > 1).length };
}

export async function crashAndLoad(options: CrashRunOptions): Promise<CrashRunReport> {
  const say = options.progress ?? (() => undefined);
  let armed: (() => void) | undefined;
  const ses = await startSesEmulator(0, () => armed?.());
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-crash-'));
  const ports: Ports = { http: await freePort(), smtp: await freePort(), ses: await freePort(), dynamodb: await freePort(), oidc: await freePort() };
  const env = {
    REDRESS_DATA_DIR: dataDir,
    REDRESS_HTTP_PORT: String(ports.http),
    REDRESS_SMTP_PORT: String(ports.smtp),
    // The stack starts an emulator of its own on this port, but sends to this process's, which outlives the kill.
    REDRESS_SES_PORT: String(ports.ses),
    REDRESS_SES_ENDPOINT: ses.endpoint,
    REDRESS_DYNAMODB_PORT: String(ports.dynamodb),
    REDRESS_OIDC_PORT: String(ports.oidc),
    REDRESS_OUTBOX_LEASE_SECONDS: String(options.leaseSeconds),
    REDRESS_OUTBOX_POLL_SECONDS: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const logFile = join(dataDir, 'stack.log');
  const all = Array.from({ length: options.complaints }, (_, i) => i + 1);
  let stack: RunningStack | undefined;
  try {
    say(`data in ${dataDir}; the stack's output in ${logFile}`);
    let t = performance.now();
    stack = await startStack(env, logFile);
    say(`started; sending ${options.complaints} complaints from ${options.clients} clients, kill -9 after ${options.killAfter} answered 250`);
    let killing: Promise<void> | undefined;
    const running = stack;
    const kill = (why: string) => {
      if (killing !== undefined) return;
      say(`kill -9 ${why}`);
      killing = killStack(running);
    };
    const { accepted: first } = await sendAll(ports.smtp, all, options.clients, (count) => {
      if (count < options.killAfter || armed) return;
      if (options.killOn === 'answered') kill(`at ${count} answered 250`);
      else armed = () => kill(`the moment SES took a letter, after ${count} answered 250`);
    }, () => killing !== undefined);
    // Every message sent and no letter taken since the mark: kill it anyway.
    kill('after the last message');
    await killing;
    const firstRun = (performance.now() - t) / 1000;

    t = performance.now();
    stack = await startStack(env, logFile);
    const restart = (performance.now() - t) / 1000;
    const again = all.filter((i) => !first.has(i));
    say(`restarted on the same data in ${restart.toFixed(1)} s; sending again the ${again.length} that got no 250`);
    t = performance.now();
    const accepted = new Set(first);
    let temporaryFailures = 0;
    for (let round = 1; round <= RESEND_ROUNDS && accepted.size < all.length; round++) {
      const { accepted: now, temporary } = await sendAll(ports.smtp, all.filter((i) => !accepted.has(i)), options.clients, () => undefined, () => false);
      for (const i of now) accepted.add(i);
      temporaryFailures += temporary;
    }
    const resend = (performance.now() - t) / 1000;

    // Read the store as operators would, beside the running stack.
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_DYNAMODB_ENDPOINT: `http://127.0.0.1:${ports.dynamodb}`, REDRESS_SES_ENDPOINT: ses.endpoint, REDRESS_DATA_DIR: dataDir });
    const store = composeLocalStack(config, { log: quiet });
    t = performance.now();
    const drainBy = Date.now() + (options.leaseSeconds + 120) * 1000;
    for (;;) {
      const pending = await store.outbox.pending(1000);
      if (pending.length === 0) break;
      if (Date.now() > drainBy) throw new Error(`the outbox did not drain: ${pending.length} entries still pending`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const drain = (performance.now() - t) / 1000;
    say(`outbox drained in ${drain.toFixed(1)} s; counting`);

    const casesOf = await Promise.all(all.map((i) => store.cases.ofComplainant(POLICY, complaint(i).from)));
    const held = [...(await store.heldMail.list(POLICY)), ...(await store.heldMail.list('operator'))].filter((h) => all.some((i) => h.from?.includes(complaint(i).from)));
    const heldFrom = new Set(held.map((h) => h.from ?? ''));
    const lost = all.filter((i, n) => accepted.has(i) && (casesOf[n]?.length ?? 0) === 0 && ![...heldFrom].some((f) => f.includes(complaint(i).from)));
    const references = casesOf.flat().map((c) => c.reference);
    const organisation = (await store.cases.newestFirst(POLICY)).map((c) => c.reference);
    const numbers = new Set(organisation.map((r) => Number(r.split('-').pop())));
    const gaps = Array.from({ length: organisation.length }, (_, k) => k + 1).filter((k) => !numbers.has(k)).map((k) => `missing ${k}`);
    const extra = organisation.filter((r) => !references.includes(r)).map((r) => `not this run's: ${r}`);

    const { emails } = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: EmulatorEmail[] };
    const bySubject = new Map<string, number>();
    for (const e of emails) bySubject.set(`${e.destination.to.join(',')}|${e.subject}`, (bySubject.get(`${e.destination.to.join(',')}|${e.subject}`) ?? 0) + 1);
    const cases = casesOf.flat();
    const ackCounts = cases.map((c) => bySubject.get(`${c.complainant.email}|[${c.reference}] We have received your complaint`) ?? 0);
    const noticeCounts = cases.map((c) => emails.filter((e) => e.subject.startsWith(`[${c.reference}] New complaint:`)).length);
    const timelines = await Promise.all(cases.map((c) => store.cases.timeline(c.reference)));
    const ackEvents = timelines.map((events) => events.filter((e) => e.type === 'mail-out' && String(e.detail?.outboxId ?? '').includes('.acknowledgement.')));
    const mailOut = timelines.flat().filter((e) => e.type === 'mail-out');
    const rawFiles = readdirSync(join(dataDir, 'mail', 'inbound'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.eml')).length;

    return {
      complaints: options.complaints,
      acceptedBeforeKill: first.size,
      accepted: accepted.size,
      resent: again.length,
      temporaryFailures,
      cases: cases.length,
      held: held.length,
      lost: lost.length,
      duplicateCases: casesOf.filter((c) => c.length > 1).length,
      referenceGaps: [...gaps, ...extra],
      acknowledgements: once(ackCounts),
      staffNotices: once(noticeCounts),
      timelineNotOnce: ackEvents.filter((e) => e.length !== 1).length,
      foundAlreadySent: mailOut.filter((e) => e.detail?.foundAlreadySent === true).length,
      sentAfterCutOff: mailOut.filter((e) => typeof e.detail?.earlierAttemptCutOff === 'string').length,
      rawWithoutCase: rawFiles - cases.length - held.length,
      seconds: { firstRun: round(firstRun), restart: round(restart), resend: round(resend), drain: round(drain) },
    };
  } finally {
    if (stack) await stopStack(stack);
    await ses.stop();
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { complaints: { type: 'string', default: '300' }, clients: { type: 'string', default: '8' }, 'kill-after': { type: 'string' }, 'kill-on': { type: 'string', default: 'letter-taken' }, 'lease-seconds': { type: 'string', default: '120' } } });
  if (values['kill-on'] !== 'letter-taken' && values['kill-on'] !== 'answered') throw new Error('--kill-on is letter-taken or answered');
  const complaints = Number(values.complaints);
  const report = await crashAndLoad({
    complaints,
    clients: Number(values.clients),
    killAfter: Number(values['kill-after'] ?? Math.floor(complaints / 2)),
    killOn: values['kill-on'],
    leaseSeconds: Number(values['lease-seconds']),
    progress: (line) => console.log(line),
  });
  console.log(JSON.stringify(report, null, 2));
  const held = report.accepted === report.complaints && report.lost === 0 && report.duplicateCases === 0 && report.referenceGaps.length === 0 && report.acknowledgements.once === report.cases && report.staffNotices.once === report.cases && report.timelineNotOnce === 0;
  console.log(held ? 'held: nothing 250d lost, every acknowledgement and notice once, no gap' : 'NOT held: see the counts above');
  process.exitCode = held ? 0 : 1;
}
