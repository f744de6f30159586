import type { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import type { Sending } from '#domain/letters/addressing';
import { letterFor } from '#domain/letters/complainant-letter';
import { acknowledgementFacts, signatureRequestFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { entryStage } from '../route-case.js';
import { change, event, iso, staffNotices } from './action-kit.js';
import { automaticMove } from './enter-stage.js';
import { dateInWords } from '#domain/letters/dates-in-words';

/**
 * What a case owes once the address typed into its form is confirmed: the first letter the confirm-address letter
 * stood in for (a typed address is written to once, to prove it, and nothing more until then).
 * - Waiting for a signature: the request for it (the clock still waits for the signed complaint).
 * - Open and not yet acknowledged (staff may have done it by post or telephone meanwhile): the acknowledgement,
 *   as an emailed complaint gets it. Its deadline runs from receipt, so it is met now, or done late if it was
 *   due before; a stage the policy moves on from by itself then moves (Not Alone Mentoring 7.1), starting the
 *   next stage's clocks, and its handler is told. The letter gives only dates still to come.
 * Anything else (acknowledged already, closed, moved on by staff): nothing more than the confirmation.
 * `c` is the case with its address confirmed; once confirmed it is never confirmed again, so this runs once.
 */
export function firstLetterOnConfirmation(policy: Policy, c: Case, at: DateTime, sending: Sending): CaseChange {
  const stage = c.stage;
  if (c.status === 'awaiting-signature') {
    return change(c, [event(at, 'note', 'redress', 'Letter asking for the signed complaint sent, now that the address is confirmed', undefined, `signature-requested-confirmed-${stage}`)], false, letterFor(policy, c, signatureRequestFacts(policy, c), `${stage}-confirmed`, iso(at), sending));
  }
  if (c.status !== 'open' || c.acknowledgedAt || stage !== entryStage(policy).id) return change(c, [], false);

  const owed = c.deadlines.find((d) => d.kind === 'acknowledge' && d.stage === stage && (d.status === 'pending' || d.status === 'missed') && !d.doneAt);
  const late = owed !== undefined && (owed.status === 'missed' || owed.dueDate < londonDate(at));
  const acknowledged: Case = {
    ...c,
    acknowledgedAt: iso(at),
    deadlines: c.deadlines.map((d) => (d === owed ? { ...d, status: late ? ('missed' as const) : ('met' as const), doneAt: iso(at) } : d)),
  };
  const moved = automaticMove(policy, acknowledged, at, sending);
  // A date already past (the complainant took long to confirm) is no promise: the letter leaves it out.
  const today = londonDate(at);
  const toCome: Case = { ...moved.case, deadlines: moved.case.deadlines.filter((d) => !(d.status === 'pending' && d.dueDate < today)) };
  const events = [
    event(at, 'acknowledged', 'redress', `Acknowledgement sent to the complainant, who has confirmed their email address${late && owed ? ` (late: it was due by ${dateInWords(owed.dueDate)})` : ''}`, undefined, `acknowledged-confirmed-${stage}`),
    ...moved.events,
  ];
  return change(moved.case, events, true, letterFor(policy, moved.case, acknowledgementFacts(policy, toCome, 'confirmed'), `${stage}-confirmed`, iso(at), sending), staffNotices(moved.letters));
}
