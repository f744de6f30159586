import { calendarFor } from '#domain/planner/plan-deadlines';
import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { closureFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireOpen, type ActionContext } from './action-kit.js';
import { closed } from './close-case.js';
import { clauseInWords } from '#domain/policy/clause-words';

/**
 * `case early-resolution REF --summary TEXT`: resolved by the end of the next working day, so not recorded as
 * a complaint (the council's "Early resolution"). Only where the policy has the rule, and only in its time.
 */
export function earlyResolution(policy: Policy, c: Case, summary: string, ctx: ActionContext): CaseChange {
  const rule = policy.earlyResolution;
  if (!rule) throw new ActionRefusedError(`${policy.organisation.name}'s policy has no early resolution: close the case after its outcome instead`);
  requireOpen(c, 'record an early resolution');
  const words = summary.trim();
  if (!words) throw new ActionRefusedError('say what was agreed: the letter confirms it to the complainant', { input: 'summary' });
  const received = londonDate(c.receivedAt);
  const by = calendarFor(policy).addWorkingDays(received, rule.workingDays);
  if (londonDate(ctx.at) > by) {
    throw new ActionRefusedError(`early resolution must be by the end of ${by} (${rule.workingDays} working day${rule.workingDays === 1 ? '' : 's'} after it came in, ${clauseInWords(rule.clause)}); handle it as a complaint`);
  }
  const done = closed(policy, c, 'early-resolution', ctx.at);
  const resolved: Case = { ...done.case, recordedAsComplaint: false };
  return change(
    resolved,
    [event(ctx.at, 'closed', ctx.actor, `Resolved early, not recorded as a complaint (${clauseInWords(rule.clause)}): ${words}`, { summary: words }), ...done.events],
    true,
    letterFor(policy, resolved, closureFacts(policy, resolved, 'early-resolution', { summary: words }), 'early-resolution', iso(ctx.at), ctx.sending),
  );
}
