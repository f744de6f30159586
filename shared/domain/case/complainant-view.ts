import { dateInWords } from '#domain/letters/dates-in-words';
import { organisationInText } from '#domain/policy/organisation-words';
import { capitalise, stageInLetters } from '#domain/letters/letter-view';
import { bodiesToGoTo, finalDecision, type BodyToGoTo } from '#domain/letters/outside-bodies';
import { feedbackAsked } from './actions/give-feedback.js';
import { channelsInWords } from './contact-restriction.js';
import type { Policy } from '#domain/policy/policy-schema';
import type { Case, ClosureReason } from './case.js';
import { openNextStageWindow } from './next-stage-window.js';
import { serviceRequestBehindComplaint, serviceRequestCalled, serviceRequestNext } from './service-request-page.js';
import { stageById } from '#domain/policy/policy-lookups';

/** A letter the complainant has been sent, as their page lists it. */
export interface PageLetter {
  readonly subject: string;
  readonly sentAt: string;
  readonly text: string;
  /** Emailed, or drafted for staff to post (a complainant Redress may not email). */
  readonly by: 'email' | 'post';
}

/** Something the complainant sent, as their page shows it back: their words, bounded, and their files by name. */
export interface PageMessage {
  /** What it was, as the page heads it: "Your complaint", "Your service request", "Your message", ... */
  readonly label: string;
  readonly at: string;
  readonly subject?: string;
  readonly text: string;
  readonly files: readonly string[];
  /** Whether the words were cut to fit the page (all of them are kept with the complaint). */
  readonly cut: boolean;
}

/** The most of one message the page shows, and the most messages: the page stays a page. */
export const PAGE_WORDS = { maxCharacters: 20_000, maxMessages: 50 } as const;

/** A text cut to what the page shows, and whether it was cut. */
export function forPage(text: string): { text: string; cut: boolean } {
  const chars = [...text.trim()];
  return chars.length > PAGE_WORDS.maxCharacters ? { text: chars.slice(0, PAGE_WORDS.maxCharacters).join(''), cut: true } : { text: text.trim(), cut: false };
}

/** What the complainant's own page shows: where the complaint is, what happens next and by when, the letters. */
export interface ComplainantView {
  readonly organisation: string;
  readonly reference: string;
  readonly complaintsAddress: string;
  /** "Open", "Waiting for your signed complaint", "Closed". */
  readonly status: string;
  /** The stage as a letter names it ("a review by our appeal panel"). */
  readonly stage: string;
  /** What happens next, one sentence each, with the dates the policy promises. */
  readonly next: readonly string[];
  /** While the complainant may ask for the next stage: its name and, where the policy sets one, the last day. */
  readonly review?: { readonly stage: string; readonly until?: string; readonly fromStage: string };
  /**
   * Where else they can go, and by when: after our final decision every outside body the policy names for a
   * complaint; before it, those whose window the case holds open (NACCC's twelve weeks after Connect's stage 2).
   */
  readonly elsewhere: readonly BodyToGoTo[];
  readonly letters: readonly PageLetter[];
  /** What they sent: the complaint as recorded, then each later message of theirs, oldest first. Only their own words. */
  readonly sent: readonly PageMessage[];
  /** Whether more information can still be sent (not once the case is closed and its records are going). */
  readonly open: boolean;
  /** After closure: whether we ask how their complaint was handled (once), or thank them for answering. */
  readonly feedback?: 'ask' | 'given';
  /** While their contact is restricted: how they may contact us, and who answers (as the letter setting it said). */
  readonly restricted?: { readonly channels: string; readonly contactName: string };
  /** "request" for a service request the person has not complained about: the page says so in place of "complaint". */
  readonly called?: 'request';
  /** The service request a complaint was made about: kept on the page after it became one (what they asked, what we did). */
  readonly earlierRequest?: readonly string[];
}

const CLOSED_BECAUSE: Record<ClosureReason, string> = {
  resolved: 'We have closed your complaint.',
  withdrawn: 'You withdrew your complaint, so we have closed it.',
  redirected: 'Your complaint is about a matter our complaints procedure does not cover. Our letter says where to take it.',
  'early-resolution': 'We sorted this out with you quickly, so we did not record it as a formal complaint.',
  'service-request': 'We dealt with this as a service request, not a complaint. You can still make a complaint about it: our letter says how.',
  'no-appeal': 'The time to ask for the next stage ended, so we have closed your complaint.',
};

/**
 * The complainant's page for a case, in plain words: its status and stage, the dates that are still to come
 * (the acknowledgement, the response, a meeting, the last day to ask for the next stage or go to an outside
 * body), and the letters sent. Nothing staff wrote for themselves, and nothing about whom it names.
 */
