import type { TimelineEvent, TimelineEventType } from './case.js';

/**
 * The one way a timeline event is made. Its id is stable for one happening (by default its type and instant),
 * so that recording the same happening again, on a retried delivery, writes the same event.
 */
export function timelineEvent(fields: {
  readonly at: string;
  readonly type: TimelineEventType;
  readonly actor: string;
  readonly summary: string;
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly id?: string;
}): TimelineEvent {
  return {
    id: fields.id ?? `${fields.type}-${fields.at}`,
    at: fields.at,
    type: fields.type,
    actor: fields.actor,
    summary: fields.summary,
    ...(fields.detail ? { detail: fields.detail } : {}),
  };
}
