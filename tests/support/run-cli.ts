import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real CLI in a child process, as `npm run --silent redress -- ...` would: from the bundle the test run
 * made of it (in its global setup), or from its source where a test runs without that setup.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const bundle = inject('cliBundle');
  const entry = bundle ? [bundle] : ['--import', 'tsx', 'cli/redress.ts'];
  const result = spawnSync(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
