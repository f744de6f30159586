import { letterFor } from '#domain/letters/complainant-letter';
import { acknowledgementFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { deadlineDone, pendingDeadlines } from '../pending-deadlines.js';
import { writableByEmail } from '../reachable.js';
import { change, deadlinesSet, event, iso, requireOpen, staffNotices, type ActionContext } from './action-kit.js';
import { automaticMove } from './enter-stage.js';

/**
 * `case sign REF`: the signed complaint arrived. The clock the policy held for it starts now (Not Alone
 * Mentoring 6.4) and the complainant is acknowledged at once where they can be written to (`acknowledge`: the
 * use case knows whether this sender already had one today); a stage the policy moves on from by itself then
 * moves (7.1), so the acknowledgement gives the investigation's dates.
 */
export function signCase(policy: Policy, c: Case, ctx: ActionContext & { readonly acknowledge: boolean }): CaseChange {
  requireOpen(c, 'record a signature');
  if (c.signed) throw new ActionRefusedError(`${c.reference} is already signed`);
  const planned = c.status === 'awaiting-signature' ? pendingDeadlines(policy, c.stage, 'received', ctx.at).filter((d) => !c.deadlines.some((x) => x.stage === d.stage && x.kind === d.kind)) : [];
  const signed: Case = { ...c, signed: true, status: 'open', deadlines: [...c.deadlines, ...planned] };
  const events = [event(ctx.at, 'signed', ctx.actor, 'Signed complaint received'), ...deadlinesSet(ctx.at, c.stage, planned)];
  const open = signed.deadlines.find((d) => d.kind === 'acknowledge' && d.stage === signed.stage && d.status === 'pending');
  // Without an address to write to, staff acknowledge it by post or phone (`case acknowledge`), which moves it on.
  if (!open || !ctx.acknowledge || !writableByEmail(signed)) return change(signed, events, planned.length > 0);
  const acknowledged: Case = {
    ...signed,
    acknowledgedAt: signed.acknowledgedAt ?? iso(ctx.at),
    deadlines: signed.deadlines.map((d) => (d === open ? deadlineDone(d, iso(ctx.at)) : d)),
  };
  const moved = automaticMove(policy, acknowledged, ctx.at, ctx.sending);
  events.push(
    event(ctx.at, 'acknowledged', 'redress', `Acknowledgement of the signed ${open.stage} complaint`, undefined, `acknowledged-${open.stage}-${open.dueDate}`),
    ...moved.events,
  );
  return change(moved.case, events, true, letterFor(policy, moved.case, acknowledgementFacts(policy, moved.case, 'signed'), `${open.stage}-signed`, iso(ctx.at), ctx.sending), staffNotices(moved.letters));
}
