import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { holdingFacts } from '#domain/letters/letter-view';
import { endOfLondonDay } from '#domain/planner/plan-deadlines';
import { clauseInWords } from '#domain/policy/clause-words';
import type { Policy, Stage } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, CaseDeadline, Extension } from '../case.js';
import { change, event, iso, requireDate, requireOpen, stageOf, type ActionContext } from './action-kit.js';

/** A stage's maximum for its response (the council's stage one: twenty working days), as it stands on the case. */
export interface ResponseMaximum {
  readonly deadline: CaseDeadline;
  /** What an extension past it meets: refused, or allowed with a reason the holding letter explains. */
  readonly past: 'refused' | 'with-reason';
}

/** The maximum the policy sets for the response at the case's stage, pending or already missed; none where it sets none. */
export function responseMaximum(policy: Policy, c: Case): ResponseMaximum | undefined {
  const stage = stageOf(policy, c);
  const rule = stage.deadlines.find((d) => d.kind === 'respond-max');
  const atStage = c.deadlines.filter((d) => d.kind === 'respond-max' && d.stage === c.stage);
  const deadline = atStage.find((d) => d.status === 'pending') ?? [...atStage].reverse().find((d) => d.status === 'missed');
  return rule && deadline ? { deadline, past: rule.pastMaximum ?? 'refused' } : undefined;
}

/** The maximum in words: "Monday 21 December 2026 (20 working days, section ...)". */
export function maximumInWords(max: ResponseMaximum): string {
  return `${dateInWords(max.deadline.dueDate)} (${max.deadline.rule}, ${clauseInWords(max.deadline.clause)})`;
}

/** Why a policy that refuses to go past its maximum refuses this extension, or undefined when it does not. */
function pastMaximumRefusal(stage: Stage, max: ResponseMaximum, kind: string, newDate: string, today: string): ActionRefusedError | undefined {
  if (max.past !== 'refused') return undefined;
  const where = `the response at ${stage.name}`;
  if (kind === 'respond-max') return new ActionRefusedError(`the latest date for ${where} is the policy’s maximum, ${maximumInWords(max)}; the policy allows no extension past it`);
  if (newDate <= max.deadline.dueDate) return undefined;
  if (max.deadline.dueDate < today) {
    return new ActionRefusedError(`the policy’s maximum for ${where} was ${maximumInWords(max)}, and the policy allows no extension past it: the response is overdue, so send it as soon as you can`);
  }
  return new ActionRefusedError(
    `${dateInWords(newDate)} is past the policy’s maximum for ${where}, ${maximumInWords(max)}, which the acknowledgement promised at the latest; the policy allows no extension past it: choose a date on or before ${dateInWords(max.deadline.dueDate)}`,
    { input: 'newDate' },
  );
}

/**
 * `case extend REF KIND DATE --reason TEXT [--agreed]`: more time for a deadline, with the holding letter
 * (Not Alone Mentoring 7.5, Alumot 2.6: why, and when to expect a reply) in the same step when it is the
 * response that moves. A pending deadline moves; a missed one stays recorded as missed and a new one follows
 * it. The policy may cap how often (`extensions.max`), ask for the complainant's agreement to be recorded
 * (Connected Together 2.4), and set a maximum for the response (the council's twenty working days): past it an
 * extension is refused, or, where the policy allows it with a reason, the maximum moves too and the holding
 * letter says that the new date is past it.
 */
export function extendDeadline(policy: Policy, c: Case, request: { readonly kind: string; readonly newDate: string; readonly reason: string; readonly agreed?: boolean }, ctx: ActionContext): CaseChange {
  requireOpen(c, 'extend a deadline');
  const newDate = requireDate(request.newDate, 'the new date', 'newDate');
  const reason = request.reason.trim();
  if (!reason) throw new ActionRefusedError('say why more time is needed: the holding letter tells the complainant', { input: 'reason' });
  const atStage = c.deadlines.filter((d) => d.kind === request.kind && d.stage === c.stage);
  const current = atStage.find((d) => d.status === 'pending') ?? [...atStage].reverse().find((d) => d.status === 'missed');
  if (!current) throw new ActionRefusedError(`${c.reference} has no pending or missed ${request.kind} deadline at ${c.stage} to extend`);
  if (newDate <= current.dueDate) throw new ActionRefusedError(`the new date ${newDate} must be after the current one, ${current.dueDate}`);
  const today = londonDate(ctx.at);
  if (newDate < today) throw new ActionRefusedError(`the new date ${newDate} has already passed`);
  const stage = stageOf(policy, c);
  const limit = stage.extensions?.max;
  const done = current.extensions?.length ?? 0;
  if (limit !== undefined && done >= limit) {
    throw new ActionRefusedError(`the ${request.kind} deadline was already extended ${done} time${done === 1 ? '' : 's'}; the policy allows ${limit} (${clauseInWords(stage.extensions?.clause ?? '')})`);
  }
  const response = request.kind === 'respond' || request.kind === 'respond-max';
  const max = response ? responseMaximum(policy, c) : undefined;
  const refusal = max && pastMaximumRefusal(stage, max, request.kind, newDate, today);
  if (refusal) throw refusal;
  // Allowed past the maximum (with a reason): the maximum moves with the response, and the letter says so.
  const pastMaximum = max && newDate > max.deadline.dueDate ? max : undefined;
  const agreed = Boolean(request.agreed);
  const extension: Extension = { at: iso(ctx.at), from: current.dueDate, to: newDate, reason, agreed };
  const extend = (d: CaseDeadline): CaseDeadline => {
    // The new date gets its own reminder: the one already sent was for the old date.
    const { remindedAt: _reminded, ...rest } = d;
    return { ...rest, status: 'pending', dueDate: newDate, dueAt: endOfLondonDay(newDate), extensions: [...(d.extensions ?? []), { ...extension, from: d.dueDate }] };
  };
  const moving = pastMaximum && pastMaximum.deadline !== current ? [current, pastMaximum.deadline] : [current];
  const deadlines = moving.reduce<CaseDeadline[]>(
    (all, d) => (d.status === 'missed' ? [...all, extend(d)] : all.map((x) => (x === d ? extend(d) : x))),
    [...c.deadlines],
  );
  const extended: Case = { ...c, deadlines };
  const agreement = stage.extensions?.agreementRecorded ? (agreed ? '; agreed with the complainant' : '; not agreed with the complainant') : '';
  const beyond = pastMaximum ? `, past the policy's maximum of ${pastMaximum.deadline.dueDate} (allowed with a reason)` : '';
  const events = [
    event(ctx.at, 'extended', ctx.actor, `${request.kind} deadline extended from ${current.dueDate}${current.status === 'missed' ? ' (missed)' : ''} to ${newDate}${beyond}${agreement}: ${reason}`, {
      kind: request.kind,
      from: current.dueDate,
      to: newDate,
      reason,
      agreed,
      ...(pastMaximum ? { pastMaximum: pastMaximum.deadline.dueDate } : {}),
    }),
  ];
  if (!response) return change(extended, events, true);
  const holding = { reason, newDate, agreed, ...(pastMaximum ? { pastMaximum: { date: pastMaximum.deadline.dueDate, rule: pastMaximum.deadline.rule } } : {}) };
  const letter = letterFor(policy, extended, holdingFacts(policy, extended, holding), `${c.stage}-${request.kind}-${newDate}`, iso(ctx.at), ctx.sending);
  return change(extended, events, true, letter);
}
