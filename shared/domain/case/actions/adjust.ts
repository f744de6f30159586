import { activeAdjustments, adjustmentChoices, adjustmentInWords, adjustmentName, isAdjustmentKind } from '#domain/adjustments/adjustment-kinds';
import { londonDate } from '#domain/calendar/london-date';
import { dateInWords } from '#domain/letters/dates-in-words';
import { cleanValue } from '#domain/letters/render-template';
import type { Policy } from '#domain/policy/policy-schema';
import { clauseInWords } from '#domain/policy/clause-words';
import { boundText } from '#domain/text/bounded-text';
import type { Adjustment } from '../adjustment.js';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireDate, type ActionContext } from './action-kit.js';

/** The most an adjustment's details or an end's reason may hold (an interpreter's language, what "other" is). */
export const ADJUSTMENT_DETAILS_MAX = 500;

export interface AdjustRequest {
  readonly kind: string;
  readonly details?: string | undefined;
  /** The day to review it (YYYY-MM-DD); the policy's `reviewWeeks` from today when not given. */
  readonly reviewOn?: string | undefined;
}

/** Words staff typed, on one bounded line of plain text. */
function staffWords(text: string | undefined): string {
  return boundText(cleanValue(text ?? '').replace(/\s+/g, ' ').trim(), ADJUSTMENT_DETAILS_MAX);
}

/** The day a new adjustment is reviewed unless staff say: the policy's weeks (12 by default) from today. */
/** Kept under active review (LGSCO 5.6): looked at again within a year at most, as a restriction is; a review may keep it. */
export const ADJUSTMENT_REVIEW_MAX_DAYS = 366;

export function defaultReviewOn(policy: Policy, today: string): string {
  const at = new Date(`${today}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 7 * (policy.adjustments?.reviewWeeks ?? 12));
  return at.toISOString().slice(0, 10);
}

/**
 * `case adjust REF KIND [--review DATE] [--text DETAILS]`: a reasonable adjustment agreed with the complainant, from
 * the policy's list, with the day it is reviewed (LGSCO 5.6: kept under active review). Agreeing one already in force
 * is its review: the details and the date are replaced, and the timeline says it was reviewed. "Something else"
 * needs words saying what. Letters follow it from the next one (letterForm).
 */
export function agreeAdjustment(policy: Policy, c: Case, request: AdjustRequest, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed; nothing more can be recorded`);
  const kind = request.kind.trim();
  if (!isAdjustmentKind(policy, kind)) {
    throw new ActionRefusedError(`"${kind}" is not an adjustment this policy lists: choose one of ${adjustmentChoices(policy).map((k) => k.id).join(', ')}`, { input: 'kind' });
  }
  const details = staffWords(request.details);
  if (kind === 'other' && !details) throw new ActionRefusedError('say what the adjustment is: "something else" needs its words', { input: 'details' });
  const today = londonDate(ctx.at);
  const reviewOn = request.reviewOn?.trim() ? requireDate(request.reviewOn.trim(), 'the day to review it', 'reviewOn') : defaultReviewOn(policy, today);
  if (reviewOn <= today) throw new ActionRefusedError(`the review date must be after today (${dateInWords(today)}): an adjustment is kept under review`, { input: 'reviewOn' });
  const latest = new Date(`${today}T12:00:00Z`);
  latest.setUTCDate(latest.getUTCDate() + ADJUSTMENT_REVIEW_MAX_DAYS);
  const latestDay = latest.toISOString().slice(0, 10);
  if (reviewOn > latestDay) throw new ActionRefusedError(`the review date must be within a year, by ${dateInWords(latestDay)}: an adjustment is kept under active review, and a review may keep it for longer`, { input: 'reviewOn' });
  const before = activeAdjustments(c).find((a) => a.kind === kind);
  const agreed: Adjustment = { kind, ...(details ? { details } : {}), reviewOn, agreedAt: iso(ctx.at), agreedBy: ctx.actor };
  const kept = (c.adjustments ?? []).filter((a) => a !== before);
  const words = adjustmentInWords(policy, agreed);
  const own = policy.adjustments?.clause;
  const clause = own ? ` (${/^\d/.test(own) ? clauseInWords(own) : own})` : '';
  return change({ ...c, adjustments: [...kept, agreed] }, [
    event(ctx.at, 'adjustment-agreed', ctx.actor, `${before ? 'Adjustment reviewed and kept' : 'Adjustment agreed'}${clause}: ${words}`, { kind, reviewOn, ...(details ? { details } : {}), ...(before ? { reviewed: true } : {}) }, `adjustment-agreed-${kind}-${iso(ctx.at)}`),
  ], false);
}

/** `case end-adjustment REF KIND [--reason TEXT]`: an adjustment no longer needed. It stays on the record, ended. */
export function endAdjustment(policy: Policy, c: Case, request: { readonly kind: string; readonly reason?: string | undefined }, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed; nothing more can be recorded`);
  const active = activeAdjustments(c);
  const current = active.find((a) => a.kind === request.kind.trim());
  if (!current) {
    throw new ActionRefusedError(
      active.length > 0 ? `${c.reference} has no adjustment "${request.kind}" in force: those in force are ${active.map((a) => a.kind).join(', ')}` : `${c.reference} has no adjustment in force`,
      { input: 'kind' },
    );
  }
  const reason = staffWords(request.reason);
  const ended: Adjustment = { ...current, endedAt: iso(ctx.at), endedBy: ctx.actor, ...(reason ? { endReason: reason } : {}) };
  return change({ ...c, adjustments: (c.adjustments ?? []).map((a) => (a === current ? ended : a)) }, [
    event(ctx.at, 'adjustment-ended', ctx.actor, `Adjustment ended: ${adjustmentName(policy, current.kind)}${reason ? ` (${reason})` : ''}`, { kind: current.kind }, `adjustment-ended-${current.kind}-${iso(ctx.at)}`),
  ], false);
}
