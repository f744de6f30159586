import { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { LONDON } from '#domain/calendar/working-calendar';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { noticeToStaff } from '#domain/letters/addressing';
import { letterFor } from '#domain/letters/complainant-letter';
import { newCaseNotice } from '#domain/letters/staff-notices';
import { dateInWords } from '#domain/letters/dates-in-words';
import { acknowledgementFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, CaseDeadline } from '../case.js';
import { deadlineDone } from '../pending-deadlines.js';
import { noticeAddress } from '../route-case.js';
import { change, deadlinesSet, event, iso, requireDate, type ActionContext } from './action-kit.js';
import { stageDeadlines } from './enter-stage.js';
import { serviceRequestRule } from './service-request.js';

/** The deadlines of a complaint's stage a complaint plans again when a service request becomes one. */
const REPLACED: ReadonlySet<string> = new Set(['acknowledge', 'meet', 'respond', 'respond-max']);

/** What staff record when the person complains about their service request. */
export interface ComplaintAboutRequest {
  /** What the person is unhappy about, in their words as staff took them down. */
  readonly words: string;
  /** The London day they said it (YYYY-MM-DD); today when not given. */
  readonly on?: string;
}

/**
 * `case complaint REF --summary TEXT [--on DATE]`: the person complained about their service request (what they
 * are unhappy about, and the day they said it: not to come, not before the request came in), which is a complaint
 * from now on (LGSCO 1.7: a complaint may be made while a service request is open, so nothing here waits for it: the request
 * goes on being dealt with beside the complaint). Its deadlines count from the first contact, where the policy
 * says so (`complaintCountsFrom: first-contact`, the default: the code's "expression of dissatisfaction, however
 * made" was made then, and the council's clock runs "from the date of receipt of the complaint"), else from the
 * day they complained.
 * The timeline keeps both dates; the acknowledgement goes at once, with the reply date. A request already dealt
 * with, and so closed, opens again as the complaint.
 */
export function serviceRequestToComplaint(policy: Policy, c: Case, request: ComplaintAboutRequest, ctx: ActionContext): CaseChange {
  const rule = serviceRequestRule(policy);
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; open a new case for the complaint`);
  const sr = c.serviceRequest;
  if (!sr) throw new ActionRefusedError(`${c.reference} is already a complaint`);
  if (sr.becameComplaint) throw new ActionRefusedError(`${c.reference} became a complaint on ${dateInWords(londonDate(sr.becameComplaint.at))}`);
  const words = request.words.trim();
  if (!words) throw new ActionRefusedError('say what the person is unhappy about, in their words: the complaint is about that', { input: 'words' });
  const now = iso(ctx.at);
  const today = londonDate(now);
  const on = request.on?.trim() ? requireDate(request.on.trim(), 'the day they complained', 'on') : today;
  if (on > today) throw new ActionRefusedError(`${dateInWords(on)} has not come yet: record the complaint on the day they make it`, { input: 'on' });
  const firstDay = londonDate(sr.firstContactAt);
  if (on < firstDay) throw new ActionRefusedError(`the service request was received on ${dateInWords(firstDay)}: a complaint about it cannot have been made on ${dateInWords(on)}`, { input: 'on' });
  // Made today: now. Made on an earlier day: the start of that London day (the hour was not taken down).
  const madeAt = on === today ? now : iso(DateTime.fromISO(on, { zone: LONDON }).startOf('day'));
  const fromFirstContact = rule.complaintCountsFrom === 'first-contact';
  const countsFrom = fromFirstContact ? sr.firstContactAt : madeAt;
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
    serviceRequest: { ...sr, becameComplaint: { at: madeAt, by: ctx.actor, countsFrom, words: boundText(words, TEXT_BOUNDS.detail), ...(madeAt !== now ? { recordedAt: now } : {}) } },
  };
  const first = dateInWords(firstDay);
  const made = dateInWords(on);
  const why = fromFirstContact
    ? `its deadlines count from the first contact, ${first} (the policy counts a complaint from when the person first expressed dissatisfaction)`
    : `its deadlines count from the day of the complaint, ${made} (the policy counts a complaint from when it is made; first contact was ${first})`;
  const besides = sr.done ? `; the service request itself was already dealt with on ${dateInWords(londonDate(sr.done.at))}` : '; the service request carries on beside it';
  return change(
    complaint,
    [
      event(ctx.at, 'became-complaint', ctx.actor, `Complaint made on ${made} about the service request first raised on ${first}: ${why}${besides}. What they are unhappy about: ${boundText(words, TEXT_BOUNDS.detail)}`, { firstContactAt: sr.firstContactAt, complaintAt: madeAt, countsFrom }),
      ...deadlinesSet(ctx.at, c.stage, planned),
      event(ctx.at, 'acknowledged', 'redress', 'Acknowledgement written to the complainant'),
    ],
    true,
    letterFor(policy, complaint, acknowledgementFacts(policy, complaint), 'became-complaint', now, ctx.sending),
    // The handler is told of the complaint as of any new one, with its deadlines and the words it was made in.
    {
      letters: [
        noticeToStaff(policy, c.reference, c.reference, [noticeAddress(policy, complaint, complaint.handlerRole, ctx.sending.operatorEmail)], newCaseNotice(policy, { ...complaint, summary: boundText(words, TEXT_BOUNDS.detail) }, `about their service request${c.subject ? ` (${c.subject})` : ''}`, ctx.sending, 'complaint'), 'new-case-notice', `became-complaint-${now}`, ctx.sending),
      ],
      threadKeys: [],
      events: [],
    },
  );
}
