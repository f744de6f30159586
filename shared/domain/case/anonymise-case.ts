import type { Case, TimelineEvent } from './case.js';

/**
 * What stays of a case after its retention date (Not Alone Mentoring 10.2): an anonymous record for the
 * statistics (organisation, stage, channel, dates, outcome). The complainant, whom it is about, the subject,
 * the words, the incident, attachments, participants and flags are gone; the retention deadline is met.
 */
export function anonymiseCase(c: Case, now: string): Case {
  return {
    reference: c.reference,
    policyId: c.policyId,
    policyVersion: c.policyVersion,
    stage: c.stage,
    status: c.status,
    channel: c.channel,
    confidential: c.confidential,
    complainant: { anonymous: true },
    handlerRole: c.handlerRole,
    summary: '',
    attachments: [],
    signed: c.signed,
    flags: [],
    deadlines: c.deadlines.map((d) => (d.kind === 'retention' && d.status === 'pending' ? { ...d, status: 'met' as const } : d)),
    participants: [],
    receivedAt: c.receivedAt,
    ...(c.acknowledgedAt ? { acknowledgedAt: c.acknowledgedAt } : {}),
    ...(c.outcome ? { outcome: c.outcome } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    updatedAt: now,
    version: c.version,
    deadlinesVersion: c.deadlinesVersion,
    destroyedAt: now,
  };
}

/** What a timeline event keeps after destruction: what happened and when, not who or what was said. */
export function redactEvent(e: TimelineEvent): TimelineEvent {
  return { id: e.id, at: e.at, type: e.type, actor: e.actor === 'redress' ? 'redress' : 'person', summary: e.type };
}

/** The stored files a case points at (raw messages and attachments): what destruction deletes. */
export function storedFilesOf(c: Case, timeline: readonly TimelineEvent[]): string[] {
  return [
    ...new Set([
      ...timeline.map((e) => e.detail?.rawKey).filter((k): k is string => typeof k === 'string'),
      ...c.attachments.map((a) => a.storageKey),
    ]),
  ];
}
