import { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { acknowledgementFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, CaseDeadline } from '../case.js';
import { deadlineDone } from '../pending-deadlines.js';
import { change, deadlinesSet, event, iso, type ActionContext } from './action-kit.js';
import { stageDeadlines } from './enter-stage.js';
import { serviceRequestRule } from './service-request.js';

/** The deadlines of a complaint's stage a complaint plans again when a service request becomes one. */
const REPLACED: ReadonlySet<string> = new Set(['acknowledge', 'meet', 'respond', 'respond-max']);

/**
 * `case complaint REF`: the person complained about their service request, which is a complaint from now on
 * (LGSCO 1.7: a complaint may be made while a service request is open, so nothing here waits for it: the request
 * goes on being dealt with beside the complaint). Its deadlines count from the first contact, where the policy
 * says so (`complaintCountsFrom: first-contact`, the default: the code's "expression of dissatisfaction, however
 * made" was made then, and the council's clock runs "from the date of receipt of the complaint"), else from today.
 * The timeline keeps both dates; the acknowledgement goes at once, with the reply date. A request already dealt
 * with, and so closed, opens again as the complaint.
 */
export function serviceRequestToComplaint(policy: Policy, c: Case, ctx: ActionContext): CaseChange {
  const rule = serviceRequestRule(policy);
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; open a new case for the complaint`);
  const sr = c.serviceRequest;
  if (!sr) throw new ActionRefusedError(`${c.reference} is already a complaint`);
  if (sr.becameComplaint) throw new ActionRefusedError(`${c.reference} became a complaint on ${dateInWords(londonDate(sr.becameComplaint.at))}`);
  const now = iso(ctx.at);
  const fromFirstContact = rule.complaintCountsFrom === 'first-contact';
  const countsFrom = fromFirstContact ? sr.firstContactAt : now;
  // Acknowledged now, by the letter below: late, where the first contact was longer ago than the policy's time to acknowledge.
  const acknowledged = (d: CaseDeadline): CaseDeadline => (d.dueDate < londonDate(now) ? { ...deadlineDone(d, now), status: 'missed' } : deadlineDone(d, now));
  const planned = stageDeadlines(policy, c.stage, DateTime.fromISO(countsFrom)).map((d) => (d.kind === 'acknowledge' ? acknowledged(d) : d));
  // Open again if the request was dealt with and closed; its retention clock stops, as a reopened case's does.
  const { closedAt: _closedAt, closure: _closure, recordedAsComplaint: _recorded, ...rest } = c;
  const complaint: Case = {
    ...rest,
    status: 'open',
    receivedAt: countsFrom,
    stagesEntered: [{ stage: c.stage, at: countsFrom }],
    acknowledgedAt: now,
    // The complaint's deadlines at its stage replace those the service request ended (so the report measures these).
    deadlines: [...c.deadlines.filter((d) => !(d.kind === 'retention' && d.status === 'pending') && !(d.stage === c.stage && REPLACED.has(d.kind))), ...planned],
    serviceRequest: { ...sr, becameComplaint: { at: now, by: ctx.actor, countsFrom } },
  };
  const first = dateInWords(londonDate(sr.firstContactAt));
  const today = dateInWords(londonDate(now));
  const why = fromFirstContact
    ? `its deadlines count from the first contact, ${first} (the policy counts a complaint from when the person first expressed dissatisfaction)`
    : `its deadlines count from today, ${today} (the policy counts a complaint from when it is made; first contact was ${first})`;
  const open = sr.done ? '' : '; the service request carries on beside it';
  return change(
    complaint,
    [
      event(ctx.at, 'became-complaint', ctx.actor, `Complaint made on ${today} about the service request first raised on ${first}: ${why}${open}`, { firstContactAt: sr.firstContactAt, complaintAt: now, countsFrom }),
      ...deadlinesSet(ctx.at, c.stage, planned),
      event(ctx.at, 'acknowledged', 'redress', 'Acknowledgement written to the complainant'),
    ],
    true,
    letterFor(policy, complaint, acknowledgementFacts(policy, complaint), 'became-complaint', now, ctx.sending),
  );
}
