/**
 * Lambda: SES receipt rule -> intake. SES has already stored the raw message in S3 (the rule's S3 action);
 * this notes the receipt, then hands each message to the same use case as the local stack. On a recurring
 * schedule (`{ task: 'sweep-unclaimed-mail' }`) it sweeps raw mail that intake never kept. Errors are
 * thrown, so Lambda retries the asynchronous invocation and, after the last try, sends it to the dead-letter
 * queue; the raw message stays in S3 either way.
 */
import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { composeEmailIntake } from '#composition/email-intake';
import { eventFunction } from '#composition/event-function';
import { loadConfig } from '#config/config';

const verdict = z.optional(z.object({ status: z.enum(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED']) }));

export const sesReceiptEvent = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:ses'),
        ses: z.object({
          mail: z.object({ messageId: z.string().check(z.minLength(1)), timestamp: z.string(), source: z.optional(z.string()) }),
          receipt: z.object({
            timestamp: z.string(),
            recipients: z.array(z.string()),
            spamVerdict: verdict,
            virusVerdict: verdict,
            spfVerdict: verdict,
            dkimVerdict: verdict,
            dmarcVerdict: verdict,
          }),
        }),
      }),
    )
    .check(z.minLength(1)),
});

/** The recurring schedule's input: sweep raw mail that intake never kept. */
export const sweepInput = z.object({ task: z.literal('sweep-unclaimed-mail') });

export const handler = eventFunction(() => composeEmailIntake(loadConfig()), async ({ take, sweep, rawMailPrefix, log }, event): Promise<{ taken: number } | { kept: number; destroyed: number; failed: number }> => {
  if (sweepInput.safeParse(event).success) {
    const report = await sweep();
    log.info('unclaimed mail swept', { ...report });
    return report;
  }
  const { Records } = sesReceiptEvent.parse(event);
  for (const { ses } of Records) {
    const { receipt } = ses;
    const outcomes = await take({
      rawKey: `${rawMailPrefix}${ses.mail.messageId}`,
      recipients: receipt.recipients,
      ...(ses.mail.source ? { envelopeFrom: ses.mail.source } : {}),
      receivedAt: new Date(receipt.timestamp).toISOString(),
      verdicts: {
        spam: receipt.spamVerdict?.status,
        virus: receipt.virusVerdict?.status,
        spf: receipt.spfVerdict?.status,
        dkim: receipt.dkimVerdict?.status,
        dmarc: receipt.dmarcVerdict?.status,
      },
    });
    log.info('message taken in', { messageId: ses.mail.messageId, outcomes });
  }
  return { taken: Records.length };
});
