import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { freePort } from '#local/free-port';
import { startSesEmulator } from '#local/ses-emulator';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { FileRawMailStore } from '#adapters/file/file-raw-mail-store';
import { loadConfig, type Config } from '#config/config';
import type { Log } from '#application/ports/logger';
import type { DynamoDbCaseStore } from '#adapters/dynamodb/dynamodb-case-store';
import type { IntakeService } from '#composition/intake-service';
import { localRuntime } from '#composition/local-runtime';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { seedPolicies } from './policies.js';

export const quietLog: Log = { info: () => undefined, warn: () => undefined, error: (message, extra) => console.error(message, extra) };

export interface TestStack {
  readonly config: Config;
  readonly store: DynamoDbCaseStore;
  readonly rawMail: FileRawMailStore;
  readonly intake: IntakeService;
  readonly sesEndpoint: string;
}

/**
 * The real pipeline on the shared local servers, with a table of its own (so test files cannot see each
 * other's cases) and raw mail in a temporary folder.
 */
export async function testStack(overrides: Record<string, string> = {}): Promise<TestStack> {
  const sesEndpoint = await fileSesEmulator();
  const config = loadConfig({
    REDRESS_STACK: 'local',
    REDRESS_TABLE: `t-${randomUUID()}`,
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: sesEndpoint,
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'redress-')),
    ...overrides,
  });
  const runtime = localRuntime(config, {
    log: quietLog,
    policies: overrides.REDRESS_POLICIES_DIR ? loadPolicyDirectory(config.REDRESS_POLICIES_DIR) : seedPolicies,
  });
  await ensureTable(runtime.dynamodb, config.REDRESS_TABLE);
  return { config, store: runtime.store, rawMail: runtime.rawMail, intake: runtime.intake, sesEndpoint };
}

let sesForThisFile: Promise<string> | undefined;

/**
 * An SES emulator of this test file's own: each file has a table of its own, so its references start at 0001
 * like every other file's, and a shared outbox would mix their mail. (The emulator keeps its outbox in module
 * state, and each test file runs in its own worker.)
 */
function fileSesEmulator(): Promise<string> {
  sesForThisFile ??= (async () => {
    const server = await startSesEmulator(await freePort());
    afterAll(() => server.stop());
    return server.endpoint;
  })();
  return sesForThisFile;
}
