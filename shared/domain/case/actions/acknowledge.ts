import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { acknowledgementFacts, nextStageAcknowledgementFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import { deadlineDone } from '../pending-deadlines.js';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, replyDateDeadline, requireDate, requireOpen, stageOf, staffNotices, type ActionContext } from './action-kit.js';
import { automaticMove } from './enter-stage.js';
import { entryStage } from '../route-case.js';
import { reachableByEmail } from '../reachable.js';
import { clauseInWords } from '#domain/policy/clause-words';
import { dateInWords } from '#domain/letters/dates-in-words';
import { isServiceRequestOnly } from '../service-request.js';

/**
 * `case acknowledge REF [--respond-by DATE]`: staff acknowledged the complaint (where none went by itself, a
 * phone complaint say), or give the reply date a policy leaves to them (Connect stage 2). The acknowledgement
 * letter, with the date, goes in the same step; a stage the policy moves on from by itself then moves. An
 * address typed into the form and not yet confirmed is never written to: staff who acknowledge by post or
 * telephone say so (`byPostOrPhone`), and the letter is drafted for them; otherwise it goes on confirmation.
 */
export function acknowledge(policy: Policy, c: Case, ctx: ActionContext & { readonly respondBy?: string; readonly byPostOrPhone?: boolean }): CaseChange {
  requireOpen(c, 'acknowledge it');
  // A service request has no complaint to acknowledge: "We have received your complaint" would tell the person otherwise.
  if (isServiceRequestOnly(c)) throw new ActionRefusedError(`${c.reference} is a service request, not a complaint: if they are complaining about it, record the complaint, which acknowledges it`, { instead: 'complaint', reference: c.reference });
  if (c.status === 'awaiting-signature') {
    throw new ActionRefusedError(`${c.reference} is waiting for the signed complaint (${clauseInWords(policy.intake.signature?.clause ?? '')}): record that it arrived, which acknowledges it`, { instead: 'sign', reference: c.reference });
  }
  const stage = stageOf(policy, c);
  const ack = c.deadlines.find((d) => d.kind === 'acknowledge' && d.stage === c.stage && (d.status === 'pending' || d.status === 'missed'));
  if (ctx.respondBy !== undefined) {
    requireDate(ctx.respondBy, 'the reply date', 'respondBy');
    if (!stage.replyDate) {
      const rule = stage.deadlines.find((d) => d.kind === 'respond');
      throw new ActionRefusedError(`at ${stage.name} the policy sets the reply date itself${rule ? ` (${clauseInWords(rule.clause)})` : ''}; to give more time, extend the respond deadline`, { instead: 'extend', reference: c.reference });
    }
    if (ctx.respondBy < londonDate(ctx.at)) throw new ActionRefusedError(`the reply date ${ctx.respondBy} is before the day of the acknowledgement, ${londonDate(ctx.at)}`, { input: 'respondBy' });
  }
  if (!ack && ctx.respondBy === undefined) {
    throw new ActionRefusedError(`${c.reference} was already acknowledged${c.acknowledgedAt ? ` on ${dateInWords(londonDate(c.acknowledgedAt))}` : ''}; nothing to do`);
  }
  if (ack && !ctx.byPostOrPhone && c.complainant.emailConfirmed === false && reachableByEmail(c)) {
    throw new ActionRefusedError(
      `${c.reference}'s email address was typed into the web form and is not confirmed yet, so Redress may not write to it: ` +
        `the acknowledgement goes there by itself when the complainant confirms it (it is due by ${dateInWords(ack.dueDate)}). ` +
        'To acknowledge now by post or telephone instead, record it as acknowledged by post or phone: the letter is kept on the case for you to post or read out',
      { input: 'byPostOrPhone' },
    );
  }
  const given = ctx.respondBy ? replyDateDeadline(policy, stage, ctx.at, ctx.respondBy) : undefined;
  // The date staff give replaces the default, not the stage's clock: it still runs from when the stage began.
  const clock = c.deadlines.find((d) => d.kind === 'respond' && d.stage === c.stage && d.status === 'pending')?.startedAt;
  const reply = given && clock ? { ...given, startedAt: clock } : given;
  const deadlines = c.deadlines
    .filter((d) => !(reply && d.kind === 'respond' && d.stage === c.stage && d.status === 'pending'))
    .map((d) => (d === ack ? deadlineDone(d, iso(ctx.at)) : d));
  let acknowledged: Case = { ...c, deadlines: reply ? [...deadlines, reply] : deadlines, acknowledgedAt: ack ? iso(ctx.at) : (c.acknowledgedAt ?? iso(ctx.at)) };
  const events = [
    event(ctx.at, 'acknowledged', ctx.actor, ack ? `Acknowledged${ack.status === 'missed' ? ` (late: it was due by ${dateInWords(ack.dueDate)})` : ''}${reply ? `; reply date ${dateInWords(reply.dueDate)}` : ''}` : `Reply date set: ${reply ? dateInWords(reply.dueDate) : ''}`, {
      ...(reply ? { respondBy: reply.dueDate } : {}),
    }),
  ];
  const moved = automaticMove(policy, acknowledged, ctx.at, ctx.sending);
  acknowledged = moved.case;
  // A later stage's acknowledgement is the next-stage letter (a request for review staff took by phone, say).
  const facts = !ack
    ? acknowledgementFacts(policy, acknowledged, 'reply-date')
    : stage.id !== entryStage(policy).id
      ? nextStageAcknowledgementFacts(policy, acknowledged)
      : acknowledgementFacts(policy, acknowledged);
  const key = `${acknowledged.stage}-${reply ? `reply-${reply.dueDate}` : 'staff'}`;
  return change(acknowledged, [...events, ...moved.events], true, letterFor(policy, acknowledged, facts, key, iso(ctx.at), ctx.sending), staffNotices(moved.letters));
}
