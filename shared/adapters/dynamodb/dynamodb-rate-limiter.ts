import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { RateDecision, RateLimiter } from '#application/ports/rate-limiter';
import { incrementCounter } from './atomic-counter.js';
import { key } from './table-design.js';

/** Fixed-window counters: one atomic ADD per request, expired by TTL a window after the window ends. */
export class DynamoDbRateLimiter implements RateLimiter {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async hit(name: string, limit: number, windowSeconds: number, now: number): Promise<RateDecision> {
    const window = Math.floor(now / 1000 / windowSeconds);
    const windowEnds = (window + 1) * windowSeconds;
    const count = await incrementCounter(this.client, this.tableName, key.rate(name, window), windowEnds + windowSeconds);
    if (count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowEnds - now / 1000)) };
  }

  async peek(name: string, limit: number, windowSeconds: number, now: number): Promise<RateDecision> {
    const window = Math.floor(now / 1000 / windowSeconds);
    const result = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall(key.rate(name, window)), ProjectionExpression: 'n' }));
    if (Number(result.Item?.n?.N ?? '0') < limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window + 1) * windowSeconds - now / 1000)) };
  }
}
