import { timingSafeEqual } from 'node:crypto';
import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Cases } from '../ports/cases.js';
import { pageKey } from './page-token.js';

/** No live page at this address: never issued, revoked, or gone with the records at retention. One answer for all three. */
export class PageNotFoundError extends Error {
  constructor() {
    super('there is no complaint page at this address: it may have been replaced or removed');
    this.name = 'PageNotFoundError';
  }
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The case a page token opens, with its policy: found by the token's hash (an index, no scan), then the token
 * compared with the case's current one in constant time, so that a replaced token opens nothing.
 */
export async function caseForPage(deps: { readonly cases: Pick<Cases, 'byPageKey' | 'get'>; readonly policies: PolicySet }, token: string): Promise<{ c: Case; policy: Policy }> {
  if (!TOKEN.test(token)) throw new PageNotFoundError();
  const reference = await deps.cases.byPageKey(pageKey(token));
  const c = reference ? await deps.cases.get(reference) : undefined;
  const current = c?.page?.token;
  if (!c || !current || c.destroyedAt || !timingSafeEqual(Buffer.from(current), Buffer.from(token))) throw new PageNotFoundError();
  return { c, policy: deps.policies.get(c.policyId) };
}
