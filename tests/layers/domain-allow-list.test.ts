/**
 * The layering rules fail `npm test` (through `npm run layers`) when the domain reaches outside itself: the
 * domain's rule is an allow-list (itself, zod, luxon, the template engine), so an adapter, a node: module or a
 * parser imported into it is an error, while what it may use passes. Run on a small tree in a folder of its own,
 * with the project's own rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function cruise(domainFile: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  mkdirSync(join(dir, 'shared/domain'), { recursive: true });
  mkdirSync(join(dir, 'shared/adapters'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }));
  writeFileSync(join(dir, 'shared/adapters/store.ts'), 'export const store = 1;\n');
  writeFileSync(join(dir, 'shared/domain/rule.ts'), 'export const rule = 1;\n');
  writeFileSync(join(dir, 'shared/domain/probe.ts'), domainFile);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'shared', '--config', join(ROOT, '.dependency-cruiser.cjs')], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the domain allow-list', () => {
  it('fails on an adapter imported into the domain', () => {
    const r = cruise("import { store } from '../adapters/store.js';\nexport const probe = store;\n");
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('domain-is-pure: shared/domain/probe.ts → shared/adapters/store.ts');
  });

  it('fails on a node: module imported into the domain, even one with no I/O', () => {
    const r = cruise("import { createHash } from 'node:crypto';\nexport const probe = createHash;\n");
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/domain-is-pure: shared\/domain\/probe\.ts → (node:)?crypto/);
  });

  it('passes the domain using itself, zod and luxon', () => {
    const r = cruise("import { rule } from './rule.js';\nimport { DateTime } from 'luxon';\nimport * as z from 'zod/mini';\nexport const probe = [rule, DateTime, z];\n");
    expect(r.output).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });
});
