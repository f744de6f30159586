import { defineConfig } from 'vitest/config';
import { ProjectTimesReporter } from './tests/support/project-times-reporter.js';
import { SlowFirstSequencer } from './tests/support/slow-first-sequencer.js';

// Lambda runs Node 22; the SDK's notice that its 2027 releases will need 22 is known and pinned against.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** The projects that use the real local servers: one DynamoDB Local (and the CLI bundle) for the whole run. */
const onServers = {
  globalSetup: ['tests/support/global-servers.ts'],
  env,
  // DynamoDB Local, the CLI, `npm start` and chromium start real processes: give them room on a 2-core machine.
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/** The Lambda functions' handlers, invoked with their events. */
const HANDLER_JOURNEYS = 'tests/journeys/functions/**/*.test.ts';
const journeys = {
  ...onServers,
  globalSetup: [...onServers.globalSetup, 'tests/support/global-browser.ts', 'tests/support/global-html-checker.ts'],
  testTimeout: 240_000,
};

/**
 * Four projects, one per folder of tests/: `npm run test:unit`, `test:adapters`, `test:journeys`, `test:checks`;
 * `vitest run` runs them all.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: one worker on this 2-core machine, so every file waited for
    // the one before, though most of their time is spent waiting on DynamoDB Local, SMTP, HTTP and chromium. Four, as
    // measured here: `npm test` 381 s with four, 399 s with five, 403 s with six (every file slower).
    maxWorkers: 4,
    // The journeys (most of the run's time), and the slowest of them, first: the short files fill the end.
    sequence: { sequencer: SlowFirstSequencer },
    // Each project's time at the end of the run (`npm test` prints it beside the checks' times).
    reporters: ['default', new ProjectTimesReporter()],
    projects: [
      'vitest.unit.config.ts',
      { test: { name: 'adapters', include: ['tests/adapters/**/*.test.ts'], ...onServers } },
      // `npm start` and chromium start slowly on a loaded machine: a journey that starts them needs room (at load 25
      // the console's officer journey took over 120 s).
      // The browser tests share one chromium (tests/support/global-browser.ts) and one Nu HTML Checker.
      // Not isolated: a worker runs its files one after another in one process, so the SDK, the local servers' code
      // and the application are imported once a worker rather than once a file (a fifth of the journeys' time went
      // on imports). Each file owns its data (a table, an SES emulator and ports of its own, all stopped with it).
      { test: { name: 'journeys', include: ['tests/journeys/**/*.test.ts'], exclude: [HANDLER_JOURNEYS], isolate: false, ...journeys } },
      // The functions' handlers keep their composition in module state, built from the environment a test sets:
      // each file in a process of its own. No browser, no HTML checker.
      { test: { name: 'journeys-handlers', include: [HANDLER_JOURNEYS], ...onServers } },
      // What is checked of the repository as built: the CDK stack and its bundles, the layering, the docs' links. Not
      // isolated: aws-cdk-lib is imported once a worker, not once a file (seconds of CPU each); no file changes the
      // environment or a module's state (the bundles run in processes of their own).
      { test: { name: 'checks', include: ['tests/infra/**/*.test.ts', 'tests/layers/**/*.test.ts', 'tests/docs/**/*.test.ts'], isolate: false, env, testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
