import { londonDate } from '#domain/calendar/london-date';
import { signCase as decide } from '#domain/case/actions/sign';
import type { Case } from '#domain/case/case';
import { isAcknowledgement } from '#domain/outbox/outbox-item';
import { mailboxKey } from '#domain/text/mailbox-key';
import { changeCase } from '../change-case.js';
import type { StaffDeps, StaffRequest } from './staff-deps.js';

/**
 * `case sign`: the signed complaint arrived. The policy's clock starts (Not Alone Mentoring 6.4) and a
 * complainant with email is acknowledged in the same write, unless this sender already had an
 * acknowledgement from the organisation on the day the complaint came in.
 */
export function signCase(deps: StaffDeps, request: StaffRequest): Promise<Case> {
  return changeCase(deps, request.reference, async (c, policy) => {
    const sender = c.complainant.email ? mailboxKey(c.complainant.email) : undefined;
    const date = londonDate(c.receivedAt);
    const earlier = sender ? await deps.counters.acknowledgedToday(policy.id, sender, date) : undefined;
    const acknowledge = !earlier || earlier === c.reference;
    const change = decide(policy, c, { at: request.at, actor: request.actor, acknowledge, sending: deps.sending });
    const acknowledged = change.letters.some(isAcknowledgement);
    return {
      change,
      claims: acknowledged && sender ? [{ kind: 'acknowledgement', policyId: policy.id, sender, date, reference: c.reference }] : [],
    };
  });
}
