import type { Policy } from '#domain/policy/policy-schema';
import type { Case, CaseDeadline } from './case.js';
import { stageById } from '#domain/policy/policy-lookups';

/**
 * The time to ask for the next stage, when it is open on `date`: the case is open, its stage has its outcome,
 * the next stage is the complainant's to ask for (not a move the policy makes by itself), and the stage's appeal
 * window runs to `date` or later; where the policy sets no time limit for asking, for as long as the case is
 * open. Undefined otherwise.
 */
export function openNextStageWindow(policy: Policy, c: Case, date: string): { readonly window?: CaseDeadline; readonly nextStage: string } | undefined {
  if (c.status !== 'open') return undefined;
  const stage = stageById(policy, c.stage);
  const next = stage?.next;
  if (!stage || !next || next.trigger === 'automatic') return undefined;
  if (!c.outcomes?.some((o) => o.stage === c.stage)) return undefined;
  if (!stage.deadlines.some((d) => d.kind === 'appeal-window')) return { nextStage: next.stage };
  const window = c.deadlines.find((d) => d.stage === c.stage && d.kind === 'appeal-window' && d.status === 'pending');
  if (!window || date > window.dueDate) return undefined;
  return { window, nextStage: next.stage };
}
