import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningStart {
  /** What it printed up to "Ready.": the banner. */
  readonly banner: string;
  /** Ctrl-C: resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** `npm start` (local/start.ts) in a child process with the given environment, once it says it is ready. */
export async function npmStart(env: Record<string, string>): Promise<RunningStart> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready in 180 s:\n${output}`)), 180_000);
    child.stdout?.on('data', () => {
      if (output.includes('Ready.')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  return {
    banner: output,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      return exited;
    },
  };
}
