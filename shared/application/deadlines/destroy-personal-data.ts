import type { Case, TimelineEvent } from '#domain/case/case';
import { updateCase } from '#application/update-case';
import type { CaseStore } from '#application/ports/case-store';
import type { Log } from '#application/ports/logger';
import type { RawMailStore } from '#application/ports/raw-mail-store';

/**
 * The retention date has come (Not Alone Mentoring 10.2: six years after closure): the raw mail, attachments,
 * the complainant's details and the words of the complaint are destroyed; an anonymous record stays for the
 * statistics (organisation, stage, channel, dates, outcome), and the destruction is on the timeline.
 */
export async function destroyPersonalData(deps: { store: CaseStore; rawMail: RawMailStore; log: Log }, c: Case, now: string): Promise<void> {
  const timeline = await deps.store.timeline(c.reference);
  const stored = [
    ...timeline.map((e) => e.detail?.rawKey).filter((k): k is string => typeof k === 'string'),
    ...c.attachments.map((a) => a.storageKey),
  ];
  for (const key of new Set(stored)) await deps.rawMail.delete(key);
  await deps.store.rewriteTimeline(c.reference, timeline.map(redact));
  await updateCase(deps.store, c.reference, (current) => ({
    changed: {
      reference: current.reference,
      policyId: current.policyId,
      policyVersion: current.policyVersion,
      stage: current.stage,
      status: current.status,
      channel: current.channel,
      confidential: current.confidential,
      complainant: { anonymous: true },
      handlerRole: current.handlerRole,
      summary: '',
      attachments: [],
      signed: current.signed,
      flags: [],
      deadlines: current.deadlines.map((d) => (d.kind === 'retention' && d.status === 'pending' ? { ...d, status: 'met' as const } : d)),
      participants: [],
      receivedAt: current.receivedAt,
      ...(current.acknowledgedAt ? { acknowledgedAt: current.acknowledgedAt } : {}),
      ...(current.outcome ? { outcome: current.outcome } : {}),
      ...(current.closedAt ? { closedAt: current.closedAt } : {}),
      updatedAt: now,
      version: current.version,
      deadlinesVersion: current.deadlinesVersion,
      destroyedAt: now,
    },
    events: [
      {
        id: 'destroyed',
        at: now,
        type: 'destroyed',
        actor: 'redress',
        summary: `Personal data destroyed at the end of the retention period: ${stored.length} stored files deleted; an anonymous record remains`,
      },
    ],
  }));
  deps.log.info('personal data destroyed at the end of retention', { reference: c.reference, files: stored.length });
}

/** What a timeline event keeps after destruction: what happened and when, not who or what was said. */
function redact(e: TimelineEvent): TimelineEvent {
  return { id: e.id, at: e.at, type: e.type, actor: e.actor === 'redress' ? 'redress' : 'person', summary: e.type };
}
