/**
 * Lambda: SES's bounce, complaint and delivery events for letters sent through this deployment's configuration
 * set, from EventBridge. Each goes onto the case its letter was about (the letter's "case" tag). SES's Send event
 * goes onto the letter's outbox entry (its "letter" tag), so that a letter whose sender was cut off before
 * recording it is not sent again. An error is thrown back to EventBridge, which retries and then dead-letters
 * the event.
 */
import type { Context } from 'aws-lambda';
import { deliveryReportFrom, sentLetterFrom, sesDeliveryEvent, sesSendEvent } from '#adapters/ses/ses-delivery-event';
import { composeMailEvents } from '#composition/mail-events';
import { loadConfig } from '#config/config';

let composed: ReturnType<typeof composeMailEvents> | undefined;

export async function handler(event: unknown, context: Context): Promise<{ outcome: string }> {
  composed ??= composeMailEvents(loadConfig());
  const { record, accepted, log } = composed;
  log.logger.addContext(context);
  const send = sesSendEvent.safeParse(event);
  if (send.success) {
    const { letterId, providerMessageId } = sentLetterFrom(send.data);
    const outcome = await accepted(letterId, providerMessageId);
    log.info('letter taken by SES', { letterId, providerMessageId, outcome });
    return { outcome };
  }
  const { reference, report } = deliveryReportFrom(sesDeliveryEvent.parse(event));
  const outcome = await record(reference, report);
  log.info('delivery report', { reference, kind: report.kind, reportId: report.id, outcome });
  return { outcome };
}
