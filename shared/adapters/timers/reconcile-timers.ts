import { DateTime } from 'luxon';
import type { TimerInput, TimerSpec } from '#domain/timers/timer-plan';

/** How an adapter removes and creates one timer. */
export interface TimerOperations {
  remove(name: string): Promise<void>;
  create(timer: TimerSpec): Promise<void>;
}

/**
 * The one reconciling rule every timer adapter follows: delete what is no longer wanted, create what is
 * missing, and hand back (rather than schedule) what is already due. `dueWithin` is the margin a scheduler
 * needs to accept a time (EventBridge Scheduler refuses one in the past).
 */
export async function reconcileTimers(
  existing: Iterable<string>,
  desired: readonly TimerSpec[],
  now: Date,
  operations: TimerOperations,
  dueWithinMs = 0,
): Promise<{ created: string[]; deleted: string[]; due: TimerInput[] }> {
  const have = new Set(existing);
  const wanted = new Set(desired.map((t) => t.name));
  const deleted: string[] = [];
  for (const name of have) {
    if (wanted.has(name)) continue;
    await operations.remove(name);
    deleted.push(name);
  }
  const created: string[] = [];
  const due: TimerInput[] = [];
  const cutoff = DateTime.fromJSDate(now).plus({ milliseconds: dueWithinMs });
  for (const timer of desired) {
    if (have.has(timer.name)) continue;
    if (DateTime.fromISO(timer.fireAt) <= cutoff) {
      due.push(timer.input);
      continue;
    }
    await operations.create(timer);
    created.push(timer.name);
  }
  return { created, deleted, due };
}
