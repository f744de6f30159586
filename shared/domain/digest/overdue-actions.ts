import { indexedAbout } from '#domain/case/about-role';
import type { PendingAction } from '#domain/case/pending-actions';
import { dateInWords } from '#domain/letters/dates-in-words';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { daysInWords, type DigestLine } from './build-digest.js';
import { stageName } from '#domain/policy/policy-lookups';

/**
 * The actions agreed at outcomes, not done, and past their date (an action often outlives its case, which may be
 * closed): one line each, oldest date first, in the policy's working days. Never one of a complaint about the
 * reader: `hiddenRoles` are theirs.
 */
export function overdueActions(policy: Policy, pastDue: readonly PendingAction[], today: string, hiddenRoles: ReadonlySet<string> = new Set()): DigestLine[] {
  const calendar = calendarFor(policy);
  return pastDue
    .filter((a) => a.due < today && !indexedAbout(a).some((r) => hiddenRoles.has(r)))
    .map((a) => ({ reference: a.reference, text: `${a.reference}: action ${a.n}, agreed at ${stageName(policy, a.stage)}, was due ${dateInWords(a.due)} (${daysInWords(calendar.workingDaysFrom(today, a.due))})` }));
}
