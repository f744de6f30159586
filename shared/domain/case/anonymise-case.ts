import { providerThreadKey, threadKey } from '#domain/mail/message-id';
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
    // Fixed answers, nothing of the person: the report keeps counting them.
    ...(c.feedback ? { feedback: c.feedback } : {}),
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

/**
 * What else holds or finds the person, read from the case and its timeline before they are redacted: the thread
 * keys of every message in and letter out (a Message-ID can carry a name or an address), the held messages that
 * were released into the case. Those written since each lists itself under the case are found by that list too.
 */
export function lookupsOf(timeline: readonly TimelineEvent[]): { threadKeys: string[]; heldIds: string[] } {
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? [v] : []);
  const threadKeys = timeline.flatMap((e) => [...text(e.detail?.messageId).map(threadKey), ...text(e.detail?.providerMessageId).map(providerThreadKey)]);
  const heldIds = timeline.flatMap((e) => {
    const released = e.detail?.released;
    return typeof released === 'object' && released !== null ? text((released as { heldId?: unknown }).heldId) : [];
  });
  return { threadKeys: [...new Set(threadKeys)], heldIds: [...new Set(heldIds)] };
}
