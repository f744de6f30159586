import type { DynamoDbTimers } from '#adapters/dynamodb/dynamodb-timers';
import type { Log } from '#application/ports/logger';
import type { IntakeService } from '#composition/intake-service';
import type { TimerSpec } from '#domain/timers/timer-plan';

export interface FiredTimer {
  readonly timer: TimerSpec;
  readonly outcome: string;
}

/**
 * Fires every local timer due by `now`, soonest first, through the same idempotent handling as the AWS deadline
 * function. A timer is removed only after it was handled; one that fails stays, to be tried on the next tick.
 */
export async function runDueTimers(timers: DynamoDbTimers, service: IntakeService, now: Date, log: Log): Promise<FiredTimer[]> {
  const fired: FiredTimer[] = [];
  for (const timer of await timers.due(now)) {
    try {
      const outcome = await service.fire(timer.input);
      if (outcome === 'in-progress') continue;
      await timers.remove(timer.name);
      fired.push({ timer, outcome });
    } catch (error) {
      log.error('timer failed; it will be tried again', { timer: timer.name, error: (error as Error).message });
    }
  }
  return fired;
}
