/**
 * DynamoDB cancels a transaction that meets another one in flight on the same item (TransactionConflict): two
 * intakes on one organisation's counter at the same moment. DynamoDB Local serialises transactions and never
 * answers so, hence the one mocked client here; the case write is one the memory fakes captured.
 */
import { DynamoDBClient, TransactionCanceledException, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoTable } from '#adapters/dynamodb/dynamo-table';
import type { CaseWrite } from '#application/ports/cases';
import { ConcurrentChangeError } from '#application/ports/store-errors';
import { memoryStack } from '#tests/support/memory-stack';

async function aNewCaseWrite(): Promise<CaseWrite> {
  const stack = memoryStack();
  let captured: CaseWrite | undefined;
  const capturing = new Proxy(stack.cases, {
    get: (target, property, receiver) =>
      property === 'write'
        ? async (w: CaseWrite) => {
            captured = w;
            return target.write(w);
          }
        : (Reflect.get(target, property, receiver) as unknown),
  });
  await stack.withPorts({ cases: capturing }).submitWebComplaint({
    policyId: 'county-council',
    form: { name: 'Pat', email: 'pat@example.net', summary: 'The bins were not collected.', confidential: false, consent: true, formToken: 't' },
    submissionKey: 'k',
    receivedAt: '2026-11-23T10:00:00.000Z',
    sourceIp: '192.0.2.1',
  });
  if (!captured) throw new Error('no case write was made');
  return captured;
}

describe('a transaction cancelled for a conflict', () => {
  it('is a ConcurrentChangeError (decide again on a fresh read), not a failure to answer 500', async () => {
    const write = await aNewCaseWrite();
    const client = new DynamoDBClient({ region: 'eu-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const dynamodb = mockClient(client);
    dynamodb.on(TransactWriteItemsCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }],
      }),
    );
    await expect(new DynamoDbCases(new DynamoTable(client, 't-conflict'), 86_400).write(write)).rejects.toBeInstanceOf(ConcurrentChangeError);
    dynamodb.restore();
  });
});
