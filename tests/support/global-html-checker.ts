/**
 * One Nu HTML Checker (vnu-jar, the W3C's validator) for the whole journeys run, as a web service on a loopback
 * port: each test file that checks its pages posts them to it (valid-html.ts) instead of starting a JVM of its own
 * (about 9 s a file on this 2-core machine, most of it Java starting and warming up). Started here without waiting:
 * the files that need it wait for it to answer, the others never pay for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '#local/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's Nu HTML Checker listens (it may still be starting). */
    htmlCheckerEndpoint: string;
  }
}

const VNU_JAR = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');

let checker: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const port = await freePort();
  // The client compiler alone and the serial collector: half the CPU for a run's hundred pages (measured: start-up
  // and 100 pages in 6.7 s of CPU, not 13.4), and sooner ready.
  checker = spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss4m', '-Dnu.validator.servlet.bind-address=127.0.0.1', '-cp', VNU_JAR, 'nu.validator.servlet.Main', String(port)], { stdio: 'ignore' });
  // A missing java is told by the first file that posts a page (it cannot reach the checker), not here.
  checker.once('error', () => undefined);
  project.provide('htmlCheckerEndpoint', `http://127.0.0.1:${port}`);
}

export async function teardown(): Promise<void> {
  if (!checker || checker.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => checker?.once('exit', () => resolve()));
  checker.kill();
  await exited;
}
