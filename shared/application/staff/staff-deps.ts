import type { DateTime } from 'luxon';
import type { Sending } from '#domain/letters/addressing';
import type { ChangeCaseDeps } from '../change-case.js';
import type { Counters } from '../ports/counters.js';

/** What every staff action needs: the cases, the policies, and how letters are addressed. */
export interface StaffDeps extends ChangeCaseDeps {
  readonly counters: Counters;
  readonly sending: Sending;
}

/** Who asked for the action and when it happened (staff may record something that happened earlier). */
export interface StaffRequest {
  readonly reference: string;
  readonly at: DateTime;
  readonly actor: string;
}
