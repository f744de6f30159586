import { londonDate } from '#domain/calendar/london-date';
import { complainantView, forPage, type ComplainantView, type PageMessage } from '#domain/case/complainant-view';
import type { Case, TimelineEvent } from '#domain/case/case';
import { PAGE_SENDER } from './add-information.js';
import { COMPLAINANT_ACTOR } from './ask-for-review.js';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Cases } from '../ports/cases.js';
import type { Clock } from '../ports/clock.js';
import type { Outbox } from '../ports/outbox.js';
import { caseForPage } from './page-access.js';

export interface PageDeps {
  readonly cases: Cases;
  readonly outbox: Pick<Outbox, 'ofCase'>;
  readonly policies: PolicySet;
  readonly clock: Clock;
}

/** What the complainant's page shows today: the case in plain words and every letter that went to them. */
export async function viewComplainantPage(deps: PageDeps, token: string): Promise<ComplainantView> {
  const { c, policy } = await caseForPage(deps, token);
  const [entries, timeline] = await Promise.all([deps.outbox.ofCase(c.reference), deps.cases.timeline(c.reference)]);
  // The letter that asks to confirm a typed address is not shown: its link and code are the proof that whoever
  // confirms reads that mailbox, and the page's address is given to whoever sent the form, who may not.
  const emailed = entries.flatMap((e) => (e.kind === 'letter' && e.letter.toComplainant && e.letter.purpose !== 'confirm-address' && e.status === 'sent' ? [{ subject: e.letter.subject, sentAt: e.sentAt ?? e.createdAt, text: e.letter.text, by: 'email' as const }] : []));
  // A complainant with no email had their letters posted or read to them from drafts on the timeline.
  const posted = timeline.flatMap((e) =>
    e.type === 'letter-drafted' && typeof e.detail?.subject === 'string' && typeof e.detail.text === 'string' ? [{ subject: e.detail.subject, sentAt: e.at, text: e.detail.text, by: 'post' as const }] : [],
  );
  const letters = [...emailed, ...posted];
  return complainantView(policy, c, letters, londonDate(deps.clock.now()), theirMessages(c, timeline));
}

/**
 * The messages the complainant sent after the complaint, from the timeline: theirs by email (from the address the
 * case has for them) or from this page, and the reasons they typed when asking for the next stage. Never an
 * automatic reply, a participant's or staff member's message, a note, or reasons staff took down from a call.
 */
function theirMessages(c: Case, timeline: readonly TimelineEvent[]): PageMessage[] {
  // Mail from a typed address not yet shown to be theirs may be its real owner's, not the form's sender's.
  const own = c.complainant.emailConfirmed === false ? undefined : c.complainant.email?.toLowerCase();
  return timeline.flatMap((e) => {
    if (e.type === 'next-stage-requested') return ownGrounds(e);
    if (e.type !== 'mail-in' || e.detail?.automatic === true || typeof e.detail?.text !== 'string') return [];
    const from = e.actor.toLowerCase();
    if (from !== PAGE_SENDER && from !== own) return [];
    const files = Array.isArray(e.detail.attachments) ? e.detail.attachments.filter((f): f is string => typeof f === 'string') : [];
    const subject = typeof e.detail.subject === 'string' && from !== PAGE_SENDER ? e.detail.subject : undefined;
    return [{ label: 'Your message', at: e.at, ...(subject ? { subject } : {}), ...forPage(e.detail.text), files }];
  });
}

/** The reasons typed on this page when asking for the next stage (older events say so only by their actor). */
function ownGrounds(e: TimelineEvent): PageMessage[] {
  const grounds = e.detail?.grounds;
  const theirs = e.detail?.groundsInOwnWords === true || (e.detail?.groundsInOwnWords === undefined && e.actor === COMPLAINANT_ACTOR);
  return theirs && typeof grounds === 'string' && grounds.trim() ? [{ label: 'Your message', at: e.at, subject: 'Asking for the next stage', ...forPage(grounds), files: [] }] : [];
}
