import type { Cases } from '../ports/cases.js';
import type { HeldMail } from '../ports/held-mail.js';
import type { IntakeOutcome } from './inbound-email.js';

/**
 * Whether a case or held message now points at this raw message after intake: yes when intake did something new
 * with it; when the message had been taken in before, only if that was this same copy (an earlier attempt that
 * crashed after its write), not another copy of the same bytes. Reads only for a message seen before.
 */
export async function ownsRawMail(deps: { readonly cases: Pick<Cases, 'timeline'>; readonly heldMail: Pick<HeldMail, 'get'> }, outcomes: readonly IntakeOutcome[], rawKey: string): Promise<boolean> {
  for (const o of outcomes) {
    if (o.kind === 'held') {
      if (o.reason !== 'already-held' || (await deps.heldMail.get(o.heldId))?.rawKey === rawKey) return true;
    } else if (!o.already || (await deps.cases.timeline(o.reference)).some((e) => e.detail?.rawKey === rawKey)) {
      return true;
    }
  }
  return false;
}
