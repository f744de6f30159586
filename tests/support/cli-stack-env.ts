import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { dynamoDbClient } from '#composition/cases-table';
import { loadConfig } from '#config/config';

/** Environment for CLI runs against the shared DynamoDB Local and a test file's own SES emulator: a fresh table and data folder. */
export async function cliStackEnv(sesEndpoint: string): Promise<Record<string, string>> {
  const env = {
    REDRESS_TABLE: `t-${randomUUID()}`,
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_SES_ENDPOINT: sesEndpoint,
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'cli-data-')),
  };
  await ensureTable(dynamoDbClient(loadConfig(env)), env.REDRESS_TABLE);
  return env;
}
