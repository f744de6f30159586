/** Bounds that keep one hostile message from stalling or exhausting the parser. */
export interface EmailParseLimits {
  /** HTML longer than this is kept but not turned into text. */
  readonly maxHtmlLengthToParse: number;
  /** MIME parts in one message. */
  readonly maxMimeParts: number;
  /** Attachments stored separately; the rest stay in the raw message. */
  readonly maxAttachments: number;
  /** Bytes of one attachment stored separately. */
  readonly maxAttachmentBytes: number;
}

export const DEFAULT_PARSE_LIMITS: EmailParseLimits = {
  maxHtmlLengthToParse: 2_000_000,
  maxMimeParts: 500,
  maxAttachments: 20,
  maxAttachmentBytes: 25_000_000,
};
