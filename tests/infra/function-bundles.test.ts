/**
 * Each function bundled as the house construct bundles it (esbuild, ESM, node22, the require banner), then loaded
 * by Node and invoked: proof that the bundle runs, not only that it builds. With no AWS configuration the handler
 * must stop at the configuration check, naming what is missing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER, FUNCTION_MODULES } from '#infra/redress-function';
import { POLICIES_DIR } from '#tests/support/policies';

describe.each(FUNCTION_MODULES)('the %s bundle', (module) => {
  it('loads in Node as an ES module and reaches its configuration check', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'index.mjs');
    await build({
      entryPoints: [`functions/${module}.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      mainFields: ['module', 'main'],
      banner: { js: ESM_REQUIRE_BANNER },
      outfile: out,
      logLevel: 'silent',
    });
    const saved = { ...process.env };
    Object.assign(process.env, { REDRESS_STACK: 'aws', REDRESS_POLICIES_DIR: POLICIES_DIR });
    for (const name of ['REDRESS_SCHEDULE_GROUP', 'REDRESS_SCHEDULER_ROLE_ARN', 'REDRESS_DEADLINE_FUNCTION_ARN', 'REDRESS_TIMER_DLQ_ARN']) delete process.env[name];
    try {
      const bundle = (await import(pathToFileURL(out).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
      await expect(bundle.handler({}, { getRemainingTimeInMillis: () => 1000 })).rejects.toThrow(/REDRESS_SCHEDULE_GROUP/);
    } finally {
      process.env = saved;
    }
  }, 60_000);
});
