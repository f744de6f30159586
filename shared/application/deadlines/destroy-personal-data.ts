import { anonymiseCase, redactEvent, storedFilesOf } from '#domain/case/anonymise-case';
import { timelineEvent } from '#domain/case/timeline-event';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';
import type { Clock } from '../ports/clock.js';
import type { Log } from '../ports/log.js';
import type { RawMail } from '../ports/raw-mail.js';

/**
 * The retention date has come (Not Alone Mentoring 10.2: six years after closure): the raw mail and
 * attachments are deleted, the timeline loses who and what was said, and the case becomes an anonymous
 * record for the statistics, the destruction on its timeline. Each step can be repeated, so a retry after a
 * failure part-way finishes the job.
 */
export async function destroyPersonalData(deps: ChangeCaseDeps & { readonly rawMail: RawMail; readonly clock: Clock; readonly log: Log }, reference: string): Promise<void> {
  const c = await deps.cases.get(reference);
  if (!c || c.destroyedAt) return;
  const timeline = await deps.cases.timeline(reference);
  const files = storedFilesOf(c, timeline);
  for (const key of files) await deps.rawMail.delete(key);
  await deps.cases.rewriteTimeline(reference, timeline.map(redactEvent));
  const now = deps.clock.now().toISOString();
  await changeCase(deps, reference, (current) => ({
    change: {
      case: anonymiseCase(current, now),
      events: [
        timelineEvent({
          id: 'destroyed',
          at: now,
          type: 'destroyed',
          actor: 'redress',
          summary: `Personal data destroyed at the end of the retention period: ${files.length} stored files deleted; an anonymous record remains`,
        }),
      ],
      letters: [],
      threadKeys: [],
      deadlinesChanged: false,
    },
  }));
  deps.log.info('personal data destroyed at the end of retention', { reference, files: files.length });
}
