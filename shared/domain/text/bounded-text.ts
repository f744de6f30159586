/**
 * How much of what a complainant sends is kept in a case item: DynamoDB refuses an item over 400 KB, so every
 * free-text field has a bound in UTF-8 bytes. The whole text always stays in the raw message store.
 */
export const TEXT_BOUNDS = {
  /** RFC 5322's line limit: no real subject is longer. */
  subject: 998,
  name: 200,
  address: 320,
  /** A postal address, as the web form bounds it (500 characters, at most 4 bytes each). */
  postalAddress: 2_000,
  /** The words of the complaint kept in the case item (about 16,000 words). */
  summary: 96 * 1024,
  /** A complainant's reasons for asking for the next stage, kept on the case and sent to its handler. */
  grounds: 8 * 1024,
  /** Short fields copied into timeline events and held-message records. */
  detail: 2_000,
  /** The text of a held message, enough to judge whether it is a complaint (about 2,500 words); its case keeps the whole. */
  heldText: 16 * 1024,
} as const;

/** The text cut to at most `maxBytes` of UTF-8 on a character boundary, marked when something was cut. */
export function boundText(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  const marker = ' […]';
  const budget = maxBytes - utf8Length(marker);
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (bytes + size > budget) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end) + marker;
}

/** Whether a text was cut by boundText. */
export function wasBounded(original: string, maxBytes: number): boolean {
  return utf8Length(original) > maxBytes;
}

const encoder = new TextEncoder();

/** The length of a text in UTF-8 bytes, as DynamoDB counts it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
