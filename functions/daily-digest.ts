/**
 * Lambda: the recurring 08:00 (Europe/London, Monday to Friday) schedule. Each organisation whose working day it
 * is gets one digest of its open cases, or none when there is nothing to say.
 */
import type { Context } from 'aws-lambda';
import { DateTime } from 'luxon';
import { awsRuntime } from '#composition/aws-runtime';

export async function handler(_event: unknown, context: Context): Promise<Record<string, string>> {
  const { service, log } = awsRuntime('redress-daily-digest');
  log.logger.addContext(context);
  const now = DateTime.now();
  const outcomes: Record<string, string> = {};
  for (const policy of service.deps.policies.all) outcomes[policy.id] = await service.digest(policy.id, now, context);
  log.info('digests', outcomes);
  return outcomes;
}
