import { anonymiseCase, lookupsOf, redactEvent, storedFilesOf } from '#domain/case/anonymise-case';
import type { Case, TimelineEvent } from '#domain/case/case';
import { timelineEvent } from '#domain/case/timeline-event';
import { changeCase, type ChangeCaseDeps } from '../change-case.js';
import { pageKey } from '../complainant/page-token.js';
import type { Clock } from '../ports/clock.js';
import type { HeldMail } from '../ports/held-mail.js';
import type { Log } from '../ports/log.js';
import type { Outbox } from '../ports/outbox.js';
import type { RawMail } from '../ports/raw-mail.js';

export interface DestroyPersonalDataDeps extends ChangeCaseDeps {
  readonly rawMail: RawMail;
  readonly outbox: Pick<Outbox, 'forgetLetters'>;
  readonly heldMail: Pick<HeldMail, 'forget'>;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * The retention date has come (Not Alone Mentoring 10.2: six years after closure): everything that holds or finds
 * the person goes. The raw mail, every file stored beside it or sent on the complainant's page; the case's letters
 * and notices in the outbox (sent or waiting: a waiting one is never sent); a held message it was released from
 * keeps only why and when it was held; its thread, page, name and acknowledgement-claim items; the timeline's
 * details (who and what was said); and the case becomes an anonymous record for the statistics (its report records
 * rewritten without words), the destruction on its timeline. Each step can be repeated, and the case is marked
 * destroyed last, so a retry after a failure part-way finishes the job.
 */
export async function destroyPersonalData(deps: DestroyPersonalDataDeps, reference: string): Promise<void> {
  const c = await deps.cases.get(reference);
  if (!c || c.destroyedAt) return;
  const timeline = await deps.cases.timeline(reference);
  const now = deps.clock.now().toISOString();

  const files = await storedFiles(deps.rawMail, c, timeline);
  for (const key of files) await deps.rawMail.delete(key);
  const letters = await deps.outbox.forgetLetters(reference);
  const { threadKeys, heldIds } = lookupsOf(timeline);
  for (const id of heldIds) await deps.heldMail.forget(id, now);
  const lookups = await deps.cases.removeLookups(reference, { threadKeys, pageKeys: c.page ? [pageKey(c.page.token)] : [] });
  await deps.cases.rewriteTimeline(reference, timeline.map(redactEvent));

  await changeCase(deps, reference, (current) => ({
    change: {
      case: anonymiseCase(current, now),
      events: [
        timelineEvent({
          id: 'destroyed',
          at: now,
          type: 'destroyed',
          actor: 'redress',
          summary: `Personal data destroyed at the end of the retention period: ${files.length} stored files, ${letters} letters and notices, ${heldIds.length} held messages and ${lookups} lookup items; an anonymous record remains`,
        }),
      ],
      letters: [],
      threadKeys: [],
      deadlinesChanged: false,
    },
  }));
  deps.log.info('personal data destroyed at the end of retention', { reference, files: files.length, letters, held: heldIds.length, lookups });
}

/**
 * Every stored file of the case: the raw messages and attachments it points at, and whatever else sits in their
 * folders (a file past the limits, a copy left by a crash), and the words and files sent on its page.
 */
async function storedFiles(rawMail: RawMail, c: Case, timeline: readonly TimelineEvent[]): Promise<string[]> {
  const named = storedFilesOf(c, timeline);
  const folders = [...named.filter((k) => !k.startsWith('attachments/')).map((k) => `attachments/${k}/`), `page/${c.reference}/`, `attachments/page/${c.reference}/`];
  const found = await Promise.all(folders.map((f) => rawMail.keysUnder(f)));
  return [...new Set([...named, ...found.flat()])];
}
