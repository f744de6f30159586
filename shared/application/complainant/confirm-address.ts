import { timingSafeEqual } from 'node:crypto';
import { organisationInText } from '#domain/policy/organisation-words';
import { confirmAddress } from '#domain/case/confirm-address';
import type { Case } from '#domain/case/case';
import type { Sending } from '#domain/letters/addressing';
import type { PolicySet } from '#domain/policy/policy-set';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';
import type { Cases } from '../ports/cases.js';

/** The link opens nothing: no such case, not its token, nothing to confirm, or the records destroyed. One answer for all. */
export class ConfirmLinkNotFoundError extends Error {
  constructor() {
    super('this link does not confirm any email address: it may be mistyped, or the complaint’s records may have been destroyed');
    this.name = 'ConfirmLinkNotFoundError';
  }
}

/** What the confirm page shows: whose complaint, and whether the address is confirmed yet. */
export interface AddressConfirmationView {
  readonly organisation: string;
  readonly reference: string;
  readonly confirmed: boolean;
}

export interface ConfirmLink {
  readonly reference: string;
  readonly token: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const REFERENCE = /^[A-Z]{2,6}-\d{4}-\d{4,6}$/;

/** The case a confirm link is for: its token compared with the one its letter carried, in constant time. */
function checked(c: Case | undefined, token: string): Case {
  const expected = c?.complainant.addressCheck?.token;
  if (!c || !expected || c.destroyedAt || c.complainant.emailConfirmed === undefined || !timingSafeEqual(Buffer.from(expected), Buffer.from(token))) {
    throw new ConfirmLinkNotFoundError();
  }
  return c;
}

async function caseForLink(deps: { readonly cases: Pick<Cases, 'get'> }, link: ConfirmLink): Promise<Case> {
  if (!TOKEN.test(link.token) || !REFERENCE.test(link.reference)) throw new ConfirmLinkNotFoundError();
  return checked(await deps.cases.get(link.reference), link.token);
}

/** The confirm page as the link opens it: reading it confirms nothing (mail scanners fetch links to check them). */
export async function viewAddressConfirmation(deps: { readonly cases: Pick<Cases, 'get'>; readonly policies: PolicySet }, link: ConfirmLink): Promise<AddressConfirmationView> {
  const c = await caseForLink(deps, link);
  return { organisation: organisationInText(deps.policies.get(c.policyId)), reference: c.reference, confirmed: c.complainant.emailConfirmed === true };
}

/**
 * The button on the confirm page: whoever holds the link read the letter sent to the typed address, so the address
 * is the complainant's, and the acknowledgement it was owed goes there now. Pressed twice, or after a reply with
 * the code confirmed it, it is already done.
 */
export async function confirmAddressByLink(deps: ChangeCaseDeps & { readonly sending: Sending }, link: ConfirmLink & { readonly at: Date }): Promise<{ reference: string; already: boolean }> {
  let already = true;
  // One conditional write: pressed twice at once, or with a reply carrying the code, one of them confirms (and
  // sends the acknowledgement); the other, decided again on the case as saved, finds it already done.
  await changeCase(deps, (await caseForLink(deps, link)).reference, (current, policy) => {
    const c = checked(current, link.token);
    already = c.complainant.emailConfirmed !== false;
    if (already) return undefined;
    return { change: confirmAddress(policy, c, { by: 'link', at: link.at.toISOString() }, deps.clock.now().toISOString(), deps.sending) };
  });
  return { reference: link.reference, already };
}
