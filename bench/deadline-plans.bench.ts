/**
 * Full deadline plans per second on one core (every event of every stage of every policy), against a
 * baseline in the same run: a hand-written working-day counter on plain Date with no luxon and no policy.
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { BUILT_IN_EVENTS, type Policy } from '#domain/policy/policy-schema';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import { bankHolidays } from '#domain/calendar/bank-holidays';
import { measure, ratio, report } from './measure.js';

export function deadlinePlansBenchmark(): void {
  console.log('deadline plans (issue 2)');
  const loads: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    loadPolicyDirectory(loadConfig().REDRESS_POLICIES_DIR, policyDefaultsFrom(loadConfig()));
    loads.push(performance.now() - start);
  }
  loads.sort((a, b) => a - b);
  console.log(`  load and validate every policy: median ${loads[10]?.toFixed(1)} ms, first ${loads[0]?.toFixed(1)} ms of 20 runs`);

  const policies = loadPolicyDirectory(loadConfig().REDRESS_POLICIES_DIR, policyDefaultsFrom(loadConfig())).all;
  // Receipt instants spread over 2026-2029 so that holidays, weekends and clock changes all occur.
  const instants = Array.from({ length: 97 }, (_, i) => DateTime.fromISO('2026-01-01T09:30:00Z').plus({ days: i * 13 + (i % 7) }));
  let next = 0;
  const fullPlan = (policy: Policy, at: DateTime) => {
    let count = 0;
    const events = [...BUILT_IN_EVENTS, ...policy.events.map((e) => e.id)];
    for (const stage of policy.stages) for (const event of events) count += planDeadlines(policy, stage.id, event, at).length;
    return count;
  };
  const plans = measure('full plans (all policies, every stage and event)', () => {
    const at = instants[next++ % instants.length] as DateTime;
    for (const policy of policies) fullPlan(policy, at);
    return policies.length;
  });
  report(plans, 'plans');

  const holidays = bankHolidays('england-and-wales').days;
  const workingDays = policies.flatMap((p) => [...p.stages.flatMap((s) => s.deadlines), ...p.anyStageDeadlines]).filter((d) => d.unit === 'workingDays').map((d) => d.amount);
  const baseline = measure('baseline: bare Date working-day count of the same rules', () => {
    const at = instants[next++ % instants.length] as DateTime;
    for (let p = 0; p < policies.length; p++) {
      for (const amount of workingDays) {
        const d = new Date(at.toMillis());
        let counted = 0;
        while (counted < amount) {
          d.setUTCDate(d.getUTCDate() + 1);
          const day = d.getUTCDay();
          if (day !== 0 && day !== 6 && !holidays.has(d.toISOString().slice(0, 10))) counted++;
        }
      }
    }
    return policies.length;
  });
  report(baseline, 'plans');
  ratio('planner speed against the bare baseline', plans, baseline);
}
