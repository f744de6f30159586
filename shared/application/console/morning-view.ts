import type { DateTime } from 'luxon';
import { overdueActions } from '#domain/digest/overdue-actions';
import type { PendingActions } from '../ports/pending-actions.js';
import { caseRolesIn, mayKnowOf, mayRead, rolesIn } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import { caseStanding, DIGEST_SECTIONS, morningOf, type CaseStanding, type DigestLine, type DigestSection } from '#domain/digest/build-digest';
import type { DueCase } from '#domain/digest/due-case';
import { lettersWaiting, type LettersWaiting } from '#domain/digest/letters-waiting';
import { flagInWords } from '#domain/letters/staff-notices';
import { cleanOneLine } from '#domain/text/display-safe';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Cases } from '../ports/cases.js';
import { stageName } from '#domain/policy/policy-lookups';

export interface MorningCase {
  readonly case: DueCase;
  readonly standing: CaseStanding;
  /** False for a confidential case the person may know of but not read: its reference and dates only. */
  readonly readable: boolean;
  readonly stageName: string;
  /**
   * Who complained and what about, for a case the person may read that is not confidential: a confidential case is
   * read on its own page, where the reading is recorded, and in a list shows its reference, stage and dates only.
   */
  readonly who?: string;
  readonly what?: string;
  /** The case's flags, in words. */
  readonly flags: readonly string[];
}

/** The most of a complaint's opening words the morning view shows where it has no subject. */
const WHAT_CHARACTERS = 80;

function whoAndWhat(c: DueCase): { who: string; what: string } {
  const who = c.complainant.anonymous ? 'Anonymous' : cleanOneLine(c.complainant.name ?? '') || 'No name given';
  const words = cleanOneLine(c.subject ?? '') || cleanOneLine(c.summary);
  const chars = [...words];
  return { who: [...who].slice(0, WHAT_CHARACTERS).join(''), what: chars.length > WHAT_CHARACTERS ? `${chars.slice(0, WHAT_CHARACTERS - 1).join('')}…` : words };
}

export interface MorningOrganisation {
  readonly policyId: string;
  readonly name: string;
  readonly sections: readonly { readonly heading: DigestSection; readonly cases: readonly MorningCase[] }[];
  /** Actions agreed at outcomes and not done by their date (from any case, open or closed). */
  readonly actionsOverdue: readonly DigestLine[];
  /** Cases (open, or closed since) with letters drafted for post and not yet marked posted: the person's to print and post. */
  readonly toPost: readonly LettersWaiting[];
  /** The person reads this organisation's reports and no case (the Member Responsible for Complaints). */
  readonly reportsOnly?: boolean;
}

/**
 * The morning view, live: for each organisation the person works for, its open cases they may know of (never
 * one about them), each once where it is most urgent, as the digest sorts them. From the cases' morning
 * projections, only those due by the week's end or new since yesterday: it costs what is due, not what is open.
 */
export async function morningView(deps: { readonly cases: Pick<Cases, 'due'>; readonly policies: PolicySet; readonly pendingActions: PendingActions }, member: StaffMember, now: DateTime): Promise<MorningOrganisation[]> {
  const morning = morningOf(now);
  const policyIds = [...new Set(member.memberships.map((m) => m.policyId))].filter((id) => deps.policies.all.some((p) => p.id === id));
  return Promise.all(
    policyIds.map(async (policyId) => {
      const policy = deps.policies.get(policyId);
      // A role for reports alone reads no case, nor an overdue action's words: nothing to fetch.
      if (caseRolesIn(member, policy).size === 0) return { policyId, name: policy.organisation.name, sections: [], actionsOverdue: [], toPost: [], reportsOnly: true };
      const [cases, pastDue] = await Promise.all([deps.cases.due(policyId, morning.weekEnd, morning.since), deps.pendingActions.dueBefore(policyId, morning.today)]);
      const known = cases.filter((c) => mayKnowOf(member, policy, c));
      // Closed cases come only for their letters to post: `caseStanding` places none of them in a section.
      const placed = known.flatMap((c) => {
        const standing = caseStanding(policy, c, morning);
        if (!standing) return [];
        const readable = mayRead(member, policy, c);
        return [{ case: c, standing, readable, stageName: stageName(policy, c.stage), flags: c.flags.map(flagInWords), ...(readable && !c.confidential ? whoAndWhat(c) : {}) }];
      });
      placed.sort((a, b) => (a.standing.deadline?.dueDate ?? a.case.receivedAt).localeCompare(b.standing.deadline?.dueDate ?? b.case.receivedAt));
      return {
        policyId,
        name: policy.organisation.name,
        sections: DIGEST_SECTIONS.map((heading) => ({ heading, cases: placed.filter((p) => p.standing.section === heading) })).filter((s) => s.cases.length > 0),
        toPost: lettersWaiting(known, (c) => mayRead(member, policy, c)),
        // Never an action of a complaint about this person: the index keeps whom it was about, as a role.
        actionsOverdue: overdueActions(policy, pastDue, morning.today, rolesIn(member, policyId)),
      };
    }),
  );
}
