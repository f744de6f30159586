import type { PendingAction } from '#domain/case/pending-actions';

/** The index of actions agreed at outcomes and not yet done, by due date: what the digest and morning view chase. */
export interface PendingActions {
  /** One organisation's actions due before a date (Europe/London, YYYY-MM-DD), soonest first. */
  dueBefore(policyId: string, date: string): Promise<PendingAction[]>;
}
