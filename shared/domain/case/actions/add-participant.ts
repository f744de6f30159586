import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { isEmailAddress } from '#domain/text/email-address';
import { change, event, type ActionContext } from './action-kit.js';

/**
 * Someone besides the complainant may write into the case (a representative, an advocate): their replies
 * then join it instead of opening a case of their own. Letters still go only to the complainant.
 */
export function addParticipant(c: Case, email: string, ctx: ActionContext): CaseChange {
  const address = email.trim().toLowerCase();
  if (!isEmailAddress(address)) throw new ActionRefusedError(`"${email}" is not an email address`);
  if (c.status === 'closed') throw new ActionRefusedError(`${c.reference} is closed; reopen it before adding anyone to it`);
  if (c.complainant.email?.toLowerCase() === address || c.participants.includes(address)) {
    throw new ActionRefusedError(`${address} can already write into ${c.reference}`);
  }
  return change({ ...c, participants: [...c.participants, address] }, [event(ctx.at, 'participant-added', ctx.actor, `${address} may now write into this case`, { participant: address })], false);
}
