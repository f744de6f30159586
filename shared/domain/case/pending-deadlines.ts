import type { DateTime } from 'luxon';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseDeadline } from './case.js';

/** The one way a case gets new deadlines: what the planner dates for an event at a stage, each pending. */
export function pendingDeadlines(policy: Policy, stage: string, event: string, at: DateTime): CaseDeadline[] {
  return planDeadlines(policy, stage, event, at).map((d) => ({ ...d, stage, status: 'pending' as const }));
}
