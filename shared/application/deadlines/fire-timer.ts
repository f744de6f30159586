import { timerFired } from '#domain/case/timer-fired';
import type { Sending } from '#domain/letters/addressing';
import type { TimerInput } from '#domain/timers/timer-plan';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';
import type { Clock } from '../ports/clock.js';
import type { Log } from '../ports/log.js';
import type { Metrics } from '../ports/metrics.js';
import { destroyPersonalData, type DestroyPersonalDataDeps } from './destroy-personal-data.js';

export interface FireTimerDeps extends ChangeCaseDeps, DestroyPersonalDataDeps {
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: Metrics;
  readonly sending: Sending;
}

export type FireOutcome = 'missing' | 'superseded' | 'already-done' | 'reminded' | 'escalated' | 'closed' | 'destroyed';

/**
 * A timer went off. The case is read again and the domain decides (timerFired); the change and the notices
 * it sends are one conditional write, so a timer fired twice, or twice at once, sends one notice.
 */
export async function fireTimer(deps: FireTimerDeps, input: TimerInput): Promise<FireOutcome> {
  const first = await deps.cases.get(input.reference);
  if (!first) {
    deps.log.warn('timer for a case that does not exist', { ...input });
    return 'missing';
  }
  const decided: { outcome: FireOutcome } = { outcome: 'already-done' };
  await changeCase(deps, input.reference, (c, policy) => {
    const verdict = timerFired(policy, c, input, deps.sending, deps.clock.now().toISOString());
    decided.outcome = verdict.outcome === 'destroy' ? 'destroyed' : verdict.outcome;
    return 'change' in verdict ? { change: verdict.change } : undefined;
  }, first);
  const { outcome } = decided;
  if (outcome === 'destroyed') await destroyPersonalData(deps, input.reference);
  // A deadline that fired unmet is escalated (to the role above the handler, or the operator).
  if (outcome === 'escalated') deps.metrics.add('DeadlinesMissed');
  if (outcome === 'superseded' || outcome === 'already-done') deps.log.info(`timer with nothing to do: ${outcome}`, { ...input });
  return outcome;
}
