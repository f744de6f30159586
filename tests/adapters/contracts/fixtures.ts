/** Cases, writes, letters and held messages for the contract suites: each with keys of its own (a random policy). */
import { randomUUID } from 'node:crypto';
import type { Case, TimelineEvent } from '#domain/case/case';
import type { HeldMessage } from '#domain/mail/held-message';
import { letterItem, timersItem, type OutboxItem } from '#domain/outbox/outbox-item';
import type { ReportRecord } from '#domain/reporting/report-record';
import type { CaseWrite, Claim } from '#application/ports/cases';

export const AT = '2026-11-23T10:00:00.000Z';

/** A policy id of the test's own, so that index queries over a shared table see only its cases. */
export function aPolicy(): string {
  return `p${randomUUID().slice(0, 8)}`;
}

export function aCase(policyId: string, n: number, fields: Partial<Case> = {}): Case {
  return {
    reference: `${policyId.toUpperCase()}-2026-${String(n).padStart(4, '0')}`,
    policyId,
    policyVersion: '1',
    stage: 'stage-1',
    status: 'open',
    channel: 'email',
    confidential: false,
    complainant: { anonymous: false, name: 'Ada Lovelace', email: 'ada@example.org' },
    handlerRole: 'complaints-officer',
    summary: 'The bins were not collected.',
    attachments: [],
    signed: true,
    flags: [],
    deadlines: [],
    participants: [],
    receivedAt: AT,
    updatedAt: AT,
    version: 1,
    deadlinesVersion: 1,
    ...fields,
  };
}

function reportOf(c: Case): CaseWrite['report'] {
  const record: ReportRecord = { reference: c.reference, policyId: c.policyId, channel: c.channel, confidential: c.confidential, recordedAsComplaint: true, status: c.status, receivedAt: c.receivedAt, stagesEntered: [], referrals: [], deadlines: [], outcomes: [], destroyed: false };
  return { record, years: [2026] };
}

/** A write of this case: created (expectedVersion 0) unless told otherwise, with nothing else unless given. */
export function aWrite(c: Case, fields: Partial<CaseWrite> = {}): CaseWrite {
  return { case: c, expectedVersion: 0, events: [], threadKeys: [], pageKeys: [], outbox: [], claims: [], at: c.updatedAt, actions: { pending: [], settled: [] }, report: reportOf(c), ...fields };
}

export function anEvent(id: string, at: string, summary = `event ${id}`): TimelineEvent {
  return { id, at, type: 'note', actor: 'redress', summary };
}

export function aLetter(id: string, reference: string | undefined, fields: { toComplainant?: boolean } = {}): OutboxItem {
  return letterItem({
    id,
    purpose: reference ? 'acknowledgement' : 'digest',
    ...(reference ? { reference } : {}),
    toComplainant: fields.toComplainant ?? Boolean(reference),
    from: { address: 'complaints@redress.test', name: 'Complaints' },
    to: ['ada@example.org'],
    subject: `Letter ${id}`,
    text: 'Dear Ada',
    html: '<p>Dear Ada</p>',
    messageId: `<${id}@redress.test>`,
    autoSubmitted: 'auto-generated',
  });
}

export function aTimersItem(reference: string, version: number): OutboxItem {
  return timersItem(reference, version);
}

export function aHeld(scope: string, id: string, receivedAt = AT): HeldMessage {
  return { id, scope, reason: 'possibly-automatic', rawKey: `inbound/${id}.eml`, receivedAt, from: 'robot@example.org', subject: 'Out of office', excerpt: 'I am away' };
}

export const referenceClaim = (policyId: string, sequence: number): Claim => ({ kind: 'reference', prefix: policyId.toUpperCase(), year: 2026, sequence });
