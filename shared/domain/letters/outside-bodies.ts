import { londonDate } from '#domain/calendar/london-date';
import type { Case, CaseDeadline, StageOutcome } from '#domain/case/case';
import { calendarFor, describePeriod, dueDate } from '#domain/planner/plan-deadlines';
import type { OutsideBody, Policy } from '#domain/policy/policy-schema';
import { dateInWords } from './dates-in-words.js';
import { stageById } from '#domain/policy/policy-lookups';

/** Something a letter must say, and the words that show it does (as ./letter-view.ts checks them). */
interface Needed {
  readonly what: string;
  readonly text: string;
}

/**
 * An outside body as a complainant needs it: its name, what it does, every way to reach it, and how long they
 * have, with the last day where Redress can count it. Letters and the complainant's page say the same.
 */
export interface BodyToGoTo {
  readonly id: string;
  readonly name: string;
  /** What it does. */
  readonly role: string;
  readonly when: string;
  /** "Website: ...", "Telephone: ...", "Email: ...", "Post: ...", in that order, those the policy gives. */
  readonly contactLines: readonly string[];
  readonly note?: string;
  /** How long they have, in a sentence or two, where the policy says. */
  readonly limit?: string;
  /** The last day (YYYY-MM-DD), where it can be counted: the case's window for the body, or its time limit. */
  readonly until?: string;
  /** What a letter naming the body must say: checked in its rendered text before it goes. */
  readonly needed: readonly Needed[];
}

/** Which bodies: the end of the procedure (all of them but those for other matters), the windows open now, or one out-of-scope matter's. */
export type BodiesScope = { readonly kind: 'final' } | { readonly kind: 'open-windows' } | { readonly kind: 'matter'; readonly matter: string };

/** The decision at the policy's last stage, once given: the procedure is finished and the outside bodies are next. */
export function finalDecision(policy: Policy, c: Pick<Case, 'outcomes'>): StageOutcome | undefined {
  return c.outcomes?.find((o) => {
    const stage = stageById(policy, o.stage);
    return stage ? stage.final || !stage.next : false;
  });
}

/** The window a case holds open for a body (NACCC's twelve weeks from the end of stage 2), if any. */
export function windowFor(c: Pick<Case, 'deadlines'>, bodyId: string): CaseDeadline | undefined {
  return c.deadlines.find((d) => d.kind === 'external-escalation-window' && d.status === 'pending' && (d.body === bodyId || d.alsoFor?.includes(bodyId)));
}

export function contactLines(contact: OutsideBody['contact']): string[] {
  if (!contact) return [];
  const post = contact.address ? [contact.name, contact.address].filter(Boolean).join(', ') : undefined;
  return [
    ...(contact.url ? [`Website: ${contact.url}`] : []),
    ...(contact.phone ? [`Telephone: ${contact.phone}`] : []),
    ...(contact.email ? [`Email: ${contact.email}`] : []),
    ...(post ? [`Post: ${post}`] : []),
  ];
}

/** The last day of a body's own time limit for this case, where the policy says what it counts from and the case has that day. */
function timeLimitEnds(policy: Policy, c: Pick<Case, 'receivedAt' | 'outcomes'>, body: OutsideBody): { from: string; until: string } | undefined {
  const limit = body.timeLimit;
  if (!limit?.countFrom) return undefined;
  const from = limit.countFrom === 'first-knew' ? londonDate(c.receivedAt) : finalDecision(policy, c) ? londonDate((finalDecision(policy, c) as StageOutcome).at) : undefined;
  return from ? { from, until: dueDate(calendarFor(policy), from, limit.amount, limit.unit) } : undefined;
}

/** How long they have, in words: the case's window for the body, else its own time limit counted from the case where it can be. */
function limitWords(policy: Policy, c: Pick<Case, 'receivedAt' | 'outcomes' | 'deadlines'>, body: OutsideBody): { limit?: string; until?: string; needed: Needed[] } {
  const window = windowFor(c, body.id);
  if (window) {
    const date = dateInWords(window.dueDate);
    return { limit: `You need to contact them by ${date}.`, until: window.dueDate, needed: [{ what: `the date by which to go to ${body.name} (${window.rule}, clause ${window.clause})`, text: date }] };
  }
  const limit = body.timeLimit;
  if (!limit) return { needed: [] };
  const period = describePeriod(limit.amount, limit.unit);
  const opening = `You ${limit.usually ? 'usually ' : ''}have ${period} to contact them, from ${limit.from}.`;
  const later = limit.usually ? ' It can look at a complaint made later if there is a good reason.' : '';
  const ends = timeLimitEnds(policy, c, body);
  const needed: Needed[] = [{ what: `how long there is to go to ${body.name} (${period}, ${limit.source})`, text: period }];
  if (!ends) return { limit: `${opening}${later}`, needed };
  const date = dateInWords(ends.until);
  needed.push({ what: `the last day to go to ${body.name} (${ends.until}: ${period} from ${ends.from}, ${limit.source})`, text: date });
  const counted =
    limit.countFrom === 'first-knew'
      ? ` You complained to us on ${dateInWords(ends.from)}, so the last day is ${date} at the latest, or earlier if you knew about the matter before you complained.`
      : ` The last day is ${date}.`;
  return { limit: `${opening}${counted}${later}`, until: ends.until, needed };
}

/** One body as a letter or the page gives it, with what a letter naming it must say. */
export function bodyToGoTo(policy: Policy, c: Pick<Case, 'receivedAt' | 'outcomes' | 'deadlines'>, body: OutsideBody): BodyToGoTo {
  const lines = contactLines(body.contact);
  const { limit, until, needed } = limitWords(policy, c, body);
  return {
    id: body.id,
    name: body.name,
    role: body.role,
    when: body.when,
    contactLines: lines,
    ...(body.note ? { note: body.note } : {}),
    ...(limit ? { limit } : {}),
    ...(until ? { until } : {}),
    needed: [
      { what: `the outside body ${body.name}`, text: body.name },
      ...lines.map((line) => ({ what: `how to contact ${body.name} (${line.split(':')[0]?.toLowerCase()})`, text: line.slice(line.indexOf(': ') + 2) })),
      ...needed,
    ],
  };
}

/**
 * The outside bodies for a moment of a case: at the end of the procedure every body the policy names for a
 * complaint (not those only for other matters, such as the council's Information Commissioner); before it, those
 * whose window the case holds open now; for a redirected matter, that matter's.
 */
export function bodiesToGoTo(policy: Policy, c: Pick<Case, 'receivedAt' | 'outcomes' | 'deadlines'>, scope: BodiesScope): BodyToGoTo[] {
  const chosen = policy.outsideBodies.filter((b) => {
    if (scope.kind === 'matter') return b.forMatters?.includes(scope.matter) ?? false;
    if (b.forMatters?.length) return false;
    return scope.kind === 'final' || windowFor(c, b.id) !== undefined;
  });
  return chosen.map((b) => bodyToGoTo(policy, c, b));
}
