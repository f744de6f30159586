import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Case, CaseDeadline, CaseFlag, Channel, Complainant, TimelineEvent } from '#domain/case/case';
import { entryStage, handlerFor, notifyAddress } from '#domain/case/route-case';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { acknowledgementLetter } from '#domain/letters/acknowledgement-letter';
import type { Letter } from '#domain/letters/letter';
import { caseMailNotice, newCaseNotice, undeliverableNotice } from '#domain/letters/staff-notices';
import { newMessageId, providerThreadKey, threadKey } from '#domain/mail/message-id';
import type { ParsedEmail } from '#domain/mail/parsed-email';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import { CaseAlreadyExistsError, type CaseStore } from '#application/ports/case-store';
import { mustGetCase, updateCase } from '#application/update-case';
import type { Log } from '#application/ports/logger';
import type { Mailer } from '#application/ports/mailer';
import { syncTimers, type TimerDeps } from '#application/deadlines/sync-timers';
import type { IntakeOutcome } from './ingest-email.js';

/** A complaint as it arrives, from any channel, before it is a case. */
export interface NewComplaint {
  readonly channel: Channel;
  readonly receivedAt: string;
  /** Makes opening once-only: a digest of the message or form submission, with the policy. */
  readonly inboundKey: string;
  readonly complainant: Complainant;
  readonly confidential: boolean;
  readonly about?: string;
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
  readonly source: Readonly<Record<string, unknown>>;
}

interface CaseWorkDeps extends TimerDeps {
  readonly store: CaseStore;
  readonly mailer: Mailer;
  readonly mailDomain: string;
  readonly log: Log;
}

/** Intake's changes to cases under one policy: opening, acknowledging, mail in, bounces, staff notices. */
export class CaseWork {
  constructor(
    private readonly deps: CaseWorkDeps,
    private readonly policy: Policy,
  ) {}

  staffAddress(role: string): string {
    return notifyAddress(this.policy, role);
  }

