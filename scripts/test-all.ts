/**
 * `npm test`: the type check, the lint, the layering check and `cdk synth` run beside the vitest run instead of
 * before it. Each is single-threaded for most of its time and most of the tests' time is spent waiting on local
 * servers and chromium, so on a 2-core machine side by side they take little longer than the tests alone. vitest
 * writes as it goes; each check's output is printed when it ends, with its time. Fails if any of them fails.
 */
import { spawn } from 'node:child_process';

interface Step {
  readonly name: string;
  readonly command: readonly string[];
  /** Writes straight to the terminal (the tests' progress) rather than all at once at its end. */
  readonly live?: boolean;
}

const STEPS: readonly Step[] = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'layers', command: ['npm', 'run', '--silent', 'layers'] },
  { name: 'synth', command: ['npm', 'run', '--silent', 'synth'] },
  { name: 'vitest', command: ['npx', 'vitest', 'run', ...process.argv.slice(2)], live: true },
];

interface Ended {
  readonly step: Step;
  readonly code: number | null;
  readonly seconds: number;
}

function run(step: Step): Promise<Ended> {
  const started = Date.now();
  // The checks run niced: the tests' servers (DynamoDB Local's start above all) come first, the checks take what is
  // left. All five at once un-niced kept DynamoDB Local from answering within its 60 s on a loaded machine.
  const [command, ...args] = (step.live ? step.command : ['nice', '-n', '10', ...step.command]) as [string, ...string[]];
  const child = spawn(command, args, { stdio: step.live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!step.live) process.stdout.write(`\n── ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n${output}`);
      resolve({ step, code, seconds });
    });
  });
}

const started = Date.now();
const ended = await Promise.all(STEPS.map(run));
const failed = ended.filter((e) => e.code !== 0);
process.stdout.write(`\nnpm test: ${ended.map((e) => `${e.step.name} ${e.seconds} s${e.code === 0 ? '' : ' FAILED'}`).join(', ')}; ${Math.round((Date.now() - started) / 1000)} s in all\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
