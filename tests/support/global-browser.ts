/**
 * One chromium for the whole journeys run: launched here once as a server, and each browser test file connects to it
 * (`launchChromium` in browser.ts) and makes contexts of its own, so no file sees another's cookies or pages. One
 * launch instead of one per file: a chromium start is seconds of a core on this 2-core machine.
 */
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's chromium listens for playwright's connections. */
    chromiumEndpoint: string;
  }
}

let stop: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const server = await launchChromiumServer();
  stop = () => server.close();
  project.provide('chromiumEndpoint', server.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await stop?.();
}
