import { desiredTimers } from '#domain/timers/timer-plan';
import type { Cases } from '../ports/cases.js';
import type { Clock } from '../ports/clock.js';
import type { Timers } from '../ports/timers.js';
import type { PolicySet } from '#domain/policy/policy-set';

/**
 * Carries out a timer intent: the case's timers are made to match its pending deadlines as they are now (a
 * newer change may have moved them on since the intent was written; matching the newest is what it wants).
 */
export async function syncCaseTimers(deps: { readonly cases: Cases; readonly policies: PolicySet; readonly timers: Timers; readonly clock: Clock; readonly reminderHour: number }, reference: string): Promise<void> {
  const c = await deps.cases.get(reference);
  if (!c) return;
  await deps.timers.reconcile(reference, desiredTimers(deps.policies.get(c.policyId), c, deps.reminderHour), deps.clock.now());
}
