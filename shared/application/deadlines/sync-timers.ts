import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import type { Timers } from '#application/ports/timers';
import { desiredTimers, type TimerInput } from '#domain/timers/timer-plan';

export interface TimerDeps {
  readonly timers: Timers;
  /** Handles a timer now (the same handling as when it fires), for timers already due when they are set. */
  readonly fireTimer: (input: TimerInput) => Promise<unknown>;
  readonly now: () => Date;
}

/** Makes a case's timers match its deadlines; any already due are handled at once rather than lost. */
export async function syncTimers(deps: TimerDeps, policy: Policy, c: Case): Promise<void> {
  const { due } = await deps.timers.reconcile(c.reference, desiredTimers(policy, c), deps.now());
  for (const input of due) await deps.fireTimer(input);
}
