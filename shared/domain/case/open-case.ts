import { deadlineDone } from './pending-deadlines.js';
import { DateTime } from 'luxon';
import { confirmUrlFor, letterToComplainant, pageUrlFor, noticeToStaff, type Sending } from '#domain/letters/addressing';
import { composeLetter, letterFor } from '#domain/letters/complainant-letter';
import { firstLetterFacts } from '#domain/letters/letter-view';
import { newCaseNotice } from '#domain/letters/staff-notices';
import { CASE_KIND_TEXT } from './case-kind-words.js';
import type { CaseKind } from './service-request.js';
import { threadKey } from '#domain/mail/message-id';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Policy } from '#domain/policy/policy-schema';
import { boundText, TEXT_BOUNDS, wasBounded } from '#domain/text/bounded-text';
import type { CaseChange } from './case-change.js';
import type { Case, CaseDeadline, CaseFlag, Channel, Complainant, TimelineEvent } from './case.js';
import { stageDeadlines } from './actions/enter-stage.js';
import { entryStage, handlerFor, noticeAddress } from './route-case.js';
import { reachableByEmail } from './reachable.js';
import { namedReason, rolesAbout, type NamedInComplaint } from './named-in-complaint.js';
import { timelineEvent } from './timeline-event.js';
import { deadlinesInWords } from './actions/action-kit.js';
import { roleTitle } from '#domain/policy/policy-lookups';
import { withPostLetters } from './actions/action-kit.js';
import { askedInWords, isAdjustmentKind } from '#domain/adjustments/adjustment-kinds';

/** A complaint as it arrives, from any channel, before it is a case. */
export interface NewComplaint {
  readonly channel: Channel;
  readonly receivedAt: string;
  readonly complainant: Complainant;
  readonly confidential: boolean;
  readonly about?: string;
  /** The address it was sent to, where that is the policy's address for complaints about `about` (Alumot's Board). */
  readonly aboutByAddress?: { readonly address: string; readonly clause: string };
  /** The policy's people its own words name (see namedInComplaint): kept from them as `about` is. */
  readonly named?: NamedInComplaint;
  readonly subject?: string;
  readonly summary: string;
  readonly desiredOutcome?: string;
  readonly incident?: Case['incident'];
  readonly invoiceNumber?: string;
  readonly attachments: Case['attachments'];
  readonly signed: boolean;
  readonly flags: readonly CaseFlag[];
  /** The inbound message's own Message-ID, so that the complainant's later replies thread. */
  readonly messageId?: string;
  /** A Reply-To that differs from the sender: recorded and shown, never written to. */
  readonly replyTo?: string;
  readonly source: Readonly<Record<string, unknown>>;
  /** The member of staff who wrote it down (a call, a letter, a visit): they, not the complainant, recorded it. */
  readonly recordedBy?: string;
  /** Staff recorded it as a service request, not a complaint (./open-service-request.ts). */
  readonly serviceRequest?: boolean;
  /** What they asked us to do differently ("Do you need us to do anything differently?"), from the form or a call. */
  readonly adjustmentsAsked?: { readonly kinds: readonly string[]; readonly words?: string };
  /** A held message a person released into this case: why it was held and who released it. */
  readonly released?: { readonly heldId: string; readonly heldBecause: string; readonly by: string };
}

/**
 * A new case under its policy: the entry stage and its handler (routing by whom it is about), its deadlines
 * (none while the clock waits for a signature), its flags, and the letters it is owed: the first letter
 * when `acknowledge` (the use case knows whether this sender already had one today: the acknowledgement, the
 * request for a signature, or for an address typed into the form the request to confirm it) and the handler's notice.
 * Every free text is bounded so that the case item always fits.
 */
