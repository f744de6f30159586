import { londonDate } from '#domain/calendar/london-date';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { letterFor } from '#domain/letters/complainant-letter';
import { outcomeFacts } from '#domain/letters/letter-view';
import { REMEDY_KINDS, type Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, Decision, StageOutcome } from '../case.js';
import { deadlineDone, owedDeadlines, pendingDeadlines } from '../pending-deadlines.js';
import { change, deadlinesSet, event, iso, requireDate, requireOpen, stageOf, staffNotices, type ActionContext } from './action-kit.js';
import { responseCopies } from './response-copies.js';
import { independenceProblem } from './independence.js';
import { clauseInWords } from '#domain/policy/clause-words';
import { dateInWords } from '#domain/letters/dates-in-words';
import { DECISION_WORDS } from '#domain/case/decision-words';

export interface OutcomeRequest {
  readonly decision: Decision;
  readonly summary: string;
  readonly remedies: readonly string[];
  readonly actions: readonly { readonly text: string; readonly due: string }[];
  /** For a complaint upheld in part: what was upheld, and what was not, in the officer's words (the letter gives both). */
  readonly whatUpheld?: string;
  readonly whatNotUpheld?: string;
  /** What the organisation learnt: for staff and the board's report, never in the letter. */
  readonly lessons?: string;
}

/**
 * `case outcome REF DECISION --summary TEXT [--remedy KIND]... [--action TEXT --due DATE]... [--lessons TEXT]`: the stage's
 * decision. Its response deadlines are met, the windows it opens start (the appeal, an outside body's), and
 * the outcome letter goes in the same step: at the last stage the final letter, naming every outside body and
 * the date its window ends; a stage whose responses the policy shares (the council's stage two) sends each role
 * its copy. Refused when the reviewer decided an earlier stage, when the policy requires an
 * apology and none is given, or when the letter would leave out something it must say.
 */
export function recordOutcome(policy: Policy, c: Case, request: OutcomeRequest, ctx: ActionContext): CaseChange {
  requireOpen(c, 'record an outcome');
  if (c.status === 'awaiting-signature') throw new ActionRefusedError(`${c.reference} is waiting for the signed complaint; record that it arrived first`, { instead: 'sign', reference: c.reference });
  const stage = stageOf(policy, c);
  if (c.outcomes?.some((o) => o.stage === c.stage)) throw new ActionRefusedError(`${c.reference} already has an outcome at ${stage.name}; it can go on to the next stage (case escalate) or be closed`);
  const parts = decisionParts(policy, request);
  const summary = request.summary.trim();
  if (!summary) throw new ActionRefusedError('give the reasons for the decision: the outcome letter must say why', { input: 'summary' });
  const known = new Set<string>([...REMEDY_KINDS, ...policy.outcomes.remedies.map((r) => r.id)]);
  const unknown = request.remedies.filter((r) => !known.has(r));
  if (unknown.length) throw new ActionRefusedError(`unknown remedy ${unknown.join(', ')}; use ${[...known].join(', ')}`);
  const apologyRule = policy.outcomes.apologyWhenUpheld;
  if (apologyRule && request.decision !== 'not-upheld' && !request.remedies.includes('apology')) {
    throw new ActionRefusedError(`the policy requires an apology where a complaint is upheld (${clauseInWords(apologyRule.clause)}): include an apology among the remedies`, { input: 'remedies', value: 'apology' });
  }
  if (request.decision === 'not-upheld' && request.remedies.includes('apology')) {
    throw new ActionRefusedError('an apology ("We are sorry for what went wrong") cannot go with "not upheld": if something went wrong, the complaint is upheld in part', { input: 'decision' });
  }
  // The letter says these are "set out below": they must be, as actions with their dates.
  const promised = request.remedies.filter((r) => r === 'steps' || r === 'other');
  if (promised.length > 0 && request.actions.length === 0) {
    throw new ActionRefusedError(`the letter says ${promised.includes('steps') ? 'the steps we are taking so that this does not happen again' : 'the other action'} are set out in it: add each as an action we agreed, with its date`, { input: 'actions' });
  }
  const today = londonDate(ctx.at);
  for (const a of request.actions) {
    if (!a.text.trim()) throw new ActionRefusedError('an action needs its words and its due date', { input: 'actions' });
    if (requireDate(a.due, `the due date of "${a.text}"`, 'actions') < today) throw new ActionRefusedError(`the action "${a.text}" is due ${dateInWords(a.due)}, which has already passed`);
  }
  const unfit = independenceProblem(policy, c, c.stage, { person: ctx.actor });
  if (unfit) throw new ActionRefusedError(unfit);

  const outcome: StageOutcome = {
    stage: c.stage,
    decision: request.decision,
    at: iso(ctx.at),
    by: ctx.actor,
    handlerRole: c.handlerRole,
    summary,
    ...(parts ? { parts } : {}),
    remedies: [...request.remedies],
    actions: request.actions.map((a) => ({ text: a.text.trim(), due: a.due })),
    ...(request.lessons?.trim() ? { lessons: boundText(request.lessons.trim(), TEXT_BOUNDS.summary) } : {}),
  };
  const planned = pendingDeadlines(policy, c.stage, 'outcome', ctx.at);
  const owed = new Set(owedDeadlines(c));
  const decided: Case = {
    ...c,
    outcome,
    outcomes: [...(c.outcomes ?? []), outcome],
    deadlines: [...c.deadlines.map((d) => (owed.has(d) ? deadlineDone(d, iso(ctx.at)) : d)), ...planned],
  };
  const letter = letterFor(policy, decided, outcomeFacts(policy, decided, outcome), c.stage, iso(ctx.at), ctx.sending);
  const copies = responseCopies(policy, decided, outcome, ctx);
  return change(
    decided,
    [
      event(ctx.at, 'outcome', ctx.actor, `Outcome at ${stage.name}: ${DECISION_WORDS[request.decision]}`, { decision: request.decision, remedies: outcome.remedies, actions: outcome.actions }),
      ...deadlinesSet(ctx.at, c.stage, planned),
      ...copies.events,
    ],
    true,
    letter,
    staffNotices(copies.letters),
  );
}


