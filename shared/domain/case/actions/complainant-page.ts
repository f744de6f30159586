import type { CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, type ActionContext } from './action-kit.js';

/**
 * `case page REF --new`: a new address for the complainant's page (say a letter went to the wrong person); the
 * old one opens nothing from now on. The token itself never goes on the timeline.
 */
export function issuePage(c: Case, token: string, ctx: ActionContext): CaseChange {
  return change({ ...c, page: { token, issuedAt: iso(ctx.at) } }, [event(ctx.at, 'note', ctx.actor, c.page ? "The complainant's page has a new address; the old one no longer opens it" : "The complainant's page was made")], false);
}

/** `case page REF --revoke`: the complainant's page is taken down, and later letters carry no link. */
export function revokePage(c: Case, ctx: ActionContext): CaseChange {
  const { page: _revoked, ...rest } = c;
  return change(rest, [event(ctx.at, 'note', ctx.actor, c.page ? "The complainant's page was taken down" : "The complainant's page was already taken down")], false);
}
