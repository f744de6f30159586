import type { DynamoDbTimers } from '#adapters/dynamodb/dynamodb-timers';
import type { FireOutcome } from '#application/deadlines/fire-timer';
import type { Log } from '#application/ports/log';
import type { TimerInput, TimerSpec } from '#domain/timers/timer-plan';

export interface FiredTimer {
  readonly timer: TimerSpec;
  readonly outcome: FireOutcome;
}

/**
 * Fires every local timer due by `now`, soonest first, through the same use case as the AWS deadline function.
 * A timer is removed only after it was handled; one that fails stays, to be tried on the next tick.
 */
export async function runDueTimers(timers: DynamoDbTimers, fire: (input: TimerInput) => Promise<FireOutcome>, now: Date, log: Log): Promise<FiredTimer[]> {
  const fired: FiredTimer[] = [];
  for (const timer of await timers.due(now)) {
    try {
      const outcome = await fire(timer.input);
      await timers.remove(timer.name);
      fired.push({ timer, outcome });
    } catch (error) {
      log.error('timer failed; it will be tried again', { timer: timer.name, error: (error as Error).message });
    }
  }
  return fired;
}
