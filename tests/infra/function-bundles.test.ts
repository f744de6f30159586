/**
 * Each function bundled as the house construct bundles it (esbuild, ESM, node22, the require banner), then loaded
 * by Node and invoked: proof that the bundle runs, not only that it builds. With no AWS configuration the handler
 * must stop at the configuration check, naming what is missing: the table for every function, then what each
 * one alone needs (and only that one: the form function is told of no bucket, the digest of no Scheduler).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER, FUNCTION_MODULES } from '#infra/redress-function';
import { policiesFile } from '#tests/support/policies';

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

describe.each(FUNCTION_MODULES)('the %s bundle', (module) => {
  it('loads in Node as an ES module and reaches its configuration check', async () => {
    const out = join(outdir, `${module}.mjs`);
    const saved = { ...process.env };
    Object.assign(process.env, { REDRESS_STACK: 'aws', REDRESS_POLICIES_FILE: policiesFile() });
    for (const name of ['REDRESS_TABLE', 'REDRESS_RAW_MAIL_BUCKET', 'REDRESS_FORM_SECRET_ARN', 'REDRESS_SCHEDULE_GROUP', 'REDRESS_SCHEDULER_ROLE_ARN', 'REDRESS_DEADLINE_FUNCTION_ARN', 'REDRESS_TIMER_DLQ_ARN', 'REDRESS_SESSION_SECRET_ARN']) {
      delete process.env[name];
    }
    try {
      const context = { getRemainingTimeInMillis: () => 1000 };
      // A fresh copy of the module each time, so that a failed cold start is tried again with the new settings.
      const load = async (n: number) => (await import(`${pathToFileURL(out).href}?${n}`)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
      await expect((await load(1)).handler({}, context)).rejects.toThrow(/REDRESS_TABLE/);
      const own = OWN_SETTING[module];
      if (own) {
        process.env.REDRESS_TABLE = 'redress-cases';
        await expect((await load(2)).handler({}, context)).rejects.toThrow(own);
      }
    } finally {
      process.env = saved;
    }
    // A bundle of a megabyte or two parsed by Node: seconds on an idle machine, over a minute at load 13 (a CI run
    // beside a browser walk and a mutation run); a test that timed out would leave its settings to the next.
  }, 180_000);
});
