import type { DateTime } from 'luxon';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseDeadline } from './case.js';

/** The one way a case gets new deadlines: what the planner dates for an event at a stage, each pending. */
export function pendingDeadlines(policy: Policy, stage: string, event: string, at: DateTime): CaseDeadline[] {
  const startedAt = at.toUTC().toISO() as string;
  return planDeadlines(policy, stage, event, at).map((d) => ({ ...d, stage, status: 'pending' as const, startedAt }));
}

/** A deadline whose task was done at `at`: met when in time, still missed (and done) when late. */
export function deadlineDone(d: CaseDeadline, at: string): CaseDeadline {
  return { ...d, status: d.status === 'missed' ? 'missed' : 'met', doneAt: at };
}

/** Windows and retention run by themselves; every other deadline asks staff to do something. */
export function isStaffTask(d: Pick<CaseDeadline, 'kind'>): boolean {
  return d.kind !== 'retention' && !d.kind.endsWith('window');
}

/**
 * What staff still owe on a case at its stage: pending tasks, and missed ones not yet done and not followed by an
 * extension (which is the deadline now).
 */
export function owedDeadlines(c: { readonly stage: string; readonly deadlines: readonly CaseDeadline[] }): CaseDeadline[] {
  return c.deadlines.filter((d, i) => {
    if (!isStaffTask(d)) return false;
    if (d.status === 'pending') return true;
    if (d.status !== 'missed' || d.doneAt || d.stage !== c.stage) return false;
    return !c.deadlines.slice(i + 1).some((later) => later.kind === d.kind && later.stage === d.stage);
  });
}
