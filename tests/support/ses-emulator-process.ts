import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '#local/dynamodb-local';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * An SES emulator of a test file's own, in a process of its own: the CLI tests run the CLI with spawnSync,
 * which holds up their own event loop, so an emulator inside the test's process could not answer it.
 */
export async function sesEmulatorProcess(): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "const { startSesEmulator } = await import('./local/ses-emulator.ts'); const s = await startSesEmulator(0); console.log(s.endpoint);"],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the SES emulator exited (code ${code}) before it was ready`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve(line.trim()));
  });
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
