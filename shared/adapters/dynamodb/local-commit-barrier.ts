import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoTable } from './dynamo-table.js';

/** An item no one writes: reading it is only a way to wait. */
const BARRIER_KEY = { PK: 'BARRIER', SK: 'BARRIER' };

/**
 * DynamoDB Local answers TransactWriteItems a moment before its commit is on disk: killed just after the answer,
 * it loses that transaction (measured: 5 times in 5; none in 7 with a read in between). Its SQLite work
 * runs on one queue, so a read sent after the answer comes back only once the commit has run. So that a 250 or a
 * reference on screen locally follows a write that survives `kill -9`, every transaction of this client is
 * followed by such a read. DynamoDB on AWS answers a transaction only once it is durable: never use it there.
 */
export function awaitLocalCommits(table: DynamoTable): void {
  table.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'TransactWriteItemsCommand') {
        await table.client.send(new GetItemCommand({ TableName: table.name, Key: marshall(BARRIER_KEY), ConsistentRead: true }));
      }
      return result;
    },
    { step: 'initialize', name: 'awaitLocalCommits' },
  );
}
