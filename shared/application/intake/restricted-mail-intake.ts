import type { Case } from '#domain/case/case';
import type { MailOnCase } from '#domain/case/mail-in';
import { restrictedMailHandling, type RestrictionFound } from '#domain/case/restricted-mail';
import { recordRestrictedMail } from '#domain/case/restricted-mail-in';
import type { Sending } from '#domain/letters/addressing';
import type { Policy } from '#domain/policy/policy-schema';
import type { changeCase } from '../change-case.js';
import type { Cases, Claim } from '../ports/cases.js';
import type { IntakeOutcome } from './inbound-email.js';

function isOnCase(c: Case, address: string): boolean {
  const a = address.toLowerCase();
  return c.complainant.email?.toLowerCase() === a || c.participants.some((p) => p.toLowerCase() === a);
}

/**
 * Mail from a person whose contact is restricted: the case it replies to (where they are on it), else the case the
 * restriction is on, keeps it; the point of contact is told; the restriction decides any answer. It never opens a
 * case or is held: it is kept, and a person sees it at once.
 */
export async function takeRestrictedMail(
  deps: { readonly cases: Pick<Cases, 'get'>; readonly sending: Sending },
  policy: Policy,
  found: RestrictionFound,
  candidate: string | undefined,
  mail: MailOnCase,
  onCase: (reference: string, decide: Parameters<typeof changeCase>[2]) => Promise<boolean>,
  claim: (reference: string) => Claim[],
  now: () => string,
): Promise<IntakeOutcome> {
  const existing = candidate ? await deps.cases.get(candidate) : undefined;
  const theirs = existing && existing.policyId === policy.id && !existing.destroyedAt && isOnCase(existing, mail.sender) ? existing.reference : undefined;
  const handling = restrictedMailHandling(found, theirs);
  if (!handling.restricted) throw new Error('a restriction was found, so its handling is restricted');
  await onCase(handling.recordOn, (c, p) => ({ change: recordRestrictedMail(p, c, found.restriction, mail, handling, deps.sending, now()), claims: claim(handling.recordOn) }));
  return { kind: 'threaded', policyId: policy.id, reference: handling.recordOn };
}
