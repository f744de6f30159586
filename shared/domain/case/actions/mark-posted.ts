import { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { LONDON } from '#domain/calendar/working-calendar';
import { dateInWords } from '#domain/letters/dates-in-words';
import { printForm } from '#domain/letters/print-form';
import { calendarFor, dueDate, endOfLondonDay } from '#domain/planner/plan-deadlines';
import { deadlineDueWords } from '#domain/policy/deadline-words';
import { stageById } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, CaseDeadline, PostLetter } from '../case.js';
import { change, event, requireDate, type ActionContext } from './action-kit.js';

/** The letters that give the stage's outcome: the deadlines the policy counts from the outcome count from them. */
const OUTCOME_LETTERS: readonly string[] = ['outcome', 'final-outcome'];

export interface PostedRequest {
  /** The letter's id: its draft's timeline event id, as the case page links it. */
  readonly letter: string;
  /** The London day it went in the post (YYYY-MM-DD); today when not given. */
  readonly on?: string;
}

/**
 * `case posted REF --letter ID [--on DATE]`: a letter for post went, on that day. The case page shows it posted
 * rather than "to post"; where it is the stage's outcome letter, the windows the policy counts from the outcome
 * (the time to ask for the next stage, to go to an outside body) count from the day it was posted, unless the
 * policy's rule says they count from the letter's date (`fromLetter: dated`). Allowed on a closed case: the
 * closure letter is written as the case closes. Refused for a letter the case has not drafted for post, one
 * already posted, a day still to come or one before the letter was written.
 */
export function markPosted(policy: Policy, c: Case, request: PostedRequest, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; nothing more can be recorded`);
  const letters = c.postLetters ?? [];
  const letter = letters.find((l) => l.id === request.letter);
  if (!letter) {
    const waiting = letters.filter((l) => !l.postedOn && !l.outdatedAt);
    throw new ActionRefusedError(
      waiting.length > 0
        ? `${c.reference} has no letter for post with id "${request.letter}": choose one of those still to post (${waiting.map((l) => l.id).join(', ')})`
        : `${c.reference} has no letter waiting to be posted`,
      { input: 'letter' },
    );
  }
  if (letter.postedOn) throw new ActionRefusedError(`"${letter.subject}" was already recorded as posted on ${dateInWords(letter.postedOn)}`, { input: 'letter' });
  if (letter.outdatedAt) throw new ActionRefusedError(`"${letter.subject}" was drafted before the complainant's details were corrected on ${dateInWords(londonDate(letter.outdatedAt))}: do not post it; write to them again with the details as they are now`, { input: 'letter' });
  const today = londonDate(ctx.at);
  const on = request.on?.trim() ? requireDate(request.on.trim(), 'the day it was posted', 'on') : today;
  if (on > today) throw new ActionRefusedError(`${dateInWords(on)} has not come yet: record a letter as posted once it has gone`, { input: 'on' });
  const written = londonDate(letter.draftedAt);
  if (on < written) throw new ActionRefusedError(`the letter was written on ${dateInWords(written)}: it cannot have been posted on ${dateInWords(on)}`, { input: 'on' });

  // It went in the form it printed in until now (printForm): kept, so that a later change of adjustments leaves it.
  const { largePrint: _drafted, ...rest } = letter;
  const posted: PostLetter = { ...rest, postedOn: on, postedBy: ctx.actor, ...(printForm(c, letter).largePrint ? { largePrint: true } : {}) };
  const moved = OUTCOME_LETTERS.includes(letter.kind) ? windowsFromPosting(policy, c, letter.stage, on) : new Map<CaseDeadline, CaseDeadline>();
  const updated: Case = {
    ...c,
    postLetters: letters.map((l) => (l === letter ? posted : l)),
    deadlines: c.deadlines.map((d) => moved.get(d) ?? d),
  };
  const movedWords = [...moved.values()].map((d) => `${deadlineDueWords(d.kind).toLowerCase()} ${dateInWords(d.dueDate)}`);
  return change(
    updated,
    [
      event(
        ctx.at,
        'letter-posted',
        ctx.actor,
        `Posted ${dateInWords(on)}: ${letter.subject}${movedWords.length > 0 ? `. Counted from that day: ${movedWords.join('; ')}` : ''}`,
        { letter: letter.id, kind: letter.kind, postedOn: on, ...(moved.size > 0 ? { deadlines: [...moved.values()].map((d) => ({ kind: d.kind, dueDate: d.dueDate, clause: d.clause })) } : {}) },
        `letter-posted-${letter.id}`,
      ),
    ],
    moved.size > 0,
  );
}

/**
 * The stage's pending windows that the policy counts from the outcome, dated again from the day its letter was
 * posted (each rule that does not say `fromLetter: dated`); only those whose date changes.
 */
function windowsFromPosting(policy: Policy, c: Case, stageId: string, on: string): Map<CaseDeadline, CaseDeadline> {
  const rules = (stageById(policy, stageId)?.deadlines ?? []).filter((r) => r.event === 'outcome' && r.fromLetter !== 'dated');
  const calendar = calendarFor(policy);
  const startedAt = DateTime.fromISO(on, { zone: LONDON }).toUTC().toISO() as string;
  const moved = new Map<CaseDeadline, CaseDeadline>();
  for (const rule of rules) {
    const d = c.deadlines.find((x) => x.stage === stageId && x.kind === rule.kind && x.status === 'pending');
    if (!d) continue;
    const date = dueDate(calendar, on, rule.amount, rule.unit);
    if (date !== d.dueDate) moved.set(d, { ...d, dueDate: date, dueAt: endOfLondonDay(date), startedAt });
  }
  return moved;
}
