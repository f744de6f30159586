import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { redress } from '#cli/main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI's own dispatch (cli/main.ts, which cli/redress.ts runs as a process) in this test's process, as
 * `redress ARGS` with `env` added to the environment: its exit code and what it wrote to standard output and error.
 * A file's hundred runs load the CLI once instead of starting a hundred Node processes; `spawnCli` runs the real
 * bundle where that is what is proven. An error the CLI does not turn into a message is a crash, as in a process:
 * exit 1 with its stack on standard error.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const written = { stdout: '', stderr: '' };
  const saved = { env: process.env, stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean => {
      written[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      (typeof encoding === 'function' ? encoding : callback)?.();
      return true;
    }) as typeof process.stdout.write;
  process.env = { ...process.env, ...env };
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  let status: number;
  try {
    status = await redress(args);
  } catch (error) {
    status = 1;
    written.stderr += `${error instanceof Error ? error.stack : String(error)}\n`;
  } finally {
    process.env = saved.env;
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
  }
  return { status, ...written };
}

/**
 * Runs the real CLI in a child process, as `npm run --silent redress -- ...` would: from the bundle the test run
 * made of it (in its global setup), or from its source where a test runs without that setup.
 */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const bundle = inject('cliBundle');
  const entry = bundle ? [bundle] : ['--import', 'tsx', 'cli/redress.ts'];
  const result = spawnSync(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
