import type { Case, StageOutcome, TimelineEvent } from './case.js';

/**
 * What stays of a case after its retention date (Not Alone Mentoring 10.2): an anonymous record for the
 * statistics (organisation, stage, channel, category, dates, each stage's decision, remedies and actions' dates).
 * The complainant, whom it is about, the subject, the words (of the complaint, the reasons, the actions, the
 * lessons), the incident, attachments, participants and flags are gone; the retention deadline is met.
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
    ...(c.category ? { category: c.category } : {}),
    ...(c.stagesEntered ? { stagesEntered: c.stagesEntered } : {}),
    ...(c.referrals ? { referrals: c.referrals } : {}),
    ...(c.recordedAsComplaint === false ? { recordedAsComplaint: false } : {}),
    ...(c.redirectedTo ? { redirectedTo: c.redirectedTo } : {}),
    ...(c.outcome ? { outcome: wordless(c.outcome) } : {}),
    ...(c.outcomes ? { outcomes: c.outcomes.map(wordless) } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    updatedAt: now,
    version: c.version,
    deadlinesVersion: c.deadlinesVersion,
    destroyedAt: now,
  };
}

/** A decision without its words: what was decided, when, by which role, and the remedies and actions' dates. */
function wordless(o: StageOutcome): StageOutcome {
  return { stage: o.stage, decision: o.decision, at: o.at, by: o.handlerRole, handlerRole: o.handlerRole, summary: '', remedies: o.remedies, actions: o.actions.map((a) => ({ text: '', due: a.due, ...(a.doneAt ? { doneAt: a.doneAt } : {}) })) };
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
