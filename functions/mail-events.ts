/**
 * Lambda: SES's bounce, complaint and delivery events for letters sent through this deployment's configuration
 * set, from EventBridge. Each goes onto the case its letter was about (the letter's "case" tag). SES's Send event
 * goes onto the letter's outbox entry (its "letter" tag), so that a letter whose sender was cut off before
 * recording it is not sent again. An error is thrown back to EventBridge, which retries and then dead-letters
 * the event.
 */
import { deliveryReportFrom, sentLetterFrom, sesDeliveryEvent, sesSendEvent } from '#adapters/ses/ses-delivery-event';
import { composeMailEvents } from '#composition/mail-events';
import { eventFunction } from '#composition/event-function';
import { loadConfig } from '#config/config';

export const handler = eventFunction(() => composeMailEvents(loadConfig()), async ({ record, accepted, log }, event): Promise<{ outcome: string }> => {
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
});
