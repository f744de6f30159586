import type { RestrictionFound } from '#domain/case/restricted-mail';
import { dateInWords } from '#domain/letters/dates-in-words';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { daysInWords, type DigestLine } from './build-digest.js';

/** The digest's heading for restrictions on contact whose review is near or past. */
export const RESTRICTIONS_SECTION = 'Restrictions on contact to review';

/**
 * A line for each restriction on contact due for review by the end of the week (or past it), soonest first: the
 * case, the date, the point of contact. Never the person's name or the reason: a reference is enough to act on.
 */
export function restrictionsToReview(policy: Policy, due: readonly RestrictionFound[], today: string): DigestLine[] {
  const calendar = calendarFor(policy);
  return [...due]
    .sort((a, b) => a.restriction.reviewOn.localeCompare(b.restriction.reviewOn) || a.reference.localeCompare(b.reference))
    .map((r) => ({
      reference: r.reference,
      text: `${r.reference}: the restriction on contact is to be reviewed by ${dateInWords(r.restriction.reviewOn)} (${daysInWords(calendar.workingDaysFrom(today, r.restriction.reviewOn))}); point of contact ${r.restriction.pointOfContact.name}. Review it (keep it, with a new date) or lift it`,
    }));
}
