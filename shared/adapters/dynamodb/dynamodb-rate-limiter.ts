import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RateDecision, RateLimiter } from '../../ports/rate-limiter.js';
import { key, TTL_ATTRIBUTE } from './table-design.js';

/** Fixed-window counters: one atomic ADD per request, expired by TTL after the window. */
export class DynamoDbRateLimiter implements RateLimiter {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async hit(name: string, limit: number, windowSeconds: number, now: number): Promise<RateDecision> {
    const window = Math.floor(now / 1000 / windowSeconds);
    const windowEnds = (window + 1) * windowSeconds;
    const result = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: { PK: { S: key.rate(name, window).PK }, SK: { S: key.rate(name, window).SK } },
        UpdateExpression: 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#n': 'n', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': { N: '1' }, ':ttl': { N: String(windowEnds + windowSeconds) } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const count = Number(result.Attributes?.n?.N ?? '0');
    if (count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowEnds - now / 1000)) };
  }
}