  openFromEmail(
    inbound: { rawKey: string; receivedAt: string },
    email: ParsedEmail,
    inboundKey: string,
    confidential: boolean,
    flags: CaseFlag[],
  ): Promise<IntakeOutcome> {
    const from = email.replyTo ?? email.from;
    const attachmentFlags: CaseFlag[] = [];
    if (email.attachments.some((a) => a.dangerous)) attachmentFlags.push('dangerous-attachment');
    if (email.attachments.some((a) => !a.storageKey)) attachmentFlags.push('attachments-over-limit');
    if (email.textNotConverted) attachmentFlags.push('text-not-converted');
    return this.open({
      channel: 'email',
      receivedAt: inbound.receivedAt,
      inboundKey,
      complainant: from
        ? { anonymous: false, email: from.address, ...(email.from?.name ? { name: email.from.name } : {}) }
        : { anonymous: true },
      confidential,
      ...(email.subject ? { subject: email.subject } : {}),
      summary: email.text.slice(0, 100_000),
      attachments: email.attachments
        .filter((a) => a.storageKey)
        .map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, storageKey: a.storageKey as string, dangerous: a.dangerous })),
      signed: false,
      flags: [...flags, ...attachmentFlags],
      ...(email.messageId ? { messageId: email.messageId } : {}),
      source: { rawKey: inbound.rawKey, messageId: email.messageId, subject: email.subject },
    });
  }

  /**
   * Opens a case for a complaint, acknowledges it and tells its handler. Running it again for the same
   * complaint finds the case the first run made and finishes whatever that run did not.
   */
  async open(complaint: NewComplaint): Promise<IntakeOutcome> {
    const { store } = this.deps;
    const existing = await store.caseForInbound(complaint.inboundKey);
    let c: Case;
    if (existing) {
      c = await this.mustGet(existing);
    } else {
      const draft = this.draftCase(complaint);
      const reference = await store.allocateReference(this.policy.referencePrefix, Number(londonDate(complaint.receivedAt).slice(0, 4)));
      c = { ...draft, reference };
      try {
        await store.createCase(c, this.openingEvents(c, complaint), complaint.messageId ? [threadKey(complaint.messageId)] : [], complaint.inboundKey);
      } catch (error) {
        if (!(error instanceof CaseAlreadyExistsError)) throw error;
        c = await this.mustGet(error.reference);
      }
    }
    const opened = await this.finishOpening(c);
    await syncTimers(this.deps, this.policy, opened);
    return { kind: 'case-opened', policyId: this.policy.id, reference: c.reference, acknowledged: Boolean(opened.acknowledgedAt) };
  }

  /**
   * Sends what a new case is owed and not yet had (the acknowledgement, the handler's notice), then records
   * both in one write. Returns the case as saved.
   */
  private async finishOpening(c: Case): Promise<Case> {
    const now = new Date().toISOString();
    const events: TimelineEvent[] = [];
    const threadIds: string[] = [];
    let acknowledgedAt = c.acknowledgedAt;
    if (!acknowledgedAt && (await this.mayAcknowledge(c))) {
      const to = c.complainant.email as string;
      const letter = acknowledgementLetter(this.policy, c);
      const sent = await this.send(c, [to], letter, 'auto-replied', true);
      acknowledgedAt = now;
      threadIds.push(...sent.threadIds);
      events.push(
        { id: 'acknowledged', at: now, type: 'acknowledged', actor: 'redress', summary: 'Acknowledgement sent to the complainant' },
        mailOutEvent(now, 'acknowledgement', to, letter.subject, sent.messageId),
      );
    }
    const acknowledge = (current: Case): Case =>
      acknowledgedAt && !current.acknowledgedAt
        ? {
            ...current,
            acknowledgedAt,
            // The letter meets the stage's acknowledge deadline (none is set while the clock waits for a signature).
            deadlines: current.deadlines.map((d) => (d.kind === 'acknowledge' && d.stage === current.stage ? { ...d, status: 'met' as const } : d)),
          }
        : current;
    let staffNotifiedAt = c.staffNotifiedAt;
    if (!staffNotifiedAt) {
      const to = this.staffAddress(c.handlerRole);
      const letter = newCaseNotice(this.policy, acknowledge(c), c.subject ?? '');
      const sent = await this.send(c, [to], letter, 'auto-generated', false);
      staffNotifiedAt = now;
      events.push(mailOutEvent(now, 'new-case notice', to, letter.subject, sent.messageId));
    }
    if (events.length === 0) return c;
    return this.update(
      c.reference,
      (current) => ({ changed: { ...acknowledge(current), staffNotifiedAt, updatedAt: now }, events, threadIds }),
      c,
    );
  }

  /**
   * Sends the acknowledgement a stage's open acknowledge deadline asks for (a signed complaint, Not Alone
   * Mentoring 6.4), when the complainant can be reached by email, and records it as met. Otherwise the case is
   * returned unchanged and the deadline's reminder and escalation chase staff to acknowledge it another way.
   */
  async acknowledgeOpenDeadline(c: Case): Promise<Case> {
    const open = c.deadlines.find((d) => d.kind === 'acknowledge' && d.stage === c.stage && d.status === 'pending');
    if (!open || !(await this.mayAcknowledge(c))) return c;
    const to = c.complainant.email as string;
    const now = this.deps.now().toISOString();
    const letter = acknowledgementLetter(this.policy, c, 'signed');
    const sent = await this.send(c, [to], letter, 'auto-replied', true);
    return this.update(
      c.reference,
      (current) => ({
        changed: {
          ...current,
          acknowledgedAt: current.acknowledgedAt ?? now,
          deadlines: current.deadlines.map((d) => (d.kind === 'acknowledge' && d.stage === open.stage && d.dueAt === open.dueAt ? { ...d, status: 'met' as const } : d)),
          updatedAt: now,
        },
        events: [
          { id: `acknowledged-${open.stage}-${open.dueDate}`, at: now, type: 'acknowledged', actor: 'redress', summary: `Acknowledgement of the ${open.stage} complaint sent to the complainant` },
          mailOutEvent(now, 'acknowledgement', to, letter.subject, sent.messageId),
        ],
        threadIds: sent.threadIds,
      }),
      c,
    );
  }

  /** An acknowledgement needs an address that works, and is at most one per sender, organisation and day. */
  private async mayAcknowledge(c: Case): Promise<boolean> {
    const to = c.complainant.email;
    if (!to || c.complainant.anonymous || c.flags.includes('complainant-undeliverable')) return false;
    const claimed = await this.deps.store.claimAcknowledgement(this.policy.id, to, londonDate(c.receivedAt), c.reference);
    if (!claimed) this.deps.log.info('acknowledgement not sent: this sender already had one from this organisation today', { reference: c.reference });
    return claimed;
  }

  private draftCase(complaint: NewComplaint): Omit<Case, 'reference'> {
    const policy = this.policy;
    const stage = entryStage(policy);
    const signature = policy.intake.signature;
    const awaitingSignature = Boolean(signature?.required && !complaint.signed);
    const flags = [...complaint.flags];
    if (complaint.complainant.anonymous) {
      if (policy.intake.anonymous.handling === 'not-investigated') flags.push('anonymous-not-investigated');
      if (policy.intake.anonymous.handling === 'recorded-limited-action') flags.push('anonymous-limited-action');
    }
    const clockWaits = awaitingSignature && Boolean(signature?.clockStartsWhenSigned);
    const deadlines: CaseDeadline[] = clockWaits
      ? []
      : planDeadlines(policy, stage.id, 'received', DateTime.fromISO(complaint.receivedAt)).map((d) => ({ ...d, stage: stage.id, status: 'pending' as const }));
    return {
      policyId: policy.id,
      policyVersion: policy.version,
      stage: stage.id,
      status: awaitingSignature ? 'awaiting-signature' : 'open',
      channel: complaint.channel,
      confidential: complaint.confidential,
      complainant: complaint.complainant,
      ...(complaint.about ? { about: complaint.about } : {}),
      handlerRole: handlerFor(policy, stage.id, complaint.about),
      ...(complaint.subject ? { subject: complaint.subject } : {}),
      summary: complaint.summary,
      ...(complaint.desiredOutcome ? { desiredOutcome: complaint.desiredOutcome } : {}),
      ...(complaint.incident ? { incident: complaint.incident } : {}),
      ...(complaint.invoiceNumber ? { invoiceNumber: complaint.invoiceNumber } : {}),
      attachments: complaint.attachments,
      signed: complaint.signed,
      flags: [...new Set(flags)],
      deadlines,
      participants: [],
      receivedAt: complaint.receivedAt,
      updatedAt: complaint.receivedAt,
      version: 1,
      deadlinesVersion: 1,
    };
  }

  private openingEvents(c: Case, complaint: NewComplaint): TimelineEvent[] {
    const at = complaint.receivedAt;
    const events: TimelineEvent[] = [
      {
        id: 'received',
        at,
        type: 'received',
        actor: c.complainant.email ?? 'anonymous',
        summary: `Complaint received by ${c.channel}`,
        detail: complaint.source,
      },
    ];
    if (c.deadlines.length > 0) {
      events.push({
        id: 'deadlines-set',
        at,
        type: 'deadlines-set',
        actor: 'redress',
        summary: `Deadlines set for ${c.stage}`,
        detail: { deadlines: c.deadlines.map((d) => ({ kind: d.kind, dueDate: d.dueDate, clause: d.clause })) },
      });
    }
    if (c.flags.length > 0) {
      events.push({ id: 'flagged', at, type: 'flagged', actor: 'redress', summary: `Flagged: ${c.flags.join(', ')}`, detail: { flags: c.flags } });
    }
    return events;
  }

  async recordMailIn(reference: string, inbound: { rawKey: string; receivedAt: string }, email: ParsedEmail, how: { automatic: boolean }): Promise<void> {
    const sender = (email.replyTo ?? email.from)?.address ?? 'unknown';
    const c = await this.update(reference, (current) => ({
      changed: { ...current, updatedAt: inbound.receivedAt },
      events: [
        {
          id: `mail-in-${digestOf(inbound.rawKey)}`,
          at: inbound.receivedAt,
          type: 'mail-in',
          actor: sender,
          summary: how.automatic ? `Automatic reply from ${sender}` : `Message from ${sender}`,
          detail: { rawKey: inbound.rawKey, subject: email.subject, messageId: email.messageId, automatic: how.automatic },
        },
      ],
      threadIds: email.messageId ? [threadKey(email.messageId)] : [],
    }));
    if (how.automatic) return;
    await this.send(c, [this.staffAddress(c.handlerRole)], caseMailNotice(this.policy, c, email.subject, email.text), 'auto-generated', false);
  }

  async recordBounce(reference: string, inbound: { rawKey: string; receivedAt: string }, email: ParsedEmail): Promise<void> {
    const c = await this.update(reference, (current) => ({
      changed: {
        ...current,
        flags: current.flags.includes('complainant-undeliverable') ? current.flags : [...current.flags, 'complainant-undeliverable'],
        complainant: current.complainant,
        updatedAt: inbound.receivedAt,
      },
      events: [
        {
          id: `undeliverable-${digestOf(inbound.rawKey)}`,
          at: inbound.receivedAt,
          type: 'undeliverable',
          actor: email.from?.address ?? 'mailer-daemon',
          summary: "Mail to the complainant's address could not be delivered",
          detail: { rawKey: inbound.rawKey, subject: email.subject },
        },
      ],
      threadIds: [],
    }));
    await this.send(c, [this.staffAddress(c.handlerRole)], undeliverableNotice(this.policy, c), 'auto-generated', false);
  }

  private async send(
    c: Case,
    to: string[],
    letter: Letter,
    autoSubmitted: 'auto-replied' | 'auto-generated',
    toComplainant: boolean,
  ): Promise<{ messageId: string; threadIds: string[] }> {
    const messageId = newMessageId(c.reference, this.deps.mailDomain);
    const from = this.policy.intake.addresses[0] as string;
    const providerId = await this.deps.mailer.send({
      from: { address: from, name: toComplainant ? `${this.policy.organisation.name} complaints` : 'Redress' },
      to,
      ...letter,
      messageId,
      autoSubmitted,
    });
    return { messageId, threadIds: toComplainant ? [threadKey(messageId), providerThreadKey(providerId)] : [] };
  }

  private async update(
    reference: string,
    change: (current: Case) => { changed: Case; events: TimelineEvent[]; threadIds: string[] },
    known?: Case,
  ): Promise<Case> {
    return updateCase(this.deps.store, reference, change, known);
  }

  private mustGet(reference: string): Promise<Case> {
    return mustGetCase(this.deps.store, reference);
  }
}

function mailOutEvent(at: string, what: string, to: string, subject: string, messageId: string): TimelineEvent {
  return {
    id: `mail-out-${digestOf(messageId)}`,
    at,
    type: 'mail-out',
    actor: 'redress',
    summary: `Sent ${what} to ${to}`,
    detail: { to, subject, messageId },
  };
}

function digestOf(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}

function londonDate(iso: string): string {
  return WorkingCalendar.londonDate(DateTime.fromISO(iso));
}
