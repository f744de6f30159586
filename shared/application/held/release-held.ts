import type { DateTime } from 'luxon';
import { ActionRefusedError } from '#domain/case/case-change';
import { carriesMarker } from '#domain/mail/classify-email';
import { MalformedEmailError } from '#domain/mail/mail-errors';
import { senderOf } from '#domain/mail/sender';
import type { HeldMessage } from '#domain/mail/held-message';
import type { PolicySet } from '#domain/policy/policy-set';
import { cleanOneLine } from '#domain/text/display-safe';
import { emailComplaint } from '../intake/email-complaint.js';
import { openComplaint, type OpenComplaintDeps } from '../intake/open-complaint.js';
import type { MailReader } from '../ports/mail-reader.js';
import type { HeldMail } from '../ports/held-mail.js';
import type { RawMail } from '../ports/raw-mail.js';
import { HeldMessageNotFoundError } from '../ports/store-errors.js';

export interface ReleaseHeldDeps extends OpenComplaintDeps {
  readonly policies: PolicySet;
  readonly heldMail: HeldMail;
  readonly rawMail: RawMail;
  readonly mailReader: MailReader;
}

export interface ReleaseRequest {
  readonly id: string;
  readonly at: DateTime;
  readonly actor: string;
  /** Which organisation's complaint it is, for mail held because no policy claimed its address. */
  readonly policyId?: string;
  /** A complaint marked confidential by the person releasing it, besides the subject's own marker. */
  readonly confidential?: boolean;
}

export interface Released {
  readonly held: HeldMessage;
  readonly reference: string;
  readonly acknowledged: boolean;
}

/**
 * `held release ID`: a person looked at a held message and it is a complaint after all. It becomes the case it
 * would have been had intake taken it (the same complaint, flags, threading and acknowledgement), opened once
 * however often this runs, with who released it on the case's first event; then the held message records the
 * case. A crash between the two leaves the case opened and the message still waiting: running it again finds the
 * case by its once-only key and finishes.
 */
export async function releaseHeld(deps: ReleaseHeldDeps, request: ReleaseRequest): Promise<Released> {
  const held = await deps.heldMail.get(request.id);
  if (!held) throw new HeldMessageNotFoundError(request.id);
  if (held.settled?.status === 'released') return { held, reference: held.settled.reference, acknowledged: false };
  if (held.settled?.status === 'discarded') throw new ActionRefusedError(`this message was discarded by ${held.settled.by} on ${held.settled.at.slice(0, 10)} ("${held.settled.reason}"), so it cannot be released`);
  const policy = policyFor(deps.policies, held, request.policyId);

  let read;
  try {
    read = await deps.mailReader.read(held.rawKey);
  } catch (error) {
    if (!(error instanceof MalformedEmailError)) throw error;
    throw new ActionRefusedError(`this message cannot be read as an email (${error.message}); open a case for it by hand and then discard it with the case's reference as the reason`, { instead: 'open' });
  }
  const { email } = read;
  const marker = policy.intake.confidentialMarker?.phrase;
  const confidential = Boolean(request.confidential) || (marker !== undefined && carriesMarker(email.subject, marker));
  const complaint = {
    ...emailComplaint(policy, email, senderOf(email), { rawKey: held.rawKey, receivedAt: held.receivedAt }, { confidential, flags: [], recipients: [...email.to, ...email.cc].map((a) => a.address) }),
    released: { heldId: held.id, heldBecause: held.reason, by: cleanOneLine(request.actor) },
  };
  const opened = await openComplaint(deps, policy, complaint, `released#${held.id}`);
  const settled = await deps.heldMail.settle(held.id, { status: 'released', at: request.at.toUTC().toISO() as string, by: request.actor, reference: opened.reference });
  return { held: settled, reference: opened.reference, acknowledged: opened.acknowledged };
}

function policyFor(policies: PolicySet, held: HeldMessage, policyId: string | undefined) {
  if (held.scope !== 'operator') {
    if (policyId && policyId !== held.scope) throw new ActionRefusedError(`this message was sent to ${held.scope}'s address; it can only be released into ${held.scope}`);
    return policies.get(held.scope);
  }
  if (!policyId) throw new ActionRefusedError('this message was sent to an address no policy claims: say whose complaint it is', { input: 'policyId' });
  return policies.get(policyId);
}
