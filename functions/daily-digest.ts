/**
 * Lambda: the recurring morning schedule (Europe/London, Monday to Friday). Each organisation whose working day
 * it is gets one digest of its open cases in the outbox, or none when there is nothing to say; in January, an
 * organisation whose policy asks gets the year just ended's annual report, once.
 */
import type { Context } from 'aws-lambda';
import { DateTime } from 'luxon';
import { composeDailyDigest } from '#composition/daily-digest';
import { loadConfig } from '#config/config';

let composed: ReturnType<typeof composeDailyDigest> | undefined;

export async function handler(_event: unknown, context: Context): Promise<Record<string, string>> {
  composed ??= composeDailyDigest(loadConfig());
  const { send, sendReport, policies, log } = composed;
  log.logger.addContext(context);
  const now = DateTime.now();
  const outcomes: Record<string, string> = {};
  for (const policy of policies.all) {
    outcomes[policy.id] = await send(policy.id, now);
    const report = await sendReport(policy.id, now);
    if (report === 'sent' || report === 'already-sent') outcomes[`${policy.id} annual report`] = report;
  }
  log.info('digests', outcomes);
  return outcomes;
}
