import type { DateTime } from 'luxon';
import { mayKnowOf, mayRead } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import { owedDeadlines } from '#domain/case/pending-deadlines';
import type { Case, CaseStatus, Channel } from '#domain/case/case';
import { newestFirstPlace } from '#domain/case/newest-first';
import { caseKind, type CaseKind } from '#domain/case/service-request';
import type { Sending } from '#domain/letters/addressing';
import type { ChangeCaseDeps } from '../change-case.js';
import type { Cases } from '../ports/cases.js';
import { recordConfidentialView } from './record-confidential-view.js';

export interface CaseSearch {
  /** A reference, a complainant's email address, or the start of their name; empty for every case, newest first. */
  readonly q: string;
  readonly stage?: string;
  readonly status?: CaseStatus;
  /** Only the cases assigned to this person (an address; "My cases" is the signed-in person's own). */
  readonly handler?: string;
  /** Only cases with a deadline past and not met. */
  readonly overdue?: boolean;
  readonly channel?: Channel;
  /** Only complaints, or only service requests (those the person has not complained about). */
  readonly kind?: CaseKind;
  /** 1-based. */
  readonly page: number;
  /** The cursor the previous page gave, when the list is read a page at a time from the index. */
  readonly after?: string;
}

export interface Found {
  readonly case: Case;
  readonly organisation: string;
  /**
   * False for a confidential case the person may know of but not read: its reference only. A list shows no
   * confidential case's complainant even to those who may read it: they open the case, and that is recorded.
   */
  readonly readable: boolean;
}

const REFERENCE = /^[A-Z]{2,6}-\d{4}-\d{4,}$/;
const NAME_LIMIT = 200;

/**
 * Cases a person may see, found through the indexes (no scan): by reference, by the complainant's address or the
 * start of their name, else every case newest first; filtered by stage, status, handler, channel and overdue (on
 * the page the index gave, so a filtered page may be short: the next page link carries on); a page at a time. A search by
 * name or address never turns up a confidential case the person may not read, since that alone would say who
 * complained; one it turns up for someone who may read it is recorded on its timeline, as a reading is.
 */
export async function searchCases(deps: ChangeCaseDeps & { readonly sending: Sending }, member: StaffMember, search: CaseSearch, pageSize: number, at: DateTime): Promise<{ found: Found[]; more: boolean; next?: string }> {
  const q = search.q.trim();
  const policyIds = [...new Set(member.memberships.map((m) => m.policyId))].filter((id) => deps.policies.all.some((p) => p.id === id));
  const byWho = q !== '' && !REFERENCE.test(q.toUpperCase());
  const now = at.toUTC().toISO() as string;
  const visible = (c: Case): Found[] => {
    const policy = deps.policies.get(c.policyId);
    if (!mayKnowOf(member, policy, c)) return [];
    const readable = mayRead(member, policy, c);
    if (byWho && !readable) return [];
    if (search.stage && c.stage !== search.stage) return [];
    if (search.status && c.status !== search.status) return [];
    if (search.channel && c.channel !== search.channel) return [];
    if (search.kind && caseKind(c) !== search.kind) return [];
    if (search.handler && c.handler?.email.toLowerCase() !== search.handler.toLowerCase()) return [];
    if (search.overdue && !owedDeadlines(c).some((d) => d.status === 'missed' || d.dueAt < now)) return [];
    return [{ case: c, organisation: policy.organisation.name, readable }];
  };
  if (!q) return newestPage(deps.cases, policyIds, pageSize, search.after, visible);
  const candidates = (
    await Promise.all(
      policyIds.map(async (policyId) => {
        if (REFERENCE.test(q.toUpperCase())) {
          const c = await deps.cases.get(q.toUpperCase());
          return c && c.policyId === policyId ? [c] : [];
        }
        if (q.includes('@')) return deps.cases.ofComplainant(policyId, q.toLowerCase());
        return deps.cases.byName(policyId, q, NAME_LIMIT);
      }),
    )
  ).flat();
  const found = candidates.flatMap(visible);
  found.sort((a, b) => b.case.receivedAt.localeCompare(a.case.receivedAt) || b.case.reference.localeCompare(a.case.reference));
  const start = (Math.max(1, search.page) - 1) * pageSize;
  const shown = found.slice(start, start + pageSize);
  await Promise.all(
    shown.filter((f) => byWho && f.case.confidential).map((f) => recordConfidentialView(deps, member, f.case.reference, at, "Found the confidential case by searching for the complainant's name or address")),
  );
  return { found: shown, more: found.length > start + pageSize };
}

/**
 * Every case of the person's organisations, newest first, a page at a time however many organisations: one page
 * read from each organisation's newest-first index, merged, the newest `pageSize` kept. The cursor holds each
 * organisation's place, so the next page starts where each left off and no case is skipped or shown twice. A
 * filter may leave a page short.
 */
async function newestPage(cases: Cases, policyIds: readonly string[], pageSize: number, after: string | undefined, visible: (c: Case) => Found[]): Promise<{ found: Found[]; more: boolean; next?: string }> {
  const places = readCursor(after);
  const pages = await Promise.all(policyIds.map(async (policyId) => ({ policyId, ...(await cases.newestPage(policyId, pageSize, places[policyId])) })));
  const merged = pages.flatMap((p) => p.cases).sort((a, b) => newestFirstPlace(b).localeCompare(newestFirstPlace(a)));
  const shown = merged.slice(0, pageSize);
  const nextPlaces = { ...places };
  for (const c of shown) nextPlaces[c.policyId] = newestFirstPlace(c);
  const more = merged.length > shown.length || pages.some((p) => p.next !== undefined);
  return { found: shown.flatMap(visible), more, ...(more ? { next: writeCursor(nextPlaces) } : {}) };
}

function writeCursor(places: Record<string, string>): string {
  return Buffer.from(JSON.stringify(places)).toString('base64url');
}

/** A cursor from a URL, so anything a person could type: what is not one reads as the first page. */
function readCursor(after: string | undefined): Record<string, string> {
  if (!after) return {};
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}
