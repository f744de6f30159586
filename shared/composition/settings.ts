import type { RetryPolicy } from '#application/correspondence/send-due-letters';
import type { IntakeLimits } from '#application/intake/take-email';
import type { SweepSettings } from '#application/intake/sweep-unclaimed-mail';
import type { Config } from '#config/config';
import type { Sending } from '#domain/letters/addressing';

/** What the use cases are told by the configuration, worked out once from it. */
export interface Settings {
  readonly sending: Sending;
  readonly limits: IntakeLimits;
  readonly retry: RetryPolicy;
  readonly writeRetries: number;
  readonly bounceScanBytes: number;
  readonly ownAddresses: readonly string[];
  readonly reminderHour: number;
  readonly unclaimedMail: SweepSettings;
}

export function settingsFrom(config: Config): Settings {
  return {
    sending: { mailDomain: config.REDRESS_MAIL_DOMAIN, operatorEmail: config.REDRESS_OPERATOR_EMAIL, ...(config.REDRESS_PUBLIC_URL ? { pageBaseUrl: config.REDRESS_PUBLIC_URL } : {}) },
    limits: {
      maxEmailBytes: config.REDRESS_MAX_EMAIL_BYTES,
      maxHtmlLengthToParse: config.REDRESS_MAX_HTML_TO_TEXT,
      maxMimeParts: config.REDRESS_MAX_MIME_PARTS,
      maxAttachments: config.REDRESS_MAX_ATTACHMENTS,
      maxAttachmentBytes: config.REDRESS_MAX_ATTACHMENT_BYTES,
    },
    retry: {
      maxAttempts: config.REDRESS_OUTBOX_MAX_ATTEMPTS,
      baseSeconds: config.REDRESS_OUTBOX_RETRY_BASE_SECONDS,
      maxSeconds: config.REDRESS_OUTBOX_RETRY_MAX_SECONDS,
      leaseSeconds: config.REDRESS_OUTBOX_LEASE_SECONDS,
      batch: config.REDRESS_OUTBOX_BATCH,
    },
    writeRetries: config.REDRESS_WRITE_RETRIES,
    bounceScanBytes: config.REDRESS_BOUNCE_SCAN_BYTES,
    ownAddresses: [config.REDRESS_OPERATOR_EMAIL],
    reminderHour: config.REDRESS_REMINDER_HOUR,
    unclaimedMail: { graceMinutes: config.REDRESS_UNCLAIMED_MAIL_GRACE_MINUTES, retentionYears: config.REDRESS_RETENTION_YEARS, batch: config.REDRESS_UNCLAIMED_MAIL_BATCH },
  };
}
