import { feedbackAnswersOf, giveFeedback } from '#domain/case/actions/give-feedback';
import { iso } from '#domain/case/actions/action-kit';
import type { DateTime } from 'luxon';
import { staffChange, type StaffDeps } from '../staff/staff-deps.js';
import { caseForPage } from './page-access.js';

/**
 * The feedback questions on the complainant's page, once per case after closure: only the fixed answers are kept
 * (anything else in the form is ignored), decided again on the case as it is written, so a second press is refused.
 */
export async function sendFeedback(deps: StaffDeps, request: { readonly token: string; readonly at: DateTime; readonly posted: Readonly<Record<string, unknown>> }): Promise<{ reference: string }> {
  const { c } = await caseForPage(deps, request.token);
  const answers = feedbackAnswersOf(request.posted);
  await staffChange(deps, { reference: c.reference, at: request.at, actor: 'complainant' }, (current) => giveFeedback(current, answers, iso(request.at)));
  return { reference: c.reference };
}
