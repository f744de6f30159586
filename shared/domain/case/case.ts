import type { Deadline } from '#domain/planner/plan-deadlines';
import type { Adjustment, AdjustmentsAsked, Vulnerability } from './adjustment.js';
import type { ServiceRequest } from './service-request.js';
import type { ContactRestriction } from './contact-restriction.js';
import type { CaseFeedback } from './case-feedback.js';

/** How the complaint came: by email or the web form, or entered by staff from a call, a letter or a visit. */
export type Channel = 'email' | 'web' | 'phone' | 'letter' | 'in-person';

/** Why a case closed: answered, withdrawn, sent elsewhere, resolved early, the appeal window ran out unused, or a service request dealt with. */
export type ClosureReason = 'resolved' | 'withdrawn' | 'redirected' | 'early-resolution' | 'no-appeal' | 'service-request';

export type Decision = 'upheld' | 'partly-upheld' | 'not-upheld';

/** A stage's decision as recorded: what the outcome letter says, and who decided (for independence). */
export interface StageOutcome {
  readonly stage: string;
  readonly decision: Decision;
  readonly at: string;
  readonly by: string;
  readonly handlerRole: string;
  readonly summary: string;
  /** A decision in part: what was upheld and what was not, in the officer's words, as the letter gives them. */
  readonly parts?: { readonly upheld: string; readonly notUpheld: string };
  readonly remedies: readonly string[];
  readonly actions: readonly AgreedAction[];
  /** What the organisation learnt (for staff and the board's report, never the complainant's letter). */
  readonly lessons?: string;
}

/** Something the organisation agreed to do at an outcome, by a date; done when staff say so. */
export interface AgreedAction {
  readonly text: string;
  readonly due: string;
  readonly doneAt?: string;
}

/** An extension of a deadline: when, from and to which date, why, and whether the complainant agreed. */
export interface Extension {
  readonly at: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly agreed: boolean;
}

/** open: being handled; awaiting-signature: the policy's clock waits for a signed complaint; closed: done. */
export type CaseStatus = 'open' | 'awaiting-signature' | 'closed';

/** Reasons a case needs a person's eye, shown on the case and in notices. */
export type CaseFlag =
  | 'sender-not-verified'
  | 'quotes-another-case'
  | 'dangerous-attachment'
  | 'attachments-over-limit'
  | 'anonymous-not-investigated'
  | 'anonymous-limited-action'
  | 'complainant-undeliverable'
  | 'text-not-converted'
  /** The message asked for replies elsewhere (Reply-To): recorded, shown to staff, never written to. */
  | 'reply-to-differs'
  /** A field was longer than a case item can hold: the whole text is in the raw message. */
  | 'text-shortened'
  /** No usable From: the sender was taken from Sender, Reply-To or the envelope. */
  | 'sender-from-fallback'
  /** Its subject begins like an automatic reply, but nothing in its headers shows a machine sent it: a case as any other. */
  | 'subject-reads-automatic';

/** How a complainant asked to be written to. */
export type PreferredChannel = 'email' | 'post' | 'phone';

export interface Complainant {
  readonly anonymous: boolean;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalAddress?: string;
  /**
   * How they asked to be written to. `post`: every letter is drafted for post, even where an email address is
   * proved; otherwise letters go by email where Redress may write to them (a phone preference is for staff to call).
   */
  readonly preferredChannel?: PreferredChannel;
  /** Where the email address came from: the From header, or a fallback when From was missing or doubled. */
  readonly addressSource?: 'from' | 'sender' | 'reply-to' | 'envelope' | 'form';
  /**
   * False while an address typed into the web form has not been shown to be the complainant's (by the link in
   * the letter that asks, or a reply carrying its code). Until then it gets only that letter, which carries
   * nothing the form said, so nobody can make Redress write to a stranger. Absent for email: it came from that address.
   */
  readonly emailConfirmed?: boolean;
  /** The secrets of the letter that asks to confirm a typed address: only that mailbox's reader has them. */
  readonly addressCheck?: AddressCheck;
  /** Someone who made the complaint on their behalf, and the consent recorded for it. */
  readonly representative?: Representative;
}