export function complainantView(policy: Policy, c: Case, letters: readonly PageLetter[], today: string, later: readonly PageMessage[] = []): ComplainantView {
  const stage = stageById(policy, c.stage);
  const stageWords = stage?.inLetters ?? stage?.name ?? c.stage;
  const pending = (kind: string) => c.deadlines.find((d) => d.kind === kind && d.stage === c.stage && d.status === 'pending' && d.dueDate >= today);
  const next: string[] = [];
  const window = openNextStageWindow(policy, c, today);
  const nextStage = window ? stageById(policy, window.nextStage) : undefined;
  const nextWords = nextStage ? stageInLetters(nextStage) : window?.nextStage;

  const asRequest = serviceRequestNext(c);
  if (asRequest) next.push(...asRequest);
  else if (c.status === 'awaiting-signature') {
    next.push(`We need your signed complaint before we can start${policy.intake.signature ? ` (our complaints policy, clause ${policy.intake.signature.clause})` : ''}. Our letter says how to send it.`);
  } else if (c.status === 'open') {
    const ack = pending('acknowledge');
    if (ack) next.push(`We will acknowledge your complaint by ${dateInWords(ack.dueDate)}.`);
    const meet = pending('meet');
    if (meet) next.push(`If we need to meet you, we will do so by ${dateInWords(meet.dueDate)}.`);
    const respond = pending('respond');
    const max = pending('respond-max');
    if (respond) next.push(`We will send you our ${stage?.final ? 'final' : 'full'} response by ${dateInWords(respond.dueDate)}.`);
    if (max) next.push(`If it needs longer, we will tell you why, and you will have our response by ${dateInWords(max.dueDate)} at the latest.`);
    if (window && nextWords) {
      next.push(`If you are not happy with our response, you can ask for ${nextWords}${window.window ? ` until ${dateInWords(window.window.dueDate)}` : ''}.`);
    }
    if (!ack && !meet && !respond && !window) next.push('We are looking into your complaint and will write to you with what happens next.');
  } else {
    next.push(c.closure ? CLOSED_BECAUSE[c.closure] : CLOSED_BECAUSE.resolved);
  }
  const finished = finalDecision(policy, c) !== undefined;
  // A window that has passed is no longer a way on; a body's own time limit is still said, with its date, once passed.
  const elsewhere = c.closure === 'redirected' || c.closure === 'early-resolution' ? [] : bodiesToGoTo(policy, c, finished ? { kind: 'final' } : { kind: 'open-windows' }).filter((b) => finished || (b.until ?? today) >= today);
  if (elsewhere.length) next.push(finished ? 'Our decision is final. If you are still not satisfied, you can go to the bodies below.' : 'You can also go to the bodies below.');
  const retention = c.deadlines.find((d) => d.kind === 'retention' && d.status === 'pending');
  if (c.status === 'closed' && retention) next.push(`We will keep the records of your ${serviceRequestCalled(c).called ?? 'complaint'}, and this page, until ${dateInWords(retention.dueDate)}, and then destroy them securely.`);

  return {
    organisation: organisationInText(policy),
    reference: c.reference,
    complaintsAddress: policy.intake.addresses[0] as string,
    status: c.status === 'open' ? 'Open' : c.status === 'awaiting-signature' ? 'Waiting for your signed complaint' : 'Closed',
    stage: capitalise(stageWords),
    next,
    ...(window && nextWords && c.status === 'open' ? { review: { stage: nextWords, fromStage: c.stage, ...(window.window ? { until: dateInWords(window.window.dueDate) } : {}) } } : {}),
    elsewhere,
    letters: [...letters].sort((a, b) => b.sentAt.localeCompare(a.sentAt)),
    sent: [complaintAsSent(c, later), ...[...later, ...complaintAboutRequest(c)].sort((a, b) => a.at.localeCompare(b.at))].slice(0, PAGE_WORDS.maxMessages),
    open: c.status !== 'closed',
    ...(c.feedback ? { feedback: 'given' as const } : feedbackAsked(c) ? { feedback: 'ask' as const } : {}),
    ...(c.restriction ? { restricted: { channels: channelsInWords(c.restriction.channelsOpen), contactName: c.restriction.pointOfContact.name } } : {}),
    ...serviceRequestCalled(c),
    ...(c.serviceRequest?.becameComplaint ? { earlierRequest: serviceRequestBehindComplaint(c.serviceRequest) } : {}),
  };
}

/** The complaint as it was recorded: its subject, their words, the outcome they want, and the files it came with. */
function complaintAsSent(c: Case, later: readonly PageMessage[]): PageMessage {
  const laterFiles = new Set(later.flatMap((m) => m.files));
  const words = forPage([c.summary, c.desiredOutcome ? `What I want to happen: ${c.desiredOutcome}` : ''].filter(Boolean).join('\n\n'));
  // What came first is the service request where there was one, whether or not they have since complained about it.
  const label = c.serviceRequest ? (c.serviceRequest.becameComplaint ? 'Your service request' : 'Your request') : 'Your complaint';
  return { label, at: c.receivedAt, ...(c.subject ? { subject: c.subject } : {}), ...words, files: c.attachments.map((a) => a.filename).filter((f) => !laterFiles.has(f)) };
}

/** Their complaint about their service request, in the words staff took down, where it was recorded with them. */
function complaintAboutRequest(c: Case): PageMessage[] {
  const complaint = c.serviceRequest?.becameComplaint;
  if (!complaint?.words) return [];
  return [{ label: 'Your complaint about it', at: complaint.at, ...forPage(complaint.words), files: [] }];
}
