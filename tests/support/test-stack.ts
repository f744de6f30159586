import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.js';
import { FileRawMailStore } from '../../shared/adapters/raw-mail/file-raw-mail-store.js';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.js';
import { loadConfig, type Config } from '../../shared/config/config.js';
import type { Log } from '../../shared/ports/logger.js';
import { dynamoDbClient, sesClient } from '../../shared/runtime/aws-clients.js';
import { createIntakeService, type IntakeService } from '../../shared/runtime/intake-service.js';
import { loadPolicyDirectory } from '../../shared/policy/load-policies.js';
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
  const config = loadConfig({
    REDRESS_STACK: 'local',
    REDRESS_TABLE: `t-${randomUUID()}`,
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: inject('sesEndpoint'),
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'redress-')),
    ...overrides,
  });
  const dynamodb = dynamoDbClient(config);
  await ensureTable(dynamodb, config.REDRESS_TABLE);
  const rawMail = new FileRawMailStore(join(config.REDRESS_DATA_DIR, 'mail'));
  const intake = createIntakeService({
    config,
    policies: overrides.REDRESS_POLICIES_DIR ? loadPolicyDirectory(config.REDRESS_POLICIES_DIR) : seedPolicies,
    dynamodb,
    rawMail,
    mailer: new SesMailer(sesClient(config)),
    log: quietLog,
  });
  return { config, store: new DynamoDbCaseStore(dynamodb, config.REDRESS_TABLE), rawMail, intake, sesEndpoint: inject('sesEndpoint') };
}
