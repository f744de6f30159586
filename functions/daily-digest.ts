/**
 * Lambda: the recurring morning schedules (Europe/London). `{ task: 'digests' }` each weekday: each organisation
 * whose working day it is gets one digest of its open cases in the outbox, or none when there is nothing to say.
 * `{ task: 'annual-reports' }` on January's weekdays: an organisation whose policy asks gets the year just ended's
 * report on its first working day, once. With no task (the local clock, an operator's test invocation), both.
 */
import { DateTime } from 'luxon';
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { composeDailyDigest } from '#composition/daily-digest';
import { eventFunction } from '#composition/event-function';
import { loadConfig } from '#config/config';

export const morningInput = z.object({ task: z.optional(z.enum(['digests', 'annual-reports'])) });

export const handler = eventFunction(() => composeDailyDigest(loadConfig()), async ({ send, sendReport, policies, log }, event) => {
  const { task } = morningInput.parse(event ?? {});
  const now = DateTime.now();
  const outcomes: Record<string, string> = {};
  const digests = task !== 'annual-reports';
  const reports = task !== 'digests';
  for (const policy of policies.all) {
    if (digests) outcomes[policy.id] = await send(policy.id, now);
    if (!reports) continue;
    const report = await sendReport(policy.id, now);
    // Doing both, a report is named only when it was due, so the digests' outcomes stay easy to read.
    if (!digests || report === 'sent' || report === 'already-sent') outcomes[`${policy.id} annual report`] = report;
  }
  log.info('morning', { task: task ?? 'both', ...outcomes });
  return outcomes;
});
