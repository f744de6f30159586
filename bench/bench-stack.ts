import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable } from '../shared/adapters/dynamodb/create-table.js';
import { loadConfig } from '../shared/config/config.js';
import type { Log } from '../shared/ports/logger.js';
import { localRuntime, type LocalRuntime } from '../shared/runtime/local-runtime.js';

const silent: Log = { info: () => undefined, warn: () => undefined, error: (m, e) => console.error(m, e) };

/** The real pipeline on the benchmark's servers, with a fresh table and data folder. */
export async function benchStack(endpoints: { dynamodb: string; ses: string }, overrides: Record<string, string> = {}): Promise<LocalRuntime> {
  const config = loadConfig({
    REDRESS_TABLE: `bench-${randomUUID()}`,
    REDRESS_DYNAMODB_ENDPOINT: endpoints.dynamodb,
    REDRESS_SES_ENDPOINT: endpoints.ses,
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'redress-bench-')),
    ...overrides,
  });
  const runtime = localRuntime(config, { log: silent });
  await ensureTable(runtime.dynamodb, config.REDRESS_TABLE);
  return runtime;
}
