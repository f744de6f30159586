/**
 * The house: each function's bundle as `cdk synth` makes it (the stack synthesized here and its assets read:
 * minified ESM, the SDK left to the Lambda runtime) and its cold import time in a fresh Node process, against a
 * bare module importing the same SDK clients, in the same run; and the DynamoDB requests on the critical path of
 * a new case from email, a reply, a web form and a staff action, counted by SDK middleware, with how many of them
 * run one after another.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DateTime } from 'luxon';
import { App } from 'aws-cdk-lib';
import { defineRedress } from '#infra/redress-app';
import { ESM_REQUIRE_BANNER, FUNCTION_MODULES } from '#infra/redress-function';
import { benchStack } from './bench-stack.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.bench-out');
const RUNS = 15;

type FunctionModule = (typeof FUNCTION_MODULES)[number];

/**
 * What every function carries for its SDK calls to show in X-Ray traces: Powertools Tracer and the X-Ray SDK it
 * wraps (118 KB minified; docs/architecture.md, decision 3).
 */
const TRACER_KB = 120;

/**
 * Each function's bundle budget in KB, minified with the SDK left out: 250 (and the tracer) for a function that
 * neither renders pages nor parses MIME nor draws charts. The others carry what they use, each named: a run over
 * any budget fails.
 */
