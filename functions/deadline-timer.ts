/**
 * Lambda: an EventBridge Scheduler timer went off. The schedule's input names the case and the deadline; the
 * shared domain re-reads the case and does what is due (or nothing, if the deadline was met or replaced).
 * An error is thrown back to Scheduler, which retries and then dead-letters the input.
 */
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { DEADLINE_KINDS } from '#domain/policy/policy-schema';
import { awsRuntime } from '#composition/aws-runtime';

export const timerInput = z.object({
  reference: z.string().min(1),
  stage: z.string().min(1),
  kind: z.enum(DEADLINE_KINDS),
  dueAt: z.string().min(1),
  deadlinesVersion: z.number().int().positive(),
  purpose: z.enum(['deadline', 'reminder']),
});

export async function handler(event: unknown, context: Context): Promise<{ outcome: string }> {
  const { service, log } = awsRuntime('redress-deadline-timer');
  log.logger.addContext(context);
  const input = timerInput.parse(event);
  const outcome = await service.fire(input, context);
  if (outcome === 'in-progress') throw new Error(`timer for ${input.reference} is being handled elsewhere; Scheduler will retry`);
  log.info('timer handled', { ...input, outcome });
  return { outcome };
}
