/**
 * DynamoDB Local, killed with SIGKILL the moment it has answered a transaction, keeps that transaction when the
 * local stack's client waits for its commit (awaitLocalCommits); without it, DynamoDB Local loses it.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, ListTablesCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoTable } from '#adapters/dynamodb/dynamo-table';
import { awaitLocalCommits } from '#adapters/dynamodb/local-commit-barrier';
import { spawnDynamoDbLocal } from '#local/dynamodb-local';
import { freePort } from '#local/free-port';

async function dynamoDbLocal(port: number, path: string): Promise<{ child: ChildProcess; client: DynamoDBClient }> {
  const child = spawnDynamoDbLocal({ port, sharedDb: true, path, stdio: 'ignore' });
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  for (let tries = 0; ; tries++) {
    try {
      await client.send(new ListTablesCommand({}));
      return { child, client };
    } catch (error) {
      if (tries > 240) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('the local stack on DynamoDB Local', () => {
  it('keeps a transaction it was answered for, though DynamoDB Local is killed the moment after', async () => {
    const path = mkdtempSync(join(tmpdir(), 'commit-barrier-'));
    const port = await freePort();
    let local = await dynamoDbLocal(port, path);
    await ensureTable(local.client, 'redress');
    const put = (pk: string, sk: string) => ({ Put: { TableName: 'redress', Item: { PK: { S: pk }, SK: { S: sk } } } });
    // Each round: a transaction through the local stack's kind of client, SIGKILL as soon as it is answered, a restart.
    for (let n = 1; n <= 2; n++) {
      const table = new DynamoTable(local.client, 'redress');
      awaitLocalCommits(table);
      await table.client.send(new TransactWriteItemsCommand({ TransactItems: [put(`CASE#T-${n}`, 'CASE'), put(`REF#T-${n}`, 'COUNTER')] }));
      await killed(local.child);
      local.client.destroy();
      local = await dynamoDbLocal(port, path);
      const kept = await local.client.send(new GetItemCommand({ TableName: 'redress', Key: { PK: { S: `CASE#T-${n}` }, SK: { S: 'CASE' } }, ConsistentRead: true }));
      expect(kept.Item, `transaction ${n}`).toBeDefined();
    }
    await killed(local.child);
  }, 240_000);
});