/** A person complaining on someone's behalf: who, what they are to the complainant, and how the complainant consented. */
export interface Representative {
  readonly name: string;
  readonly relationship: string;
  /** How consent was given (in writing, by telephone with the complainant, ...), as staff recorded it. */
  readonly consent: string;
}

/**
 * What proves a typed address is the complainant's: a link token and a code to reply with, carried by the one
 * letter sent there and nowhere else (not the form's page, not the complainant's page). A reply's From line proves
 * nothing (anyone can write any From), so a reply confirms only when it carries the code.
 */
export interface AddressCheck {
  /** 256 random bits, URL-safe: the confirm link's key. */
  readonly token: string;
  /** Fifty random bits in ten characters (two groups of five), for a reply to carry. */
  readonly code: string;
  readonly issuedAt: string;
}

export interface AttachmentRecord {
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** Where the bytes are kept, in the raw mail store. */
  readonly storageKey: string;
  readonly dangerous: boolean;
}

export interface CaseDeadline extends Deadline {
  readonly stage: string;
  /** pending: still to come; met: done; missed: passed and escalated; closed: ended unused (a window, or the case closed). */
  readonly status: 'pending' | 'met' | 'missed' | 'closed';
  /** When the handler was reminded of it. */
  readonly remindedAt?: string;
  /** Its extensions, oldest first; a missed deadline that is extended stays missed and a new one follows it. */
  readonly extensions?: readonly Extension[];
  /** Set by staff, or at the policy's default until they do (a reply date the policy leaves to staff). */
  readonly setBy?: 'staff' | 'default';
  /** When what it asked was done; one done late stays missed and carries this date. */
  readonly doneAt?: string;
  /** The instant of the event its clock runs from (the stage's day 0 is that day, or the next working day). */
  readonly startedAt?: string;
}

