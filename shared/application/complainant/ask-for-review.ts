import type { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { escalate } from '#domain/case/actions/escalate';
import { ActionRefusedError } from '#domain/case/case-change';
import { openNextStageWindow } from '#domain/case/next-stage-window';
import { staffChange, type StaffDeps } from '../staff/staff-deps.js';
import { caseForPage } from './page-access.js';

/** The timeline's name for the complainant acting on their own page. */
export const COMPLAINANT_ACTOR = 'complainant';

/**
 * "Ask for a review" on the complainant's page, while the time to ask for the next stage is open: the same
 * escalation staff record (`case escalate`), by the complainant, with the next stage's acknowledgement in the
 * same write, and the next stage's handler told, with the reasons they gave (if any: they need not give any).
 * `fromStage` is the stage the page showed: a second press after the case moved on is the same
 * request, answered as done, not refused.
 */
export async function askForReview(deps: StaffDeps, request: { readonly token: string; readonly fromStage: string; readonly at: DateTime; readonly reasons?: string }): Promise<{ reference: string; already: boolean }> {
  const { c, policy } = await caseForPage(deps, request.token);
  if (c.stage !== request.fromStage) return { reference: c.reference, already: true };
  if (!openNextStageWindow(policy, c, londonDate(request.at))) {
    throw new ActionRefusedError(`You cannot ask for the next stage on this page now. If you think you should be able to, write to ${policy.intake.addresses[0]} quoting ${c.reference}.`);
  }
  await staffChange(deps, { reference: c.reference, at: request.at, actor: COMPLAINANT_ACTOR }, (current, p, ctx) =>
    escalate(p, current, { via: 'on their complaint page', ...(request.reasons?.trim() ? { grounds: request.reasons, groundsInOwnWords: true } : {}) }, ctx),
  );
  return { reference: c.reference, already: false };
}
