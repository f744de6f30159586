/**
 * Fixed-window rate limits (RateLimiter): one contract, run against the memory fake and the DynamoDB adapter on
 * DynamoDB Local, so the fake cannot drift from the table.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbRateLimiter } from '#adapters/dynamodb/dynamodb-rate-limiter';
import { MemoryRateLimiter } from '#adapters/memory/memory-rate-limiter';
import type { RateLimiter } from '#application/ports/rate-limiter';
import { casesTable } from '#composition/cases-table';
import { loadConfig } from '#config/config';

const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_TABLE: `t-${randomUUID()}`, REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint') });
beforeAll(async () => {
  await ensureTable(casesTable(config).client, config.REDRESS_TABLE);
});

// 40 seconds into a 60-second window.
const NOW = Date.parse('2026-11-23T10:00:40Z');

describe.each([
  ['memory', () => new MemoryRateLimiter()],
  ['DynamoDB', () => new DynamoDbRateLimiter(casesTable(config).client, config.REDRESS_TABLE)],
] as [string, () => RateLimiter][])('rate limits (%s)', (_name, make) => {
  it('allow `limit` hits in a window and refuse the next until it ends; a peek says the same and counts nothing', async () => {
    const limiter = make();
    const key = `test#${randomUUID()}`;
    for (let i = 0; i < 3; i++) {
      expect(await limiter.peek(key, 3, 60, NOW)).toEqual({ allowed: true });
      expect(await limiter.hit(key, 3, 60, NOW)).toEqual({ allowed: true });
    }
    expect(await limiter.peek(key, 3, 60, NOW)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(await limiter.peek(key, 3, 60, NOW)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(await limiter.hit(key, 3, 60, NOW)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(await limiter.peek(key, 3, 60, NOW + 20_000)).toEqual({ allowed: true });
    expect(await limiter.peek(`test#${randomUUID()}`, 3, 60, NOW)).toEqual({ allowed: true });
  });
});