/** A complaint being handled under one policy. Every change to it comes with a timeline event. */
export interface Case {
  readonly reference: string;
  readonly policyId: string;
  readonly policyVersion: string;
  readonly stage: string;
  readonly status: CaseStatus;
  readonly channel: Channel;
  readonly confidential: boolean;
  readonly complainant: Complainant;
  /** The policy's category ("nature of complaint") staff filed it under. */
  readonly category?: string;
  /** Each stage the case entered, and when, oldest first (the first is the stage it was received at). */
  readonly stagesEntered?: readonly { readonly stage: string; readonly at: string }[];
  /** Whom the complaint is about: a role id of the policy when known, else free text. */
  readonly about?: string;
  /**
   * The policy's people the complaint's own words name (found at intake), routed and kept from them as `about`
   * is, until the handler confirms or undoes it (`case named`). See rolesAbout for every role a case is about.
   */
  readonly named?: NamedOnCase;
  readonly handlerRole: string;
  /** The person within the handling role who has the case (`case assign`, `take`); gone when the role changes. */
  readonly handler?: AssignedHandler;
  readonly subject?: string;
  readonly summary: string;
  readonly desiredOutcome?: string;
  readonly incident?: { readonly date?: string; readonly time?: string; readonly place?: string };
  readonly invoiceNumber?: string;
  readonly attachments: readonly AttachmentRecord[];
  readonly signed: boolean;
  readonly flags: readonly CaseFlag[];
  readonly deadlines: readonly CaseDeadline[];
  /** Addresses besides the complainant's that may write into this case (a representative, say). */
  readonly participants: readonly string[];
  /** A Reply-To address that differs from the sender's: shown to staff, never written to. */
  readonly replyTo?: string;
  readonly receivedAt: string;
  readonly acknowledgedAt?: string;
  readonly staffNotifiedAt?: string;
  readonly updatedAt: string;
  /** Bumped on every change; writes are conditional on it, so concurrent changes cannot overwrite each other. */
  readonly version: number;
  /** Bumped whenever the deadlines change; timers carry it, so a timer for replaced deadlines does nothing. */
  readonly deadlinesVersion: number;
  /** Set when the retention date passed and the personal data was destroyed. */
  readonly destroyedAt?: string;
  /** The latest stage's decision. */
  readonly outcome?: StageOutcome;
  /** Every stage's decision, oldest first: who handled what, so that a later stage's reviewer is independent. */
  readonly outcomes?: readonly StageOutcome[];
  /** Policy events recorded (Connected Together's nature-established), by stage. */
  readonly policyEvents?: readonly { readonly stage: string; readonly event: string; readonly at: string }[];
  readonly meeting?: { readonly offeredFor?: string; readonly heldAt?: string };
  /** The complainant asked to withdraw and the policy wants it confirmed in writing first (Connect). */
  readonly withdrawalRequestedAt?: string;
  /** False for a matter resolved early, which the policy does not record as a complaint (the council). */
  readonly recordedAsComplaint?: boolean;
  /**
   * The complainant wrote while the time to ask for the next stage was open: perhaps asking for it. Staff confirm
   * with `case escalate`; it clears when the case moves on or closes.
   */
  readonly possibleNextStageRequest?: {
    readonly at: string;
    readonly from: string;
    readonly windowEnds?: string;
    /** The reply's words (bounded): the reasons the next stage's handler is sent if staff confirm it as the request. */
    readonly words?: string;
  };
  readonly closedAt?: string;
  readonly closure?: ClosureReason;
  /** Outside bodies the complainant took the complaint to (the policy's ids), and when staff heard. */
  readonly referrals?: readonly { readonly body: string; readonly at: string }[];
  /** Where a matter not for this procedure was sent: the policy's out-of-scope id. */
  readonly redirectedTo?: string;
  /**
   * The complainant's own page: a long random token in its address (never the reference), in every letter that
   * goes to a confirmed address. Revoked, or gone with the personal data at retention, it opens nothing.
   */
  readonly page?: ComplainantPage;
  /** Every letter drafted for post, oldest first: "to post" until staff record the day it went (`case posted`). */
  readonly postLetters?: readonly PostLetter[];
  /** What the complainant asked for at intake ("Do you need us to do anything differently?"). */
  readonly adjustmentsAsked?: AdjustmentsAsked;
  /** Reasonable adjustments staff agreed, oldest first, ended ones kept (see letterForm for how letters follow them). */
  readonly adjustments?: readonly Adjustment[];
  /** Staff's note that the complainant may be vulnerable: read by the handling role and above only. */
  readonly vulnerability?: Vulnerability;
  /** A contact recorded as a service request, not a complaint, and what became of it (./service-request.ts). */
  readonly serviceRequest?: ServiceRequest;
  /** A restriction on how the complainant may contact the organisation (unacceptable behaviour), while it lasts. */
  readonly restriction?: ContactRestriction;
  /** The complainant's answers about how their complaint was handled, given once after closure (never shown to staff case by case). */
  readonly feedback?: CaseFeedback;
}

/** A letter for post: its draft (the `letter-drafted` timeline event's id), what it is, and the day it was posted. */
export interface PostLetter {
  readonly id: string;
  /** Its letter kind (acknowledgement, outcome, message...). */
  readonly kind: string;
  /** The stage it was written at: an outcome letter's windows are that stage's. */
  readonly stage: string;
  readonly subject: string;
  readonly draftedAt: string;
  /** The London day it went (YYYY-MM-DD), and who said so; absent while it is still to post. */
  readonly postedOn?: string;
  readonly postedBy?: string;
  /**
   * When the details it was written with were corrected before it went (the name, the address, whom it is about):
   * it is not to be posted as it stands; staff write to the complainant again with the details as they are now.
   */
  readonly outdatedAt?: string;
  /** Printed at 16 point (a large-print adjustment): the print page and PDF lay it out so without being asked. */
  readonly largePrint?: boolean;
  /** Staff call the complainant before it goes (they asked for a telephone call instead of letters). */
  readonly callFirst?: boolean;
}