export function openCase(
  policy: Policy,
  complaint: NewComplaint,
  reference: string,
  options: {
    acknowledge: boolean;
    sending: Sending;
    now: string;
    /** The complainant's page token, made by the caller (randomness is not the domain's). */
    pageToken?: string;
    /** The secrets that confirm an address typed into a form, made by the caller; unused for any other address. */
    addressCheck?: { readonly token: string; readonly code: string };
    /** What is being opened, for the timeline's and the handler's words: a complaint unless said. */
    kind?: CaseKind;
  },
): CaseChange {
  const stage = entryStage(policy);
  // Only the roles not already chosen as "about" are news; the chosen one needs no confirming.
  const namedRoles = complaint.named?.roles.filter((r) => r !== complaint.about) ?? [];
  const named = complaint.named && namedRoles.length > 0 ? { roles: namedRoles, found: complaint.named.found.filter((f) => namedRoles.includes(f.role)) } : undefined;
  const signature = policy.intake.signature;
  const awaitingSignature = Boolean(signature?.required && !complaint.signed);
  const flags = new Set<CaseFlag>(complaint.flags);
  if (complaint.complainant.anonymous) {
    if (policy.intake.anonymous.handling === 'not-investigated') flags.add('anonymous-not-investigated');
    if (policy.intake.anonymous.handling === 'recorded-limited-action') flags.add('anonymous-limited-action');
  }
  const bounded = (text: string | undefined, max: number): string | undefined => {
    if (text === undefined) return undefined;
    if (wasBounded(text, max)) flags.add('text-shortened');
    return boundText(text, max);
  };
  const subject = bounded(complaint.subject, TEXT_BOUNDS.subject);
  const summary = bounded(complaint.summary, TEXT_BOUNDS.summary) ?? '';
  const desiredOutcome = bounded(complaint.desiredOutcome, TEXT_BOUNDS.summary / 4);
  const name = bounded(complaint.complainant.name, TEXT_BOUNDS.name);
  const clockWaits = awaitingSignature && Boolean(signature?.clockStartsWhenSigned);
  const planned: CaseDeadline[] = clockWaits
    ? []
    : stageDeadlines(policy, stage.id, DateTime.fromISO(complaint.receivedAt));

  const draft: Case = {
    reference,
    policyId: policy.id,
    policyVersion: policy.version,
    stage: stage.id,
    stagesEntered: [{ stage: stage.id, at: complaint.receivedAt }],
    status: awaitingSignature ? 'awaiting-signature' : 'open',
    channel: complaint.channel,
    confidential: complaint.confidential,
    complainant: {
      ...complaint.complainant,
      ...(name ? { name } : {}),
      ...(complaint.complainant.emailConfirmed === false && options.addressCheck ? { addressCheck: { ...options.addressCheck, issuedAt: options.now } } : {}),
    },
    ...(complaint.about ? { about: complaint.about } : {}),
    ...(named ? { named: { roles: named.roles, found: named.found } } : {}),
    handlerRole: handlerFor(policy, stage.id, rolesAbout({ ...(complaint.about ? { about: complaint.about } : {}), ...(named ? { named } : {}) })),
    ...(subject ? { subject } : {}),
    summary,
    ...(desiredOutcome ? { desiredOutcome } : {}),
    ...(complaint.incident ? { incident: complaint.incident } : {}),
    ...(complaint.invoiceNumber ? { invoiceNumber: complaint.invoiceNumber } : {}),
    attachments: complaint.attachments,
    signed: complaint.signed,
    flags: [...flags],
    // A service request has no complaint deadlines: none is planned, so none is set, told or timed.
    deadlines: options.kind === 'service-request' ? [] : planned,
    participants: [],
    ...(complaint.replyTo ? { replyTo: complaint.replyTo } : {}),
    receivedAt: complaint.receivedAt,
    updatedAt: complaint.receivedAt,
    version: 1,
    deadlinesVersion: 1,
    ...(options.pageToken ? { page: { token: options.pageToken, issuedAt: options.now } } : {}),
    ...askedOnCase(policy, complaint),
  };

  const at = complaint.receivedAt;
  // The first letter goes where the sender can be written to. To an address typed into the form it is only the
  // request to confirm it (anyone can type anyone's address): that is not the acknowledgement, which stays owed
  // (its clock runs from receipt) and goes when the address is confirmed (./confirm-address.ts).
  const firstLetter = options.acknowledge && reachableByEmail(draft) && draft.complainant.preferredChannel !== 'post';
  const confirming = firstLetter && draft.complainant.emailConfirmed === false;
  // Staff who took it down (a call, a letter, a visit) and recorded how the complainant wants to be written to
  // are given the first letter at once, to post or read out, where that is not email. Without a preference they
  // acknowledge it themselves when they have chosen how (`case acknowledge`), as before.
  const onPaper = options.acknowledge && !firstLetter && Boolean(complaint.recordedBy) && !complaint.complainant.anonymous && complaint.complainant.preferredChannel !== undefined;
  const acknowledge = (firstLetter && !confirming) || onPaper;
  const c: Case = acknowledge
    ? {
        ...draft,
        acknowledgedAt: options.now,
        // The letter meets the stage's acknowledge deadline (none is set while the clock waits for a signature).
        deadlines: draft.deadlines.map((d) => (d.kind === 'acknowledge' ? deadlineDone(d, options.now) : d)),
        staffNotifiedAt: options.now,
      }
    : { ...draft, staffNotifiedAt: options.now };

  const letters: LetterToSend[] = [];
  const drafted: TimelineEvent[] = [];
  if (firstLetter) {
    const facts = firstLetterFacts(policy, c, confirmUrlFor(c, options.sending));
    letters.push(letterToComplainant(policy, c, composeLetter(policy, facts, pageUrlFor(c, options.sending)), facts.kind, `${c.stage}-received`, options.sending));
  } else if (onPaper) {
    drafted.push(...letterFor(policy, c, firstLetterFacts(policy, c, undefined), `${c.stage}-received`, options.now, options.sending).events);
  }
  letters.push(
    noticeToStaff(policy, c.reference, c.reference, [noticeAddress(policy, c, c.handlerRole, options.sending.operatorEmail)], newCaseNotice(policy, c, c.subject ?? '', options.sending, options.kind), 'new-case-notice', 'opened', options.sending),
  );

  const events: TimelineEvent[] = [
    timelineEvent({ id: 'received', at, type: 'received', actor: receivedFrom(complaint), summary: receivedSummary(complaint, options.kind ?? 'complaint'), detail: { ...complaint.source, ...(complaint.released ? { released: complaint.released } : {}) } }),
  ];
  if (c.deadlines.length > 0) {
    events.push(
      timelineEvent({
        id: 'deadlines-set',
        at,
        type: 'deadlines-set',
        actor: 'redress',
        summary: deadlinesInWords(c.deadlines),
        detail: { deadlines: c.deadlines.map((d) => ({ kind: d.kind, dueDate: d.dueDate, clause: d.clause })) },
      }),
    );
  }
  const handlerTitle = roleTitle(policy, c.handlerRole);
  if (complaint.about && complaint.aboutByAddress) {
    const title = roleTitle(policy, complaint.about);
    events.push(timelineEvent({ id: 'named-by-address', at, type: 'named', actor: 'redress', summary: `About the ${title}: sent to ${complaint.aboutByAddress.address}, the policy's address for complaints about them (clause ${complaint.aboutByAddress.clause}). Handled by ${handlerTitle}; nothing goes to them.`, detail: { about: complaint.about, address: complaint.aboutByAddress.address } }));
  }
  if (named) {
    events.push(timelineEvent({ id: 'named', at, type: 'named', actor: 'redress', summary: `The complaint ${namedReason(policy, named)}. Handled by ${handlerTitle} as a complaint about them, and kept from them, until the handler confirms or undoes it (case named).`, detail: { roles: named.roles, found: named.found } }));
  }
  if (c.adjustmentsAsked) events.push(timelineEvent({ id: 'adjustment-asked', at, type: 'adjustment-asked', actor: c.adjustmentsAsked.by, summary: `Asked us to do things differently: ${askedInWords(policy, c.adjustmentsAsked)}. Agree each one with them: “Reasonable adjustment: agree or review one” on the case page`, detail: { kinds: c.adjustmentsAsked.kinds } }));
  if (c.flags.length > 0) events.push(timelineEvent({ id: 'flagged', at, type: 'flagged', actor: 'redress', summary: `Flagged: ${c.flags.join(', ')}`, detail: { flags: c.flags } }));
  if (acknowledge) events.push(timelineEvent({ id: 'acknowledged', at: options.now, type: 'acknowledged', actor: 'redress', summary: onPaper ? 'Acknowledgement drafted for post (or to read to the complainant)' : 'Acknowledgement written to the complainant' }));
  events.push(...drafted);
  if (confirming) {
    events.push(
      timelineEvent({
        id: 'confirm-address-sent',
        at: options.now,
        type: 'note',
        actor: 'redress',
        summary: `Letter sent to ${c.complainant.email ?? ''} asking the complainant to confirm it is theirs: the acknowledgement goes there once they do`,
      }),
    );
  }

  const threadKeys = [
    ...(complaint.messageId ? [threadKey(complaint.messageId)] : []),
    ...letters.filter((l) => l.toComplainant).map((l) => threadKey(l.messageId)),
  ];
  // A letter drafted for post is kept on the case until staff mark it posted, as every action's is.
  return { case: withPostLetters(c, drafted), events, letters, threadKeys, deadlinesChanged: c.deadlines.length > 0 };
}

