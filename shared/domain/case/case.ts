import type { Deadline } from '#domain/planner/plan-deadlines';

export type Channel = 'email' | 'web';

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
  | 'sender-from-fallback';

export interface Complainant {
  readonly anonymous: boolean;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalAddress?: string;
  /** Where the email address came from: the From header, or a fallback when From was missing or doubled. */
  readonly addressSource?: 'from' | 'sender' | 'reply-to' | 'envelope' | 'form';
  /**
   * False while an address typed into the web form has not been shown to be the complainant's (by a reply
   * from it). Until then it gets only the acknowledgement, which asks them to confirm it and carries nothing
   * the form said, so nobody can make Redress write to a stranger. Absent for email: it came from that address.
   */
  readonly emailConfirmed?: boolean;
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
  /** pending: still to come; met: done in time; missed: passed and escalated; lapsed: a window that ran out. */
  readonly status: 'pending' | 'met' | 'missed' | 'lapsed';
  /** When the handler was reminded of it. */
  readonly remindedAt?: string;
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
  /** Whom the complaint is about: a role id of the policy when known, else free text. */
  readonly about?: string;
  readonly handlerRole: string;
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
  readonly outcome?: { readonly decision: 'upheld' | 'partly-upheld' | 'not-upheld'; readonly at: string; readonly stage: string };
  readonly closedAt?: string;
}

export type TimelineEventType =
  | 'received'
  | 'acknowledged'
  | 'mail-in'
  | 'mail-out'
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
  | 'letter-failed';

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
