import type { Sending } from '#domain/letters/addressing';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Clock } from '../ports/clock.js';
import type { Log } from '../ports/log.js';
import type { Outbox } from '../ports/outbox.js';
import type { ReportRecords } from '../ports/report-records.js';

/**
 * What a scheduled mail read from the reporting index needs (the annual report, the weekly themes, the member's
 * quarterly summary): the policies, the anonymous report records, the outbox it queues into (once: `get` finds one
 * queued before), how staff are written to, the clock and the log.
 */
export interface ReportMailDeps {
  readonly policies: PolicySet;
  readonly reportRecords: ReportRecords;
  readonly outbox: Pick<Outbox, 'add' | 'get'>;
  readonly sending: Sending;
  readonly clock: Clock;
  readonly log: Log;
}
