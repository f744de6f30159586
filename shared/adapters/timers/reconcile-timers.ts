import type { TimerSpec } from '#domain/timers/timer-plan';

/** How an adapter removes and creates one timer. */
export interface TimerOperations {
  remove(name: string): Promise<void>;
  create(timer: TimerSpec): Promise<void>;
}

/**
 * The one reconciling rule every timer adapter follows: delete what is no longer wanted, create what is
 * missing (an adapter moves a time already past to the soonest it can fire).
 */
export async function reconcileTimers(existing: Iterable<string>, desired: readonly TimerSpec[], operations: TimerOperations): Promise<{ created: string[]; deleted: string[] }> {
  const have = new Set(existing);
  const wanted = new Set(desired.map((t) => t.name));
  const deleted: string[] = [];
  for (const name of have) {
    if (wanted.has(name)) continue;
    await operations.remove(name);
    deleted.push(name);
  }
  const created: string[] = [];
  for (const timer of desired) {
    if (have.has(timer.name)) continue;
    await operations.create(timer);
    created.push(timer.name);
  }
  return { created, deleted };
}