/**
 * The decision is the officer's to choose, never a default; a decision in part says what was and was not upheld,
 * and words for a part given with a whole decision contradict it, so both are refused rather than guessed at.
 */
function decisionParts(policy: Policy, request: OutcomeRequest): StageOutcome['parts'] {
  const decision = request.decision as string;
  if (!(decision in DECISION_WORDS)) {
    throw new ActionRefusedError(
      decision.trim() ? `unknown decision "${decision}": choose upheld, partly upheld or not upheld` : 'choose the decision (upheld, partly upheld or not upheld): nothing is chosen for you',
      { input: 'decision' },
    );
  }
  if (!policy.outcomes.decisions.includes(request.decision)) {
    throw new ActionRefusedError(`the policy's decisions are ${policy.outcomes.decisions.map((d) => DECISION_WORDS[d]).join(', ')}, not "${DECISION_WORDS[request.decision]}" (clause ${policy.outcomes.clause})`, { input: 'decision' });
  }
  const upheld = request.whatUpheld?.trim() ?? '';
  const notUpheld = request.whatNotUpheld?.trim() ?? '';
  if (request.decision === 'partly-upheld') {
    if (!upheld || !notUpheld) {
      throw new ActionRefusedError('a complaint upheld in part: say what was upheld and what was not, for the letter', { input: upheld ? 'whatNotUpheld' : 'whatUpheld' });
    }
    return { upheld: boundText(upheld, TEXT_BOUNDS.summary), notUpheld: boundText(notUpheld, TEXT_BOUNDS.summary) };
  }
  const [contrary, same] = request.decision === 'upheld' ? [notUpheld && 'what was not upheld', upheld && 'whatUpheld'] : [upheld && 'what was upheld', notUpheld && 'whatNotUpheld'];
  if (contrary) {
    throw new ActionRefusedError(`the decision is "${DECISION_WORDS[request.decision]}", but you said ${contrary}: choose "partly upheld", or leave out ${contrary}`, { input: 'decision' });
  }
  if (same) {
    throw new ActionRefusedError(`what was and was not upheld is asked only for a decision in part: for "${DECISION_WORDS[request.decision]}", give it in the reasons`, { input: same });
  }
  return undefined;
}
