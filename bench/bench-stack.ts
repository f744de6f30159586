import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { loadConfig } from '#config/config';
import type { Log } from '#application/ports/log';
import { composeLocalStack, type LocalStack } from '#composition/local-stack';

const silent: Log = { info: () => undefined, warn: () => undefined, error: (m, e) => console.error(m, e) };

/**
 * Counts the stack's DynamoDB transactions (each is one attempt at a case write): per case opened, how much a
 * crowd of intakes racing for one organisation's next reference cost.
 */
export function countTransactions(stack: LocalStack): { count(): number; reset(): void } {
  let n = 0;
  stack.table.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') n++;
      return next(args);
    },
    { step: 'initialize', name: 'benchTransactionCounter' },
  );
  return { count: () => n, reset: () => void (n = 0) };
}

/** The real pipeline on the benchmark's servers, with a fresh table and data folder. */
export async function benchStack(endpoints: { dynamodb: string; ses: string }, overrides: Record<string, string> = {}, options: { awaitCommits?: boolean } = {}): Promise<LocalStack> {
  const config = loadConfig({
    REDRESS_TABLE: `bench-${randomUUID()}`,
    REDRESS_DYNAMODB_ENDPOINT: endpoints.dynamodb,
    REDRESS_SES_ENDPOINT: endpoints.ses,
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'redress-bench-')),
    ...overrides,
  });
  const stack = composeLocalStack(config, { log: silent, ...options });
  await ensureTable(stack.table.client, config.REDRESS_TABLE);
  return stack;
}
