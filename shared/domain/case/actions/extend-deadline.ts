import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { holdingFacts } from '#domain/letters/letter-view';
import { endOfLondonDay } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, CaseDeadline, Extension } from '../case.js';
import { change, event, iso, requireDate, requireOpen, stageOf, type ActionContext } from './action-kit.js';

/**
 * `case extend REF KIND DATE --reason TEXT [--agreed]`: more time for a deadline, with the holding letter
 * (Not Alone Mentoring 7.5, Alumot 2.6: why, and when to expect a reply) in the same step when it is the
 * response that moves. A pending deadline moves; a missed one stays recorded as missed and a new one follows
 * it. The policy may cap how often (`extensions.max`) and ask for the complainant's agreement to be recorded
 * (Connected Together 2.4).
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
  if (newDate < londonDate(ctx.at)) throw new ActionRefusedError(`the new date ${newDate} has already passed`);
  const stage = stageOf(policy, c);
  const limit = stage.extensions?.max;
  const done = current.extensions?.length ?? 0;
  if (limit !== undefined && done >= limit) {
    throw new ActionRefusedError(`the ${request.kind} deadline was already extended ${done} time${done === 1 ? '' : 's'}; the policy allows ${limit} (clause ${stage.extensions?.clause})`);
  }
  const agreed = Boolean(request.agreed);
  const extension: Extension = { at: iso(ctx.at), from: current.dueDate, to: newDate, reason, agreed };
  // The new date gets its own reminder: the one already sent was for the old date.
  const { remindedAt: _reminded, ...rest } = current;
  const moved: CaseDeadline = { ...rest, status: 'pending', dueDate: newDate, dueAt: endOfLondonDay(newDate), extensions: [...(current.extensions ?? []), extension] };
  const deadlines = current.status === 'missed' ? [...c.deadlines, moved] : c.deadlines.map((d) => (d === current ? moved : d));
  const extended: Case = { ...c, deadlines };
  const agreement = stage.extensions?.agreementRecorded ? (agreed ? '; agreed with the complainant' : '; not agreed with the complainant') : '';
  const events = [
    event(ctx.at, 'extended', ctx.actor, `${request.kind} deadline extended from ${current.dueDate}${current.status === 'missed' ? ' (missed)' : ''} to ${newDate}${agreement}: ${reason}`, {
      kind: request.kind,
      from: current.dueDate,
      to: newDate,
      reason,
      agreed,
    }),
  ];
  if (request.kind !== 'respond' && request.kind !== 'respond-max') return change(extended, events, true);
  const letter = letterFor(policy, extended, holdingFacts(policy, extended, { reason, newDate, agreed }), `${c.stage}-${request.kind}-${newDate}`, iso(ctx.at), ctx.sending);
  return change(extended, events, true, letter);
}
