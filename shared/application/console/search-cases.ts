import { mayKnowOf, mayRead } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import type { Case, CaseStatus } from '#domain/case/case';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Cases } from '../ports/cases.js';

export interface CaseSearch {
  /** A reference, a complainant's email address, or the start of their name; empty for every case, newest first. */
  readonly q: string;
  readonly stage?: string;
  readonly status?: CaseStatus;
  /** 1-based. */
  readonly page: number;
  /** The cursor the previous page gave, when the list is read a page at a time from the index. */
  readonly after?: string;
}

export interface Found {
  readonly case: Case;
  readonly organisation: string;
  /** False for a confidential case the person may know of but not read: its reference only. */
  readonly readable: boolean;
}

const REFERENCE = /^[A-Z]{2,6}-\d{4}-\d{4,}$/;
const NAME_LIMIT = 200;

/**
 * Cases a person may see, found through the indexes (no scan): by reference, by the complainant's address or the
 * start of their name, else every case newest first; filtered by stage and status; a page at a time. A search by
 * name or address never turns up a confidential case the person may not read, since that alone would say who
 * complained.
 */
export async function searchCases(deps: { readonly cases: Cases; readonly policies: PolicySet }, member: StaffMember, search: CaseSearch, pageSize: number): Promise<{ found: Found[]; more: boolean; next?: string }> {
  const q = search.q.trim();
  const policyIds = [...new Set(member.memberships.map((m) => m.policyId))].filter((id) => deps.policies.all.some((p) => p.id === id));
  const byWho = q !== '' && !REFERENCE.test(q.toUpperCase());
  const visible = (c: Case): Found[] => {
    const policy = deps.policies.get(c.policyId);
    if (!mayKnowOf(member, policy, c)) return [];
    const readable = mayRead(member, policy, c);
    if (byWho && !readable) return [];
    if (search.stage && c.stage !== search.stage) return [];
    if (search.status && c.status !== search.status) return [];
    return [{ case: c, organisation: policy.organisation.name, readable }];
  };
  // The whole list of one organisation is read from its newest-first index a page at a time; a filter may leave a
  // page short.
  if (!q && policyIds.length === 1) {
    const { cases, next } = await deps.cases.newestPage(policyIds[0] as string, pageSize, search.after);
    return { found: cases.flatMap(visible), more: Boolean(next), ...(next ? { next } : {}) };
  }
  const candidates = (
    await Promise.all(
      policyIds.map(async (policyId) => {
        if (REFERENCE.test(q.toUpperCase())) {
          const c = await deps.cases.get(q.toUpperCase());
          return c && c.policyId === policyId ? [c] : [];
        }
        if (q.includes('@')) return deps.cases.ofComplainant(policyId, q.toLowerCase());
        if (q) return deps.cases.byName(policyId, q, NAME_LIMIT);
        return deps.cases.newestFirst(policyId);
      }),
    )
  ).flat();
  const found = candidates.flatMap(visible);
  found.sort((a, b) => b.case.receivedAt.localeCompare(a.case.receivedAt) || b.case.reference.localeCompare(a.case.reference));
  const start = (Math.max(1, search.page) - 1) * pageSize;
  return { found: found.slice(start, start + pageSize), more: found.length > start + pageSize };
}