/** Who put the complaint in: staff who took it down, else the sender's address; "anonymous" only for an anonymous complainant. */
function receivedFrom(complaint: NewComplaint): string {
  return complaint.recordedBy ?? complaint.complainant.email ?? (complaint.complainant.anonymous ? 'anonymous' : 'complainant');
}

function receivedSummary({ channel, released, recordedBy }: NewComplaint, kind: CaseKind): string {
  const received = `${CASE_KIND_TEXT[kind].Noun} received by ${channel}`;
  if (released) return `${received}; held (${released.heldBecause}) and released into a case by ${released.by}`;
  return recordedBy ? `${received}, recorded by ${recordedBy}` : received;
}

/** What the complainant asked us to do differently, bounded: only the policy's adjustments, and their words cut to 1,000 characters. */
function askedOnCase(policy: Policy, complaint: NewComplaint): Pick<Case, 'adjustmentsAsked'> {
  const asked = complaint.adjustmentsAsked;
  if (!asked) return {};
  const kinds = [...new Set(asked.kinds)].filter((k) => isAdjustmentKind(policy, k));
  const words = boundText((asked.words ?? '').trim(), 1_000);
  if (kinds.length === 0 && !words) return {};
  return { adjustmentsAsked: { kinds, ...(words ? { words } : {}), at: complaint.receivedAt, by: complaint.recordedBy ?? 'complainant' } };
}
