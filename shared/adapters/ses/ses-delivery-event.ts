import * as z from 'zod/mini';
import '#domain/text/schema-language';
import type { DeliveryReport } from '#domain/case/delivery-report';

/** The message tag the outbox sets on every letter about a case, so that SES's reports on it find the case. */
export const CASE_TAG = 'case';
/** The message tag naming the letter (its outbox id), so that SES's Send event finds the outbox entry. */
export const LETTER_TAG = 'letter';
/** The header naming the letter on the message itself, where a provider keeps headers but not tags (the emulator). */
export const LETTER_HEADER = 'X-Redress-Letter';

const recipient = z.object({ emailAddress: z.string().check(z.minLength(1), z.maxLength(320)) });
const tags = z.optional(z.record(z.string(), z.array(z.string())));

/**
 * SES's event for a letter sent through the configuration set, as EventBridge delivers it (detail-type "Email
 * Bounced", "Email Complaint Received" or "Email Delivered"). Only what Redress reads is checked; the rest passes.
 */
export const sesDeliveryEvent = z.object({
  source: z.literal('aws.ses'),
  detail: z.discriminatedUnion('eventType', [
    z.object({
      eventType: z.literal('Bounce'),
      mail: z.object({ messageId: z.string().check(z.minLength(1)), tags }),
      bounce: z.object({ bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']), bounceSubType: z.optional(z.string().check(z.maxLength(100))), bouncedRecipients: z.array(recipient).check(z.minLength(1), z.maxLength(50)), timestamp: z.string().check(z.minLength(1)), feedbackId: z.string().check(z.minLength(1), z.maxLength(200)) }),
    }),
    z.object({
      eventType: z.literal('Complaint'),
      mail: z.object({ messageId: z.string().check(z.minLength(1)), tags }),
      complaint: z.object({ complainedRecipients: z.array(recipient).check(z.minLength(1), z.maxLength(50)), timestamp: z.string().check(z.minLength(1)), feedbackId: z.string().check(z.minLength(1), z.maxLength(200)), complaintFeedbackType: z.optional(z.string().check(z.maxLength(100))) }),
    }),
    z.object({
      eventType: z.literal('Delivery'),
      mail: z.object({ messageId: z.string().check(z.minLength(1)), tags }),
      delivery: z.object({ recipients: z.array(z.string().check(z.minLength(1), z.maxLength(320))).check(z.minLength(1), z.maxLength(50)), timestamp: z.string().check(z.minLength(1)) }),
    }),
  ]),
});

export type SesDeliveryEvent = z.infer<typeof sesDeliveryEvent>;

/** SES's event that it took a letter (detail-type "Email Sent"), sent as the letter's sender asked. */
export const sesSendEvent = z.object({
  source: z.literal('aws.ses'),
  detail: z.object({ eventType: z.literal('Send'), mail: z.object({ messageId: z.string().check(z.minLength(1), z.maxLength(200)), tags }) }),
});

export type SesSendEvent = z.infer<typeof sesSendEvent>;

/** The letter SES took (from its `letter` tag; none on mail sent before letters were tagged) and SES's id for it. */
export function sentLetterFrom(event: SesSendEvent): { readonly letterId?: string; readonly providerMessageId: string } {
  const tag = event.detail.mail.tags?.[LETTER_TAG]?.[0];
  return { ...(tag ? { letterId: letterIdFromTag(tag) } : {}), providerMessageId: event.detail.mail.messageId };
}

/** The case the letter was about (from its tag) and what SES reported, in the domain's words. */
export function deliveryReportFrom(event: SesDeliveryEvent): { readonly reference?: string; readonly report: DeliveryReport } {
  const { detail } = event;
  const reference = detail.mail.tags?.[CASE_TAG]?.[0];
  const withCase = <R>(report: R) => ({ ...(reference ? { reference } : {}), report });
  switch (detail.eventType) {
    case 'Bounce':
      return withCase({
        kind: 'bounced',
        id: detail.bounce.feedbackId,
        at: detail.bounce.timestamp,
        recipients: detail.bounce.bouncedRecipients.map((r) => r.emailAddress),
        permanent: detail.bounce.bounceType === 'Permanent',
        reason: [detail.bounce.bounceType, detail.bounce.bounceSubType].filter(Boolean).join('/'),
      });
    case 'Complaint':
      return withCase({
        kind: 'marked-as-spam',
        id: detail.complaint.feedbackId,
        at: detail.complaint.timestamp,
        recipients: detail.complaint.complainedRecipients.map((r) => r.emailAddress),
        ...(detail.complaint.complaintFeedbackType ? { reason: detail.complaint.complaintFeedbackType } : {}),
      });
    case 'Delivery':
      return withCase({ kind: 'delivered', id: `${detail.mail.messageId}-delivery`, at: detail.delivery.timestamp, recipients: detail.delivery.recipients });
  }
}

/** A tag value SES accepts (letters, digits, "_" and "-", at most 256), made from a case reference. */
export function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
}

/** A letter's id as a tag value SES accepts and gives back unchanged (base64url is its alphabet); undefined past 256. */
export function letterTagValue(letterId: string): string | undefined {
  const value = Buffer.from(letterId, 'utf8').toString('base64url');
  return value.length <= 256 ? value : undefined;
}

/** The letter's id from its tag value (see letterTagValue). */
export function letterIdFromTag(value: string): string {
  return Buffer.from(value, 'base64url').toString('utf8');
}
