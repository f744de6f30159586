import type { MailAddress } from '#domain/mail/parsed-email';

export interface OutboundEmail {
  readonly from: MailAddress;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Our Message-ID, recorded so that replies thread into the case. */
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  /** Machine-written mail says so (RFC 3834), so that auto-responders do not answer it. */
  readonly autoSubmitted: 'auto-replied' | 'auto-generated';
}

/** Sends mail. One adapter: SES v2 (AWS, or the aws-ses-v2-local emulator). */
export interface Mailer {
  /** Returns the provider's id for the message, which may stand in replies' In-Reply-To. */
  send(email: OutboundEmail): Promise<string>;
}
