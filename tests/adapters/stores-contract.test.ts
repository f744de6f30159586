/**
 * The store ports' contracts (tests/adapters/contracts/): each specification run against the memory fake the unit
 * tests use and the DynamoDB adapter on DynamoDB Local, so that the fakes cannot drift from the table.
 */
import { describe, inject } from 'vitest';
import { casesContract } from './contracts/cases.contract.js';
import { countersContract } from './contracts/counters.contract.js';
import { heldMailContract } from './contracts/held-mail.contract.js';
import { outboxContract } from './contracts/outbox.contract.js';
import { staffDirectoryContract } from './contracts/staff-directory.contract.js';
import { dynamoDbStores, memoryStores, type StoresMaker } from './contracts/stores.js';

describe.each([
  ['memory', memoryStores],
  ['DynamoDB', dynamoDbStores(inject('dynamodbEndpoint'))],
] as [string, StoresMaker][])('stores (%s)', (_name, make) => {
  casesContract(make);
  countersContract(make);
  heldMailContract(make);
  outboxContract(make);
  staffDirectoryContract(make);
});
