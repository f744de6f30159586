/**
 * Lambda: the outbox sender. Driven by the table's stream (a new outbox entry, filtered to OUTBOX# inserts) and
 * by a schedule every minute (retries that have come due); either way it works through what is pending. A
 * failure to send one letter is recorded on it and retried later; only a failure to reach the table is thrown,
 * so Lambda retries the batch.
 */
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { composeOutboxSender } from '#composition/outbox-sender';
import { eventFunction } from '#composition/event-function';
import { loadConfig } from '#config/config';

/** Either a DynamoDB stream batch or the scheduled sweep's `{ "sweep": true }`: both mean "send what is due". */
export const outboxEvent = z.union([z.object({ Records: z.array(z.object({ eventName: z.optional(z.string()) })) }), z.object({ sweep: z.literal(true) })]);

export const handler = eventFunction(() => composeOutboxSender(loadConfig()), async ({ sendDue, log }, event): Promise<{ sent: number; timersSet: number; failed: number; dead: number; waiting: number }> => {
  outboxEvent.parse(event);
  const report = await sendDue();
  log.info('outbox sent', { ...report });
  return report;
});
