/**
 * The stores the contract suites run against: the memory fakes over one MemoryTables, and the DynamoDB adapters
 * over one table of DynamoDB Local, both as the composition wires them (one table holds cases, counters, held mail
 * and the outbox, so a case write's outbox items and claims are visible through the other ports).
 */
import { randomUUID } from 'node:crypto';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbCounters } from '#adapters/dynamodb/dynamodb-counters';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { DynamoDbOutbox } from '#adapters/dynamodb/dynamodb-outbox';
import { DynamoDbStaffDirectory } from '#adapters/dynamodb/dynamodb-staff-directory';
import { MemoryCases } from '#adapters/memory/memory-cases';
import { MemoryCounters } from '#adapters/memory/memory-counters';
import { MemoryHeldMail } from '#adapters/memory/memory-held-mail';
import { MemoryOutbox } from '#adapters/memory/memory-outbox';
import { MemoryStaffDirectory } from '#adapters/memory/memory-staff-directory';
import { MemoryTables } from '#adapters/memory/memory-tables';
import type { Cases } from '#application/ports/cases';
import type { Counters } from '#application/ports/counters';
import type { HeldMail } from '#application/ports/held-mail';
import type { Outbox } from '#application/ports/outbox';
import type { StaffDirectory } from '#application/ports/staff-directory';
import { casesTable } from '#composition/cases-table';
import { loadConfig } from '#config/config';

export interface Stores {
  readonly cases: Cases;
  readonly counters: Counters;
  readonly heldMail: HeldMail;
  readonly outbox: Outbox;
  readonly staffDirectory: StaffDirectory;
}

/** How long an acknowledgement claim and a finished entry about no case are kept: the same for both stores. */
const ACK_CLAIM_SECONDS = 3 * 86_400;
export const FINISHED_KEEP_SECONDS = 7 * 86_400;

/**
 * Makes fresh stores. The DynamoDB maker makes a table of its own each time, since the outbox's pending and dead
 * lists are of the whole table; tests of the other ports own their data by unique keys.
 */
export type StoresMaker = () => Promise<Stores>;

export const memoryStores: StoresMaker = async () => {
  const tables = new MemoryTables();
  return { cases: new MemoryCases(tables), counters: new MemoryCounters(tables), heldMail: new MemoryHeldMail(tables), outbox: new MemoryOutbox(tables, FINISHED_KEEP_SECONDS), staffDirectory: new MemoryStaffDirectory() };
};

export function dynamoDbStores(endpoint: string): StoresMaker {
  return async () => {
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_TABLE: `contract-${randomUUID()}`, REDRESS_DYNAMODB_ENDPOINT: endpoint });
    const table = casesTable(config);
    await ensureTable(table.client, config.REDRESS_TABLE);
    return { cases: new DynamoDbCases(table, ACK_CLAIM_SECONDS), counters: new DynamoDbCounters(table), heldMail: new DynamoDbHeldMail(table), outbox: new DynamoDbOutbox(table, FINISHED_KEEP_SECONDS), staffDirectory: new DynamoDbStaffDirectory(table) };
  };
}
