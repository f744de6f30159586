import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../shared/adapters/dynamodb/create-table.js';
import { FileRawMailStore } from '../shared/adapters/raw-mail/file-raw-mail-store.js';
import { SesMailer } from '../shared/adapters/ses/ses-mailer.js';
import { loadConfig, type Config } from '../shared/config/config.js';
import { loadPolicyDirectory } from '../shared/policy/load-policies.js';
import type { Log } from '../shared/ports/logger.js';
import { dynamoDbClient, sesClient } from '../shared/runtime/aws-clients.js';
import { createIntakeService, type IntakeService } from '../shared/runtime/intake-service.js';

const silent: Log = { info: () => undefined, warn: () => undefined, error: (m, e) => console.error(m, e) };

export interface BenchStack {
  readonly config: Config;
  readonly dynamodb: DynamoDBClient;
  readonly rawMail: FileRawMailStore;
  readonly intake: IntakeService;
}

/** The real pipeline on the benchmark's servers, with a fresh table and data folder. */
export async function benchStack(endpoints: { dynamodb: string; ses: string }, overrides: Record<string, string> = {}): Promise<BenchStack> {
  const config = loadConfig({
    REDRESS_TABLE: `bench-${randomUUID()}`,
    REDRESS_DYNAMODB_ENDPOINT: endpoints.dynamodb,
    REDRESS_SES_ENDPOINT: endpoints.ses,
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'redress-bench-')),
    ...overrides,
  });
  const dynamodb = dynamoDbClient(config);
  await ensureTable(dynamodb, config.REDRESS_TABLE);
  const rawMail = new FileRawMailStore(join(config.REDRESS_DATA_DIR, 'mail'));
  const intake = createIntakeService({
    config,
    policies: loadPolicyDirectory(config.REDRESS_POLICIES_DIR),
    dynamodb,
    rawMail,
    mailer: new SesMailer(sesClient(config)),
    log: silent,
  });
  return { config, dynamodb, rawMail, intake };
}
