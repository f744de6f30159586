/**
 * The console's sessions as the server keeps them (StaffSessions): one contract, run against the memory fake and
 * the DynamoDB adapter on DynamoDB Local, so the fake cannot drift from the table.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbStaffSessions } from '#adapters/dynamodb/dynamodb-staff-sessions';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import type { StaffSessions } from '#application/ports/staff-sessions';
import { casesTable } from '#composition/cases-table';
import { loadConfig } from '#config/config';

const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_TABLE: `t-${randomUUID()}`, REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint') });
beforeAll(async () => {
  await ensureTable(casesTable(config).client, config.REDRESS_TABLE);
});

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe.each([
  ['memory', () => new MemoryStaffSessions()],
  ['DynamoDB', () => new DynamoDbStaffSessions(casesTable(config))],
] as [string, () => StaffSessions][])('staff sessions (%s)', (_name, make) => {
  it('a session is live from sign-in until its end, and not after', async () => {
    const sessions = make();
    const id = randomUUID();
    expect(await sessions.isLive(id, NOW)).toBe(false);
    await sessions.open(id, 'u-1', NOW + 3_600_000);
    expect(await sessions.isLive(id, NOW)).toBe(true);
    expect(await sessions.isLive(id, NOW + 3_600_000)).toBe(false);
  });

  it('a session ended (signed out) is not live, for any copy of its cookie; ending it again is not an error', async () => {
    const sessions = make();
    const [kept, ended] = [randomUUID(), randomUUID()];
    await sessions.open(kept, 'u-1', NOW + 3_600_000);
    await sessions.open(ended, 'u-1', NOW + 3_600_000);
    await sessions.end(ended);
    await sessions.end(ended);
    expect(await sessions.isLive(ended, NOW)).toBe(false);
    expect(await sessions.isLive(kept, NOW)).toBe(true);
  });
});
