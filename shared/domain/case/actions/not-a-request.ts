import { dateInWords } from '#domain/letters/dates-in-words';
import { londonDate } from '#domain/calendar/london-date';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, requireOpen, type ActionContext } from './action-kit.js';

/**
 * `case not-a-request REF [--reason TEXT]`: a reply after the outcome that Redress flagged as perhaps asking for
 * the next stage was not asking for it (a thank-you, a question). The flag goes, so the case leaves the top of
 * the digest; the complainant can still ask while the time to ask is open.
 */
export function notARequest(c: Case, reason: string | undefined, ctx: ActionContext): CaseChange {
  requireOpen(c, 'say a reply was not a request');
  const flagged = c.possibleNextStageRequest;
  if (!flagged) throw new ActionRefusedError(`${c.reference} has no reply waiting to be read as a request for the next stage`);
  const { possibleNextStageRequest: _dismissed, ...rest } = c;
  const why = reason?.trim();
  return change(
    rest,
    [event(ctx.at, 'note', ctx.actor, `The reply of ${dateInWords(londonDate(flagged.at))} was not a request for the next stage${why ? `: ${why}` : ''}`, { dismissed: flagged, ...(why ? { reason: why } : {}) })],
    false,
  );
}
