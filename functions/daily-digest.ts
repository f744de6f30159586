/**
 * Lambda: the recurring morning schedules (Europe/London). `{ task: 'digests' }` each weekday: each organisation
 * whose working day it is gets one digest of its open cases in the outbox, or none when there is nothing to say;
 * on its first working day of the week, the look for themes too (a notice only when something is well above
 * usual). `{ task: 'annual-reports' }` on January's weekdays: an organisation whose policy asks gets the year just
 * ended's report on its first working day, once. `{ task: 'quarterly-summaries' }` on the first weekdays of
 * January, April, July and October: the quarter just ended's summary to the Member Responsible for Complaints,
 * once. With no task (the local clock, an operator's test invocation), all of them.
 */
import { DateTime } from 'luxon';
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { composeDailyDigest } from '#composition/daily-digest';
import { eventFunction } from '#composition/event-function';
import { loadConfig } from '#config/config';

export const morningInput = z.object({ task: z.optional(z.enum(['digests', 'annual-reports', 'quarterly-summaries'])) });

export const handler = eventFunction(() => composeDailyDigest(loadConfig()), async ({ send, sendReport, sendThemes, sendQuarterlySummary, policies, log }, event) => {
  const { task } = morningInput.parse(event ?? {});
  const now = DateTime.now();
  const outcomes: Record<string, string> = {};
  const does = (t: NonNullable<typeof task>) => task === undefined || task === t;
  // Doing more than one task, a report, summary or themes notice is named only when it went, so the digests'
  // outcomes stay easy to read.
  const named = (t: NonNullable<typeof task>, outcome: string) => task === t || outcome === 'sent' || outcome === 'already-sent';
  for (const policy of policies.all) {
    if (does('digests')) {
      outcomes[policy.id] = await send(policy.id, now);
      const themes = await sendThemes(policy.id, now);
      if (themes === 'sent' || themes === 'already-sent') outcomes[`${policy.id} themes`] = themes;
    }
    if (does('annual-reports')) {
      const report = await sendReport(policy.id, now);
      if (named('annual-reports', report)) outcomes[`${policy.id} annual report`] = report;
    }
    if (does('quarterly-summaries')) {
      const summary = await sendQuarterlySummary(policy.id, now);
      if (named('quarterly-summaries', summary)) outcomes[`${policy.id} quarterly summary`] = summary;
    }
  }
  log.info('morning', { task: task ?? 'all', ...outcomes });
  return outcomes;
});
