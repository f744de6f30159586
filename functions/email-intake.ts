/**
 * Lambda: SES receipt rule -> intake. SES has already stored the raw message in S3 (the rule's S3 action);
 * this reads the receipt, then hands each message to the same intake as the local stack. Errors are thrown,
 * so Lambda retries the asynchronous invocation and, after the last try, sends it to the dead-letter queue.
 */
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { awsRuntime } from '#composition/aws-runtime';

const verdict = z.object({ status: z.enum(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED']) }).optional();

export const sesReceiptEvent = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:ses'),
        ses: z.object({
          mail: z.object({ messageId: z.string().min(1), timestamp: z.string() }),
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
    .min(1),
});

export async function handler(event: unknown, context: Context): Promise<{ taken: number }> {
  const { service: intake, config, log } = awsRuntime('redress-email-intake');
  const rawMailPrefix = config.REDRESS_RAW_MAIL_PREFIX;
  log.logger.addContext(context);
  const { Records } = sesReceiptEvent.parse(event);
  for (const { ses } of Records) {
    const { receipt } = ses;
    const result = await intake.take(
      {
        deliveryId: ses.mail.messageId,
        rawKey: `${rawMailPrefix}${ses.mail.messageId}`,
        recipients: receipt.recipients,
        receivedAt: new Date(receipt.timestamp).toISOString(),
        verdicts: {
          spam: receipt.spamVerdict?.status,
          virus: receipt.virusVerdict?.status,
          spf: receipt.spfVerdict?.status,
          dkim: receipt.dkimVerdict?.status,
          dmarc: receipt.dmarcVerdict?.status,
        },
      },
      context,
    );
    log.info('message taken in', { messageId: ses.mail.messageId, result });
  }
  return { taken: Records.length };
}
