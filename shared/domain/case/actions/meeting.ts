import { londonDate } from '#domain/calendar/london-date';
import { dateInWords } from '#domain/letters/dates-in-words';
import { deadlineDone } from '../pending-deadlines.js';
import type { CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireDate, requireOpen, type ActionContext } from './action-kit.js';
import { clauseInWords } from '#domain/policy/clause-words';

/**
 * `case meeting REF --offered DATE | --held`: a meeting with the complainant offered for a date, or held.
 * Holding it meets the stage's meet deadline (Not Alone Mentoring 7.1); an offer past that deadline is said so.
 */
export function recordMeeting(c: Case, meeting: { readonly offeredFor?: string; readonly held?: boolean }, ctx: ActionContext): CaseChange {
  requireOpen(c, 'record a meeting');
  const meet = c.deadlines.find((d) => d.kind === 'meet' && d.stage === c.stage && (d.status === 'pending' || d.status === 'missed'));
  if (meeting.held) {
    const late = meet && londonDate(ctx.at) > meet.dueDate;
    return change(
      { ...c, meeting: { ...c.meeting, heldAt: iso(ctx.at) }, deadlines: c.deadlines.map((d) => (d === meet ? deadlineDone(d, iso(ctx.at)) : d)) },
      [event(ctx.at, 'meeting', ctx.actor, `Met the complainant${meet ? ` (due by ${dateInWords(meet.dueDate)}${late ? ', late' : ''})` : ''}`)],
      Boolean(meet),
    );
  }
  const date = requireDate(meeting.offeredFor ?? '', 'the date the meeting is offered for', 'offeredFor');
  const beyond = meet && date > meet.dueDate ? `: after the meet deadline of ${dateInWords(meet.dueDate)} (${clauseInWords(meet.clause)})` : '';
  return change({ ...c, meeting: { ...c.meeting, offeredFor: date } }, [event(ctx.at, 'meeting', ctx.actor, `Meeting offered for ${dateInWords(date)}${beyond}`, { offeredFor: date })], false);
}
