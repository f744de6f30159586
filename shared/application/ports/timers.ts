import type { TimerSpec } from '#domain/timers/timer-plan';

/**
 * Holds a timer for each upcoming deadline and reminder. Adapters: EventBridge Scheduler on AWS; timers kept in
 * the store and fired by the local stack's clock.
 */
export interface Timers {
  /**
   * Makes a case's timers exactly `desired`: stale ones deleted, missing ones created (creating one that exists
   * is not an error). A timer whose time has already passed is set to fire as soon as the service allows.
   */
  reconcile(reference: string, desired: readonly TimerSpec[], now: Date): Promise<{ created: string[]; deleted: string[] }>;
  /** A case's timers, soonest first. */
  list(reference: string): Promise<TimerSpec[]>;
}
