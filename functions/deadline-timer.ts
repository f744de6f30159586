/**
 * Lambda: an EventBridge Scheduler timer went off. The schedule's input names the case and the deadline; the
 * use case re-reads the case and does what is due (or nothing, if the deadline was met or replaced).
 * An error is thrown back to Scheduler, which retries and then dead-letters the input.
 */
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { composeDeadlineTimer } from '#composition/deadline-timer';
import { eventFunction } from '#composition/event-function';
import { loadConfig } from '#config/config';
import { DEADLINE_KINDS } from '#domain/policy/policy-schema';

export const timerInput = z.object({
  reference: z.string().check(z.minLength(1)),
  stage: z.string().check(z.minLength(1)),
  kind: z.enum(DEADLINE_KINDS),
  dueAt: z.string().check(z.minLength(1)),
  deadlinesVersion: z.int().check(z.positive()),
  purpose: z.enum(['deadline', 'reminder']),
});

export const handler = eventFunction(() => composeDeadlineTimer(loadConfig()), async ({ fire, log }, event): Promise<{ outcome: string }> => {
  const input = timerInput.parse(event);
  const outcome = await fire(input);
  log.info('timer handled', { ...input, outcome });
  return { outcome };
});
