import { adjustmentName } from '#domain/adjustments/adjustment-kinds';
import { dateInWords } from '#domain/letters/dates-in-words';
import type { Policy } from '#domain/policy/policy-schema';
import { adjustmentReviewsOf, type DueCase } from './due-case.js';

/** The digest's section of adjustments to review (LGSCO 5.6: kept under active review). */
export const ADJUSTMENTS_SECTION = 'Adjustments due for review';

/**
 * The reasonable adjustments of open cases whose review day has come or comes this week, soonest first: "CCC-2026-0001:
 * review the adjustment Large print (...) by Monday 7 December 2026 (overdue)". A confidential case's line names
 * the adjustment only: it is no part of what the complaint says. A review is done by agreeing it again with a new date.
 */
export function adjustmentsDueForReview(policy: Policy, openCases: readonly DueCase[], morning: { readonly today: string; readonly weekEnd: string }): { reference: string; text: string }[] {
  return openCases
    .flatMap((c) => adjustmentReviewsOf(c).filter((a) => a.reviewOn <= morning.weekEnd).map((a) => ({ c, a })))
    .sort((x, y) => x.a.reviewOn.localeCompare(y.a.reviewOn) || x.c.reference.localeCompare(y.c.reference))
    .map(({ c, a }) => ({
      reference: c.reference,
      text: `${c.reference}${c.confidential ? ' (confidential)' : ''}: review the adjustment "${adjustmentName(policy, a.kind)}" by ${dateInWords(a.reviewOn)}${a.reviewOn < morning.today ? ' (overdue)' : a.reviewOn === morning.today ? ' (today)' : ''}: agree it again with a new review date, or end it`,
    }));
}
