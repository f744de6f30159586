import type { Case } from '../case/case.js';
import type { Policy } from '../policy/policy-schema.js';
import type { Timers } from '../ports/timers.js';
import { desiredTimers, type TimerInput } from './timer-plan.js';

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
