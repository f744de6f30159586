/**
 * The layering rules fail `npm test` (through `npm run layers`) when the domain reaches outside itself: the
 * domain's rule is an allow-list (itself, zod, luxon, the template engine), so an adapter, a node: module or a
 * package such as a parser or the AWS SDK imported into it is an error, while what it may use passes; a use case
 * that imports the SDK is an error too. Run on a small tree in a folder of its own, with the project's own rules:
 * one tree holding every forbidden import (each must be named), one holding only what is allowed.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const trees: string[] = [];

/** dependency-cruiser with the project's rules over a tree of these files (and node_modules), as `npm run layers`. */
function cruise(files: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  trees.push(dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }));
  const tree: Record<string, string> = { 'shared/adapters/store.ts': 'export const store = 1;\n', 'shared/domain/rule.ts': 'export const rule = 1;\n', ...files };
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Not spawnSync: the two trees are cruised side by side (each is seconds of a Node start on a loaded machine).
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'shared', '--config', join(ROOT, '.dependency-cruiser.cjs')], { cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, output: `${stdout}${stderr}` });
    });
  });
}

let forbidden: { status: number | null; output: string };
let allowed: { status: number | null; output: string };

beforeAll(async () => {
  [forbidden, allowed] = await Promise.all([
    cruise({
      'shared/domain/adapter-probe.ts': "import { store } from '../adapters/store.js';\nexport const probe = store;\n",
      'shared/domain/node-probe.ts': "import { createHash } from 'node:crypto';\nexport const probe = createHash;\n",
      'shared/domain/parser-probe.ts': "import { parse } from 'yaml';\nexport const probe = parse;\n",
      'shared/domain/sdk-probe.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const probe = DynamoDBClient;\n",
      'shared/application/sdk-probe.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const probe = DynamoDBClient;\n",
      'shared/application/fs-probe.ts': "import { readFileSync } from 'node:fs';\nimport { request } from 'http';\nexport const probe = [readFileSync, request];\n",
    }),
    cruise({ 'shared/domain/probe.ts': "import { rule } from './rule.js';\nimport { DateTime } from 'luxon';\nimport * as z from 'zod/mini';\nimport Mustache from 'mustache';\nexport const probe = [rule, DateTime, z, Mustache];\n" }),
  ]);
}, 120_000);

afterAll(() => {
  for (const dir of trees) rmSync(dir, { recursive: true, force: true });
});

describe('the domain allow-list', () => {
  it('fails the check', () => {
    expect(forbidden.status).not.toBe(0);
  });

  it('names an adapter imported into the domain', () => {
    expect(forbidden.output).toContain('domain-is-pure: shared/domain/adapter-probe.ts → shared/adapters/store.ts');
  });

  it('names a node: module imported into the domain, even one with no I/O', () => {
    expect(forbidden.output).toMatch(/domain-is-pure: shared\/domain\/node-probe\.ts → (node:)?crypto/);
  });

  it('names a package outside the list imported into the domain: a parser, the AWS SDK', () => {
    expect(forbidden.output).toMatch(/domain-is-pure: shared\/domain\/parser-probe\.ts → \S*node_modules\/yaml\//);
    expect(forbidden.output).toMatch(/domain-is-pure: shared\/domain\/sdk-probe\.ts → \S*node_modules\/@aws-sdk\/client-dynamodb\//);
  });

  it('names the AWS SDK imported into a use case', () => {
    expect(forbidden.output).toMatch(/application-uses-ports: shared\/application\/sdk-probe\.ts → \S*node_modules\/@aws-sdk\/client-dynamodb\//);
  });

  it('names the file system and the network imported into a use case, with or without node:', () => {
    expect(forbidden.output).toMatch(/application-uses-ports: shared\/application\/fs-probe\.ts → (node:)?fs\n/);
    expect(forbidden.output).toMatch(/application-uses-ports: shared\/application\/fs-probe\.ts → (node:)?http\n/);
  });

  it('passes the domain using itself, zod, luxon and mustache', () => {
    expect(allowed.output).toContain('no dependency violations found');
    expect(allowed.status).toBe(0);
  });
});