const BUNDLE_BUDGET_KB: Record<FunctionModule, { readonly kb: number; readonly carries?: string }> = {
  'deadline-timer': { kb: 250 + TRACER_KB },
  'daily-digest': { kb: 250 + TRACER_KB },
  'outbox-sender': { kb: 250 + TRACER_KB },
  'mail-events': { kb: 250 + TRACER_KB },
  'complaint-form': { kb: 340 + TRACER_KB, carries: 'its pages (hono JSX) and the letters a new case owes (with the reading of the words for whom a complaint is about, and letters for post: about 130 KB of our own), on luxon, hono, zod/mini and Powertools (180 KB together)' },
  'complainant-page': { kb: 340 + TRACER_KB, carries: 'its pages and the letters a next stage owes (as the form), on the same libraries' },
  'staff-console': { kb: 1850 + TRACER_KB, carries: 'every console page and action, openid-client for the sign-in, and pdf-lib with its standard fonts and pako (about 430 KB) and @pdf-lib/fontkit (921 KB: its shapers, Unicode tables and a Brotli decoder) for letters as PDFs in an embedded font, loaded on the first one asked for' },
  'console-reports': { kb: 1000 + TRACER_KB, carries: 'Observable Plot and a DOM to draw its charts in (linkedom)' },
  'email-intake': { kb: 1400 + TRACER_KB, carries: "mailparser and its character sets (iconv-lite, libmime, encoding-japanese) and HTML-to-text" },
  'held-release': { kb: 1450 + TRACER_KB, carries: 'mailparser, as intake, to take a held message in' },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Milliseconds to import a module in a fresh Node process, as a Lambda cold start does. */
function importOnce(file: string): number {
  const driver = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', driver], { cwd: OUT, encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  if (r.status !== 0) throw new Error(`importing ${file} failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

/**
 * The medians of RUNS cold imports of a bundle and of its bare baseline, taken in turn (bundle, bare, bundle, ...)
 * so that whatever else the machine is doing weighs on both alike.
 */
function coldImports(bundle: string, bare: string): { bundle: number; bare: number } {
  const times = { bundle: [] as number[], bare: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.bundle.push(importOnce(bundle));
    times.bare.push(importOnce(bare));
  }
  return { bundle: median(times.bundle), bare: median(times.bare) };
}

/** Each function's bundle exactly as `cdk synth` makes it: the stack synthesized in this process, its assets read. */
function synthesizedBundles(): { module: string; file: string }[] {
  const outdir = mkdtempSync(join(tmpdir(), 'redress-synth-'));
  // As the CLI does, so that each function names its asset in its metadata.
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  defineRedress(app);
  const assembly = app.synth();
  const stack = assembly.stacks[0];
  if (!stack) throw new Error('synth made no stack');
  const resources = Object.values(stack.template.Resources as Record<string, { Type: string; Metadata?: Record<string, string>; Properties?: { Environment?: { Variables?: Record<string, unknown> } } }>);
  return resources
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment?.Variables?.REDRESS_STACK === 'aws')
    .map((r) => ({ module: String(r.Properties?.Environment?.Variables?.POWERTOOLS_SERVICE_NAME).replace(/^redress-/, ''), file: join(outdir, r.Metadata?.['aws:asset:path'] ?? '', 'index.mjs') }))
    .sort((x, y) => FUNCTION_MODULES.indexOf(x.module as never) - FUNCTION_MODULES.indexOf(y.module as never));
}

export async function bundlesBenchmark(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.log(`  function          bundle (KB)  budget   cold import (ms)   bare SDK import (ms)   ratio   biggest parts (KB)`);
  const over: string[] = [];
  for (const { module, file } of synthesizedBundles()) {
    // The deployed bundle, copied where Node finds the SDK (the Lambda runtime provides it; here, node_modules).
    const code = readFileSync(file, 'utf8');
    writeFileSync(join(OUT, `${module}.mjs`), code);
    const sdk = [...new Set([...code.matchAll(/from\s*["'](@aws-sdk\/[^"']+)["']/g)].map((m) => m[1] as string))];
    writeFileSync(join(OUT, `${module}-bare.mjs`), sdk.map((p) => `import ${JSON.stringify(p)};`).join('\n') + '\n');
    // Which packages the bytes come from: the same entry bundled again only for its metafile.
    const result = await build({
      entryPoints: [join(ROOT, `functions/${module}.ts`)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      minify: true,
      mainFields: ['module', 'main'],
      banner: { js: ESM_REQUIRE_BANNER },
      external: ['@aws-sdk/*'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const parts = new Map<string, number>();
    for (const [path, input] of Object.entries(output?.inputs ?? {})) {
      const part = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'redress';
      parts.set(part, (parts.get(part) ?? 0) + input.bytesInOutput);
    }
    const biggest = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${Math.round(v / 1024)}`).join(', ');
    const { bundle: ms, bare } = coldImports(`./${module}.mjs`, `./${module}-bare.mjs`);
    const kb = Math.round(Buffer.byteLength(code) / 1024);
    const budget = BUNDLE_BUDGET_KB[module as FunctionModule];
    if (kb > budget.kb) over.push(`${module} ${kb} KB`);
    console.log(`  ${module.padEnd(16)}  ${String(kb).padStart(11)}  ${String(budget.kb).padStart(6)}${kb > budget.kb ? '!' : ' '}  ${ms.toFixed(0).padStart(16)}   ${bare.toFixed(0).padStart(20)}   ${(ms / bare).toFixed(2).padStart(5)}x   ${biggest}`);
  }
  console.log(`  (the bundles cdk synth makes; cold import: median of ${RUNS} fresh Node processes each, bundle and bare taken in turn; the bare module imports the same @aws-sdk packages the bundle leaves to the runtime)`);
  for (const [module, { kb, carries }] of Object.entries(BUNDLE_BUDGET_KB)) if (carries) console.log(`  budget ${kb} KB for ${module}: ${carries}, and the tracer`);
  console.log(`  every budget holds ${TRACER_KB} KB for Powertools Tracer and the X-Ray SDK, so that each SDK call shows in a trace`);
  if (over.length > 0) {
    console.log(`  OVER BUDGET: ${over.join(', ')}`);
    process.exitCode = 1;
  }
}

interface Counted {
  readonly command: string;
  readonly start: number;
  end: number;
}

/** Counts the DynamoDB requests a piece of work makes, and how many rounds of them run one after another. */
async function storeRequests(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  const stack = await benchStack(endpoints);
  const requests: Counted[] = [];
  stack.table.client.middlewareStack.add(
    (next, context) => async (args) => {
      const r: Counted = { command: String(context.commandName).replace(/Command$/, ''), start: performance.now(), end: Infinity };
      requests.push(r);
      try {
        return await next(args);
      } finally {
        r.end = performance.now();
      }
    },
    { step: 'initialize', name: 'redressRequestCounter' },
  );
  const measure = async (what: string, work: () => Promise<unknown>) => {
    requests.length = 0;
    await work();
    // A round starts when a request starts after every earlier one has ended: those cannot overlap.
    let rounds = 0;
    let busyUntil = -Infinity;
    for (const r of [...requests].sort((a, b) => a.start - b.start)) {
      if (r.start >= busyUntil) rounds++;
      busyUntil = Math.max(busyUntil, r.end);
    }
    console.log(`  ${what.padEnd(44)} ${String(requests.length).padStart(2)} requests, ${rounds} one after another (${requests.map((r) => r.command).join(', ')})`);
  };
  const raw = (from: string, extra: string[] = []) =>
    Buffer.from([`From: Bench Person <${from}>`, 'To: complaints@county-council.example', 'Subject: Bench complaint', `Message-ID: <${from}>`, ...extra, '', 'The library closed early again.', ''].join('\r\n'));
  const take = async (key: string, bytes: Buffer) => {
    await stack.rawMail.put(key, bytes);
    return stack.useCases.takeEmail({ rawKey: key, recipients: [], receivedAt: new Date().toISOString() });
  };
  await take('inbound/warm.eml', raw('warm@example.net')); // connections and table warm
  let reference = '';
  await measure('a new case from email (to the 250)', async () => {
    const [o] = await take('inbound/new.eml', raw('new@example.net'));
    reference = (o as { reference: string }).reference;
  });
  await measure('a reply joining its case', () => take('inbound/reply.eml', raw('new@example.net', [`Subject: Re: [${reference}] Bench complaint`]).subarray(0)));
  await measure('the same message delivered again', () => take('inbound/new-again.eml', raw('new@example.net')));
  await measure('a web form submission (to the reference)', () =>
    stack.useCases.submitWebComplaint({
      policyId: 'county-council',
      form: { name: 'Bench Form', email: 'form@example.net', summary: 'The library closed early again.', confidential: false, consent: true, formToken: 'x' },
      submissionKey: 'bench-1',
      receivedAt: new Date().toISOString(),
      sourceIp: '127.0.0.1',
    }),
  );
  await measure('a staff action (case note)', () => stack.useCases.staff.note({ reference, text: 'called the complainant', at: DateTime.now(), actor: 'bench' }));
  await measure('the outbox sender, for all of the above', () => stack.useCases.sendDueLetters());
  stack.table.client.destroy();
}

export async function houseBenchmark(endpoints: { dynamodb: string; ses: string }): Promise<void> {
  console.log('the house (issue 8): bundles and cold starts');
  await bundlesBenchmark();
  console.log('the house (issue 8): store requests on the critical path');
  await storeRequests(endpoints);
}
