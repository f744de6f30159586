import type { DateTime } from 'luxon';
import { ActionRefusedError } from '#domain/case/case-change';
import type { HeldMessage } from '#domain/mail/held-message';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { cleanOneLine } from '#domain/text/display-safe';
import type { HeldMail } from '../ports/held-mail.js';
import { HeldMessageNotFoundError } from '../ports/store-errors.js';

/**
 * `held discard ID --reason TEXT`: a person decided a held message is not a complaint (spam, an out-of-office,
 * a duplicate). The decision and its reason are recorded; the raw message stays, as the evidence of what came.
 */
export async function discardHeld(deps: { readonly heldMail: HeldMail }, request: { readonly id: string; readonly at: DateTime; readonly actor: string; readonly reason: string }): Promise<HeldMessage> {
  const reason = cleanOneLine(request.reason);
  if (!reason) throw new ActionRefusedError('say why the message is discarded', { input: 'reason' });
  const held = await deps.heldMail.get(request.id);
  if (!held) throw new HeldMessageNotFoundError(request.id);
  if (held.settled?.status === 'released') throw new ActionRefusedError(`this message was released into ${held.settled.reference}; close or redirect that case instead`);
  return deps.heldMail.settle(held.id, { status: 'discarded', at: request.at.toUTC().toISO() as string, by: request.actor, reason: boundText(reason, TEXT_BOUNDS.detail) });
}
