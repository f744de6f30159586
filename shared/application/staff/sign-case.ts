import { londonDate } from '#domain/calendar/london-date';
import { signCase } from '#domain/case/actions/sign';
import type { Case } from '#domain/case/case';
import { isAcknowledgement } from '#domain/outbox/outbox-item';
import type { Policy } from '#domain/policy/policy-schema';
import { mailboxKey } from '#domain/text/mailbox-key';
import type { Decided } from '../change-case.js';
import type { ActionContext } from '#domain/case/actions/action-kit';
import type { Counters } from '../ports/counters.js';

/**
 * `case sign`: the signed complaint arrived. The policy's clock starts (Not Alone Mentoring 6.4) and a
 * complainant with email is acknowledged in the same write, unless this sender already had an
 * acknowledgement from the organisation on the day the complaint came in (the claim makes that once only).
 */
export async function decideSign(policy: Policy, c: Case, ctx: ActionContext & { readonly counters: Pick<Counters, 'acknowledgedToday'> }): Promise<Decided> {
  const sender = c.complainant.email ? mailboxKey(c.complainant.email) : undefined;
  const date = londonDate(c.receivedAt);
  const earlier = sender ? await ctx.counters.acknowledgedToday(policy.id, sender, date) : undefined;
  const acknowledge = !earlier || earlier === c.reference;
  const change = signCase(policy, c, { at: ctx.at, actor: ctx.actor, acknowledge, sending: ctx.sending });
  const acknowledged = change.letters.some(isAcknowledgement);
  return {
    change,
    claims: acknowledged && sender ? [{ kind: 'acknowledgement', policyId: policy.id, sender, date, reference: c.reference }] : [],
  };
}
