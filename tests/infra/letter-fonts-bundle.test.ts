/**
 * The staff console prints letters as PDFs set in DejaVu Sans, read at run time from fonts/ beside its bundle. Here
 * the console's function is bundled exactly as `cdk synth` bundles it (the house construct, local esbuild) and its
 * asset is opened: the fonts and their licence are there, byte for byte the repository's, and the bundle looks for
 * them beside itself. A function that prints nothing ships no fonts.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { RedressFunction } from '#infra/redress-function';
import { policiesFile } from '#tests/support/policies';

const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu.txt'];
const outdir = mkdtempSync(join(tmpdir(), 'letter-fonts-synth-'));
const assets = new Map<string, string>();

beforeAll(() => {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Fonts');
  const house = { policiesFile: policiesFile(), key: new Key(stack, 'Key'), letterEnvironment: {} };
  for (const handlerModule of ['staff-console', 'daily-digest'] as const) {
    const fn = new RedressFunction(stack, handlerModule, { handlerModule, serviceName: handlerModule, house });
    assets.set(handlerModule, join(outdir, `asset.${String(((fn.node.defaultChild as CfnFunction).code as CfnFunction.CodeProperty).s3Key).replace(/\.zip$/, '')}`));
  }
  app.synth();
}, 300_000);

describe("the letters' fonts in the Lambda bundle", () => {
  it('ship beside the staff console, as the repository holds them, and the bundle reads them from there', () => {
    const asset = assets.get('staff-console') as string;
    expect(readdirSync(join(asset, 'fonts')).sort()).toEqual([...FONTS].sort());
    for (const font of FONTS) expect(readFileSync(join(asset, 'fonts', font)).equals(readFileSync(`shared/adapters/pdf/fonts/${font}`))).toBe(true);
    expect(readFileSync(join(asset, 'index.mjs'), 'utf8')).toMatch(/new URL\(\s*["']\.\/fonts\/["']\s*,\s*import\.meta\.url\s*\)/);
  });

  it('do not ship with a function that prints nothing', () => {
    expect(readdirSync(assets.get('daily-digest') as string)).not.toContain('fonts');
  });
});
