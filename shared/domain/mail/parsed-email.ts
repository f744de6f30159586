/** What Redress takes from one email; everything a rule or a person needs, nothing tied to a parser. */
export interface MailAddress {
  readonly address: string;
  readonly name: string;
}

export interface ParsedAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly dangerous: boolean;
  /** Where the bytes were kept; absent when a limit stopped them being stored. */
  readonly storageKey?: string;
}

export interface ParsedEmail {
  /** The From address; absent when there is none, or when the message has more than one From header. */
  readonly from?: MailAddress;
  /** How many From headers the message has (RFC 5322 allows exactly one). */
  readonly fromHeaders: number;
  readonly sender?: MailAddress;
  readonly replyTo?: MailAddress;
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  readonly subject: string;
  readonly date?: string;
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly references: readonly string[];
  /** The plain text; the HTML turned to text when there is no text part. */
  readonly text: string;
  /** HTML too large or too deep to turn into text within the limits. */
  readonly textNotConverted: boolean;
  readonly attachments: readonly ParsedAttachment[];
  /** Header names in lower case, every value of each, unfolded. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  /** The top-level content type with parameters, e.g. "multipart/report; report-type=delivery-status". */
  readonly contentType: string;
}

export function header(email: Pick<ParsedEmail, 'headers'>, name: string): string | undefined {
  return email.headers.get(name.toLowerCase())?.[0];
}
