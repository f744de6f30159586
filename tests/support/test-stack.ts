import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { startSesEmulator } from '#local/ses-emulator';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { MovableClock } from '#adapters/memory/movable-clock';
import type { Log } from '#application/ports/log';
import type { Mailer } from '#application/ports/mailer';
import type { Timers } from '#application/ports/timers';
import { composeLocalStack, type LocalStack } from '#composition/local-stack';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { seedPolicies } from './policies.js';
import { TEST_START } from './test-start.js';

export const quietLog: Log = { info: () => undefined, warn: () => undefined, error: (message, extra) => console.error(message, extra) };

export { TEST_START } from './test-start.js';

export interface TestStack extends LocalStack {
  readonly clock: MovableClock;
  readonly sesEndpoint: string;
  /** Works through the outbox, as `npm start`'s sender (or the stream on AWS) would. */
  sendLetters(): Promise<void>;
}

/**
 * The real pipeline on the shared local servers, with a table of its own (so test files cannot see each
 * other's cases), raw mail in a temporary folder, an SES emulator of the file's own and a fixed clock.
 */
export async function testStack(overrides: Record<string, string> = {}, options: { mailer?: Mailer; timers?: Timers; start?: string } = {}): Promise<TestStack> {
  const sesEndpoint = await fileSesEmulator();
  const config = loadConfig({
    REDRESS_STACK: 'local',
    REDRESS_TABLE: `t-${randomUUID()}`,
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: sesEndpoint,
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'redress-')),
    // Keys of the test's own, set as an operator sets them (npm start makes its own in the data folder).
    REDRESS_FORM_SECRET: randomBytes(32).toString('base64url'),
    REDRESS_SESSION_SECRET: randomBytes(32).toString('base64url'),
    REDRESS_OIDC_CLIENT_SECRET: randomBytes(32).toString('base64url'),
    ...overrides,
  });
  const clock = new MovableClock(new Date(options.start ?? TEST_START));
  const stack = composeLocalStack(config, {
    log: quietLog,
    clock,
    policies: overrides.REDRESS_POLICIES_DIR ? loadPolicyDirectory(config.REDRESS_POLICIES_DIR, policyDefaultsFrom(config)) : seedPolicies,
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
  });
  await ensureTable(stack.table.client, config.REDRESS_TABLE);
  return {
    ...stack,
    clock,
    sesEndpoint,
    sendLetters: async () => {
      await stack.useCases.sendDueLetters();
    },
  };
}

let sesOfFile: { readonly file: string | undefined; readonly server: Promise<RunningServer> } | undefined;

/**
 * An SES emulator of this test file's own, on a port it chose itself: each file has a table of its own, so its
 * references start at 0001 like every other file's, and a shared outbox would mix their mail. A worker runs its
 * files one after another in one process (the journeys are not isolated), and the emulator keeps its outbox in
 * module state: so the emulator belongs to the file that asked for it (vitest's current test path), and the first
 * call from the next file stops it and starts one with an empty outbox. (A hook registered from here, inside the
 * file's own beforeAll, is not run by vitest: the last file's emulator stopped with the process, and the next
 * file was given it, outbox and all.)
 */
async function fileSesEmulator(): Promise<string> {
  const file = expect.getState().testPath;
  if (sesOfFile && sesOfFile.file !== file) {
    const previous = sesOfFile;
    sesOfFile = undefined;
    await (await previous.server).stop();
  }
  sesOfFile ??= { file, server: startSesEmulator(0) };
  return (await sesOfFile.server).endpoint;
}
