import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Two folders below the repository, as `cli/redress.ts` is: the configuration finds the repository (its policies,
 * its data folder) from its own file's place, and the bundle must find the same one.
 */
export const CLI_BUNDLE = `${ROOT}.build/cli/redress.mjs`;

/**
 * The CLI bundled once per test run, so that each of the hundreds of `redress` processes the tests start is the
 * real CLI in its own process, without compiling its TypeScript again (tsx takes about 3 s a start here, the bundle
 * 0.6 s).
 */
export async function buildCliBundle(): Promise<void> {
  await build({
    entryPoints: [`${ROOT}cli/redress.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: CLI_BUNDLE,
    // Some dependencies are CommonJS and call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as redressCreateRequire } from 'node:module'; const require = redressCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
