import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TTL_ATTRIBUTE } from './table-design.js';

/**
 * Adds one to a counter item and returns its new value: one atomic ADD, so concurrent writers never see the
 * same number. With `expiresAt` (epoch seconds) the item is set to expire then, once, by TTL.
 */
export async function incrementCounter(
  client: DynamoDBClient,
  tableName: string,
  itemKey: { PK: string; SK: string },
  expiresAt?: number,
): Promise<number> {
  const result = await client.send(
    new UpdateItemCommand({
      TableName: tableName,
      Key: marshall(itemKey),
      UpdateExpression: expiresAt === undefined ? 'ADD #n :one' : 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl)',
      ExpressionAttributeNames: { '#n': 'n', ...(expiresAt === undefined ? {} : { '#ttl': TTL_ATTRIBUTE }) },
      ExpressionAttributeValues: { ':one': { N: '1' }, ...(expiresAt === undefined ? {} : { ':ttl': { N: String(expiresAt) } }) },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.n?.N ?? '0');
}
