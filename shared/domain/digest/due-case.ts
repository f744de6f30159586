import type { Case } from '#domain/case/case';
import { owedDeadlines } from '#domain/case/pending-deadlines';
import { cleanOneLine } from '#domain/text/display-safe';
import { activeAdjustments } from '#domain/adjustments/adjustment-kinds';
import { serviceRequestDue, serviceRequestKey, type ServiceRequestDue } from './service-requests-due.js';

/**
 * What the morning view and the digest need of an open case (where it stands, who may see it, and a line of who and
 * what), kept beside the case in each of its writes, so that they read what is due, never every open case whole. A
 * Case is one too: the CLI's digest still reads open cases whole.
 */
export type DueCase = Pick<Case, 'reference' | 'policyId' | 'stage' | 'status' | 'confidential' | 'receivedAt' | 'flags' | 'deadlines' | 'handlerRole' | 'about' | 'named' | 'subject' | 'summary' | 'possibleNextStageRequest'> & {
  /** A service request not (yet) a complaint, still being dealt with: its target, which the digest watches (./service-requests-due.ts). */
  readonly serviceRequest?: ServiceRequestDue;
  /** The telephone number only while a letter waits for a call (the morning view's call list shows it). */
  readonly complainant: Pick<Case['complainant'], 'name' | 'anonymous' | 'emailConfirmed' | 'phone'>;
  /** How many letters wait to be posted (drafted for post, not yet marked posted, not outdated by a correction). */
  readonly toPost?: number;
  /** How many of those wait for a call first (a telephone call instead of letters, agreed as an adjustment). */
  readonly toCall?: number;
  /** Set while letters wait to be posted and the case has no postal address to post them to. */
  readonly noPostalAddress?: true;
  /** The adjustments in force and the day each is to be reviewed: the digest lists them when it comes. */
  readonly adjustmentReviews?: readonly { readonly kind: string; readonly reviewOn: string }[];
};

/** The letters of a case that wait for staff to call the complainant before they go. */
export function lettersToCallFor(c: Partial<Pick<Case, 'postLetters'>> & { readonly toCall?: number }): number {
  return c.toCall ?? (c.postLetters ?? []).filter((l) => l.callFirst && !l.postedOn && !l.outdatedAt).length;
}

/** The adjustments in force and their review days: from the projection, or from a case read whole (the CLI's digest). */
export function adjustmentReviewsOf(c: Partial<Pick<Case, 'adjustments'>> & Pick<DueCase, 'adjustmentReviews'>): readonly { readonly kind: string; readonly reviewOn: string }[] {
  return c.adjustmentReviews ?? activeAdjustments(c).map((a) => ({ kind: a.kind, reviewOn: a.reviewOn }));
}

/** Whether letters for post have an address to go to: from the projection's flag, or from a case read whole (the CLI's digest). */
export function hasPostalAddress(c: DueCase | Case): boolean {
  // A projection with letters to post carries their count, and the flag only where there is no address; a case
  // read whole carries the address itself.
  if ('toPost' in c) return !c.noPostalAddress;
  return Boolean((c as Case).complainant.postalAddress?.trim());
}

/** The letters of a case staff still have to post: from the projection's count, or from a case read whole. */
export function lettersToPost(c: Partial<Pick<Case, 'postLetters'>> & { readonly toPost?: number }): number {
  return c.toPost ?? (c.postLetters ?? []).filter((l) => !l.postedOn && !l.outdatedAt).length;
}

/**
 * Whether a case keeps its morning projection: while it is open, and after it closes while a letter of it still
 * waits to be posted (a closure letter for post is the morning's work like any other). Posting the last one is a
 * write of the case, which then drops it: the projection holds what is due, never every closed case.
 */
export function keepsMorningProjection(c: Case): boolean {
  return c.status !== 'closed' || lettersToPost(c) > 0;
}

/** More than the morning view shows of a subject or a complaint's first words (80 characters), so that it still knows to cut them. */
const WORDS_KEPT = 81;

/** A case's projection (open, or closed with letters to post): its words cut to what a line shows, the rest as the case has it. */
export function dueCaseOf(c: Case): DueCase {
  const cut = (text: string) => [...cleanOneLine(text)].slice(0, WORDS_KEPT).join('');
  return {
    reference: c.reference,
    policyId: c.policyId,
    stage: c.stage,
    status: c.status,
    confidential: c.confidential,
    receivedAt: c.receivedAt,
    flags: c.flags,
    deadlines: c.deadlines,
    handlerRole: c.handlerRole,
    ...(c.about ? { about: c.about } : {}),
    ...(c.named ? { named: c.named } : {}),
    ...(c.subject ? { subject: cut(c.subject) } : {}),
    summary: c.subject && cleanOneLine(c.subject) ? '' : cut(c.summary),
    ...(c.possibleNextStageRequest ? { possibleNextStageRequest: c.possibleNextStageRequest } : {}),
    ...(lettersToPost(c) > 0 ? { toPost: lettersToPost(c) } : {}),
    ...(lettersToCallFor(c) > 0 ? { toCall: lettersToCallFor(c) } : {}),
    ...(lettersToPost(c) > 0 && !c.complainant.postalAddress?.trim() ? { noPostalAddress: true as const } : {}),
    ...(activeAdjustments(c).length > 0 ? { adjustmentReviews: activeAdjustments(c).map((a) => ({ kind: a.kind, reviewOn: a.reviewOn })) } : {}),
    ...serviceRequestDue(c),
    complainant: {
      ...(c.complainant.name !== undefined ? { name: c.complainant.name } : {}),
      anonymous: c.complainant.anonymous,
      ...(c.complainant.emailConfirmed !== undefined ? { emailConfirmed: c.complainant.emailConfirmed } : {}),
      ...(lettersToCallFor(c) > 0 && c.complainant.phone ? { phone: c.complainant.phone } : {}),
    },
  };
}

/** The key of a case listed on every morning whatever the date: it sorts before every date. */
export const ALWAYS_DUE = '0000-00-00';
/** The key of a case no deadline lists (it is listed only while new): it sorts after every date. */
export const NEVER_DUE = '9999-99-99';

/**
 * From when the morning's sections (`caseStanding`) may list an open case by its deadlines, as a date its query
 * compares with the end of the coming week: always when it waits on staff whatever the date (perhaps asking for the
 * next stage, awaiting acknowledgement or signature, no date set); its soonest owed task's due date otherwise; never
 * when it owes none (then only "new since yesterday" lists it, which its received time finds). A superset: the
 * morning view places each case found as it always did.
 */
export function dueKey(c: DueCase): string {
  const [soonest] = owedDeadlines(c).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  // A letter waiting to be posted is the morning's work whatever the deadlines say.
  if (c.possibleNextStageRequest || soonest?.kind === 'acknowledge' || c.status === 'awaiting-signature' || lettersToPost(c) > 0) return ALWAYS_DUE;
  const byDeadlines = c.serviceRequest
    ? serviceRequestKey(c.serviceRequest, NEVER_DUE)
    : !c.deadlines.some((d) => d.status === 'pending' && d.kind !== 'retention')
      ? ALWAYS_DUE
      : (soonest?.dueDate ?? NEVER_DUE);
  // An adjustment to review is found by the same query on its day, as a deadline is (LGSCO 5.6: under active review).
  return [byDeadlines, ...(c.adjustmentReviews ?? []).map((a) => a.reviewOn)].sort()[0] as string;
}
