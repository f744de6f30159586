/**
 * Each function bundled as the house construct bundles it (esbuild, ESM, node22, the require banner), then loaded
 * by Node and invoked: proof that the bundle runs, not only that it builds. With no AWS configuration the handler
 * must stop at the configuration check, naming what is missing: the table for every function, then what each
 * one alone needs (and only that one: the form function is told of no bucket, the digest of no Scheduler).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER, FUNCTION_MODULES } from '#infra/redress-function';
import { policiesFile } from '#tests/support/policies';

const run = promisify(execFile);

/** What each function needs beyond the table, as its cold start names it; the digest needs nothing more. */
const OWN_SETTING: Record<(typeof FUNCTION_MODULES)[number], RegExp | undefined> = {
  'email-intake': /REDRESS_RAW_MAIL_BUCKET/,
  'complaint-form': /REDRESS_FORM_SECRET_ARN/,
  'complainant-page': /REDRESS_RAW_MAIL_BUCKET/,
  'staff-console': /REDRESS_RAW_MAIL_BUCKET/,
  // The reports read no raw mail: only the key that signs the console's sessions.
  'console-reports': /REDRESS_SESSION_SECRET_ARN/,
  'held-release': /REDRESS_RAW_MAIL_BUCKET/,
  'deadline-timer': /REDRESS_RAW_MAIL_BUCKET/,
  'daily-digest': undefined,
  'outbox-sender': /REDRESS_SCHEDULE_GROUP/,
  'mail-events': undefined,
};

// Every function in one esbuild run (each its own bundle, as the construct makes them): the dependencies they
// share are read once, not ten times.
const outdir = mkdtempSync(join(tmpdir(), 'bundles-'));
beforeAll(async () => {
  await build({
    entryPoints: FUNCTION_MODULES.map((module) => ({ in: `functions/${module}.ts`, out: module })),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
  });
}, 180_000);

/**
 * Loads the bundle in a Node process of its own, as Lambda does (not through vitest, which would transform a
 * megabyte of bundle on its way in), calls its handler with no table set, then (if asked) with one: what each cold
 * start threw.
 */
const COLD_STARTS = `
const context = { getRemainingTimeInMillis: () => 1000 };
const thrown = async (n) => {
  try {
    await (await import(process.argv[1] + '?' + n)).handler({}, context);
    return null;
  } catch (error) {
    return String(error instanceof Error ? error.message : error);
  }
};
const first = await thrown(1);
let second = null;
if (process.argv[2] === 'with-table') {
  process.env.REDRESS_TABLE = 'redress-cases';
  second = await thrown(2);
}
process.stdout.write(JSON.stringify([first, second]));
`;

const UNSET = ['REDRESS_TABLE', 'REDRESS_RAW_MAIL_BUCKET', 'REDRESS_FORM_SECRET_ARN', 'REDRESS_SCHEDULE_GROUP', 'REDRESS_SCHEDULER_ROLE_ARN', 'REDRESS_DEADLINE_FUNCTION_ARN', 'REDRESS_TIMER_DLQ_ARN', 'REDRESS_SESSION_SECRET_ARN'];

async function coldStarts(bundle: string, withTable: boolean): Promise<[string | null, string | null]> {
  const env: Record<string, string | undefined> = { ...process.env, REDRESS_STACK: 'aws', REDRESS_POLICIES_FILE: policiesFile() };
  for (const name of UNSET) delete env[name];
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', COLD_STARTS, pathToFileURL(bundle).href, withTable ? 'with-table' : 'without'], { env, timeout: 120_000 });
  return JSON.parse(stdout) as [string | null, string | null];
}

describe.each(FUNCTION_MODULES)('the %s bundle', (module) => {
  it('loads in Node as an ES module and reaches its configuration check', async () => {
    const own = OWN_SETTING[module];
    const [withoutTable, withTable] = await coldStarts(join(outdir, `${module}.mjs`), own !== undefined);
    expect(withoutTable).toMatch(/REDRESS_TABLE/);
    if (own) expect(withTable).toMatch(own);
  }, 180_000);
});
