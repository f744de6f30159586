/**
 * The one Redress table, designed from its access patterns. The CDK stack, the local stack and the tests
 * all build it from this, so the three cannot drift apart.
 *
 * | access pattern                                   | key                                              |
 * | a case by reference                               | PK CASE#<ref>, SK CASE                           |
 * | a case's timeline in order                        | PK CASE#<ref>, SK begins_with EVENT#             |
 * | an organisation's open cases by next deadline     | GSI1: OPEN#<policy>, <nextDueAt>#<ref> (sparse)  |
 * | a policy's cases by complainant address           | GSI2: FROM#<policy>#<email>, <receivedAt>#<ref>  |
 * | a policy's cases by complainant name (prefix)      | PK NAME#<ref>; GSI2: NAME#<policy>, <name key>#<ref> |
 * | a policy's cases, newest first                  | GSI3: POLICY#<policy>, <at>#<ref>                |
 * | an open case's morning projection (`dueCaseOf`)  | PK DUE#<ref>, SK DUE; in the case's every write; gone when it closes with no letter left to post |
 * |   those due by a date (the morning, the digest)  | GSI1: DUE-CASES#<policy>, <dueKey>#<ref>         |
 * |   those received since an instant                | GSI2: NEW-CASES#<policy>, <receivedAt>#<ref>     |
 * |   listed under the case, for destruction         | GSI3: KEYS-OF#<ref>, DUE#<ref>                   |
 * | held messages waiting, or settled, newest first   | GSI3: HELD#<scope>[#settled], <at>#<id>          |
 * | a case by inbound thread (Message-ID)             | PK THREAD#<message-id>, SK THREAD                |
 * | a case by its complainant page (hashed token)     | PK PAGE#<sha256(token)>, SK PAGE                 |
 * | a case's lookup items (thread, page, ack claim)   | GSI3: KEYS-OF#<ref>, <the item's PK>             |
 * | an inbound message already seen (case or held)    | PK INBOUND#<digest>#<policy>, SK INBOUND         |
 * | an outbox entry (letter, notice, timer intent)    | PK OUTBOX#<id>, SK OUTBOX (TTL once finished, when about no case) |
 * | a letter's body, written once beside its entry    | PK OUTBOX#<id>, SK BODY (the same TTL)           |
 * | pending outbox entries, oldest first              | GSI1: OUTBOX-PENDING, <createdAt>#<id> (sparse)  |
 * | outbox entries given up, newest first             | GSI2: OUTBOX-DEAD, <at>#<id> (sparse)            |
 * | a case's outbox entries and their bodies          | GSI3: OUTBOX-OF#<ref>, <createdAt>#<id>[#body]   |
 * | reference numbers                                 | PK REF#<prefix>#<year>, SK COUNTER               |
 * | one acknowledgement per sender per day            | PK ACK#<policy>#<sender>#<date>, SK ACK (TTL)    |
 * | rate limits: the form's per IP and organisation, guesses at pages per IP | PK RATE#<name>#<window>, SK RATE (TTL) |
 * | a console session, until sign-out or its end      | PK SESSION#<id>, SK SESSION (TTL)                |
 * | a member of staff who signed in, per organisation | PK STAFF#<policy>, SK PERSON#<email>             |
 * |   the people of a role (assign to a person)      | PK STAFF#<policy>, SK ROLE#<role>#<email>        |
 * | form submissions refused as spam, per day         | PK SPAM#<policy>#<date>, SK COUNT                |
 * | a case's anonymous report record, per active year | PK REPORT#<policy>#<year>, SK CASE#<ref>         |
 * | an action agreed at an outcome, not yet done      | PK ACTIONS#<policy>, SK <due>#<ref>#<n>          |
 * | local timers (no Scheduler locally): due ones     | PK TIMER#<name>; GSI1: DUE-TIMERS, <fireAt>#<name>|
 * | local timers of one case                          | GSI3: TIMERS-OF#<ref>, <fireAt>#<name>           |
 * | a contact restriction by person (address or name key) | PK RESTRICTED#<policy>#<person key>, SK RESTRICTED; in its case's write |
 * |   a policy's restrictions by review date         | GSI1: RESTRICTIONS#<policy>, <reviewOn>#<ref>#<person key> |
 * |   listed under the case, for destruction         | GSI3: KEYS-OF#<ref>, RESTRICTED#...              |
 * | raw mail stored and not yet taken in, oldest first | PK RECEIPT#<raw key>; GSI1: UNCLAIMED-MAIL, <receivedAt>#<raw key> |
 *
 * Every item that holds or finds a person is reached when a case's personal data is destroyed: the case and its
 * timeline are rewritten; its letters and notices in the outbox, its name, thread, page and acknowledgement-claim
 * items are deleted (the last three found through KEYS-OF#<ref>); a held message released into it and its report
 * records are rewritten without the person or words. Items that name no case and hold a person (a finished digest
 * or held-mail notice, a claim of the day, a rate limit) expire by TTL; a receipt goes once its mail is kept.
 */
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;
export const TTL_ATTRIBUTE = 'expiration';
export const GLOBAL_INDEXES = [
  { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
] as const;
export const PARTITIONS = { outboxPending: 'OUTBOX-PENDING', outboxDead: 'OUTBOX-DEAD', dueTimers: 'DUE-TIMERS', unclaimedMail: 'UNCLAIMED-MAIL' } as const;

/** The index attributes that list an item among a case's lookup items, which destruction deletes. */
export function lookupOf(reference: string, pk: string): { GSI3PK: string; GSI3SK: string } {
  return { GSI3PK: `KEYS-OF#${reference}`, GSI3SK: pk };
}

export const key = {
  case: (reference: string) => ({ PK: `CASE#${reference}`, SK: 'CASE' }),
  event: (reference: string, at: string, id: string) => ({ PK: `CASE#${reference}`, SK: `EVENT#${at}#${id}` }),
  thread: (messageKey: string) => ({ PK: `THREAD#${messageKey}`, SK: 'THREAD' }),
  page: (pageKey: string) => ({ PK: `PAGE#${pageKey}`, SK: 'PAGE' }),
  name: (reference: string) => ({ PK: `NAME#${reference}`, SK: 'NAME' }),
  inbound: (inboundKey: string) => ({ PK: `INBOUND#${inboundKey}`, SK: 'INBOUND' }),
  counter: (prefix: string, year: number) => ({ PK: `REF#${prefix}#${year}`, SK: 'COUNTER' }),
  acknowledgement: (policyId: string, sender: string, date: string) => ({ PK: `ACK#${policyId}#${sender.toLowerCase()}#${date}`, SK: 'ACK' }),
  held: (id: string) => ({ PK: `HELD#${id}`, SK: 'HELD' }),
  timer: (name: string) => ({ PK: `TIMER#${name}`, SK: 'TIMER' }),
  outbox: (id: string) => ({ PK: `OUTBOX#${id}`, SK: 'OUTBOX' }),
  outboxBody: (id: string) => ({ PK: `OUTBOX#${id}`, SK: 'BODY' }),
  rate: (name: string, window: number) => ({ PK: `RATE#${name}#${window}`, SK: 'RATE' }),
  session: (id: string) => ({ PK: `SESSION#${id}`, SK: 'SESSION' }),
  staffPerson: (policyId: string, email: string) => ({ PK: `STAFF#${policyId}`, SK: `PERSON#${email}` }),
  staffInRole: (policyId: string, role: string, email: string) => ({ PK: `STAFF#${policyId}`, SK: `ROLE#${role}#${email}` }),
  spamCount: (policyId: string, date: string) => ({ PK: `SPAM#${policyId}#${date}`, SK: 'COUNT' }),
  pendingAction: (policyId: string, due: string, reference: string, n: number) => ({ PK: `ACTIONS#${policyId}`, SK: `${due}#${reference}#${n}` }),
  reportRecord: (policyId: string, year: number, reference: string) => ({ PK: `REPORT#${policyId}#${year}`, SK: `CASE#${reference}` }),
  receipt: (rawKey: string) => ({ PK: `RECEIPT#${rawKey}`, SK: 'RECEIPT' }),
  dueCase: (reference: string) => ({ PK: `DUE#${reference}`, SK: 'DUE' }),
  restriction: (policyId: string, personKey: string) => ({ PK: `RESTRICTED#${policyId}#${personKey}`, SK: 'RESTRICTED' }),
};