/** Whom a complaint's words name, where, and the handler's decision on it. */
export interface NamedOnCase {
  readonly roles: readonly string[];
  readonly found: readonly { readonly role: string; readonly words: string; readonly where: 'subject' | 'body' }[];
  readonly decided?: 'confirmed' | 'undone';
  readonly decidedAt?: string;
  readonly decidedBy?: string;
}

/** A person of the handling role the case is assigned to, and who assigned it when. */
export interface AssignedHandler {
  readonly email: string;
  readonly at: string;
  readonly by: string;
}

export interface ComplainantPage {
  readonly token: string;
  readonly issuedAt: string;
}

export type TimelineEventType =
  | 'received'
  | 'acknowledged'
  | 'mail-in'
  /** Mail from a member of staff about the case: never the complainant's, never on their page, never sent on. */
  | 'staff-mail'
  | 'mail-out'
  | 'delivered'
  | 'note'
  | 'stage-changed'
  | 'deadlines-set'
  | 'deadline-fired'
  | 'outcome'
  | 'closed'
  | 'flagged'
  | 'undeliverable'
  | 'signed'
  | 'extended'
  | 'reminder'
  | 'escalated'
  | 'destroyed'
  | 'participant-added'
  | 'letter-failed'
  | 'letter-drafted'
  /** A letter for post went in the post (`case posted`), on the day it says. */
  | 'letter-posted'
  /** Staff wrote to the complainant in their own words (`case message`). */
  | 'message-written'
  | 'event-recorded'
  | 'meeting'
  | 'withdrawn'
  | 'redirected'
  | 'reassigned'
  /** Given to a person within the handling role (`case assign`, or taken by them). */
  | 'assigned'
  /** Staff corrected the case's details (channel, name, contact details, preferred channel, whom it is about). */
  | 'details-corrected'
  /** Staff added a file (a scanned letter, call notes): kept like an email's attachment. */
  | 'file-added'
  /** Whom the complaint is about, from its words or the address it was sent to; the handler's confirming or undoing it. */
  | 'named'
  | 'named-confirmed'
  | 'named-undone'
  | 'viewed'
  | 'reopened'
  | 'next-stage-requested'
  | 'categorised'
  | 'action-done'
  | 'exported'
  | 'referred'
  /** What the complainant asked for at intake: "Do you need us to do anything differently?". */
  | 'adjustment-asked'
  /** A reasonable adjustment agreed or reviewed (`case adjust`), or ended (`case end-adjustment`). */
  | 'adjustment-agreed'
  | 'adjustment-ended'
  /** Staff noted (or cleared) that the complainant may be vulnerable; the reason is never on the timeline. */
  | 'vulnerability-noted'
  /** Recorded as a service request (LGSCO 1.2), not a complaint; then each step, and when it was dealt with. */
  | 'service-request'
  | 'service-request-step'
  | 'service-request-done'
  /** The person complained about their service request: a complaint from then on, its deadlines counted as the policy says. */
  | 'became-complaint'
  | 'restriction-set'
  | 'restriction-reviewed'
  | 'restriction-lifted'
  | 'restricted-mail'
  | 'feedback-given';

export interface TimelineEvent {
  /** Stable for one happening, so that recording it again (a retried intake) writes the same event. */
  readonly id: string;
  readonly at: string;
  readonly type: TimelineEventType;
  /** "complainant", "redress", or a staff member's address. */
  readonly actor: string;
  readonly summary: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** The earliest pending deadline: what the open-cases index sorts by. */
export function nextDeadline(c: Pick<Case, 'deadlines'>): CaseDeadline | undefined {
  return c.deadlines
    .filter((d) => d.status === 'pending')
    .reduce<CaseDeadline | undefined>((min, d) => (min === undefined || d.dueAt < min.dueAt ? d : min), undefined);
}
