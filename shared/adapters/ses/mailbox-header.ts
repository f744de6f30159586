import { headerSafe } from '#domain/letters/letter';

/** RFC 2047 allows 75 characters an encoded word; 45 bytes of UTF-8 make 60 of base64 inside `=?UTF-8?B?…?=`. */
const WORD_BYTES = 45;

/**
 * A display name and address as SES wants them in FromEmailAddress: a printable ASCII name quoted, any other
 * name in RFC 2047 encoded words, split between characters so no word breaks one in two.
 */
export function mailboxHeader(name: string, address: string): string {
  const safe = headerSafe(name);
  if (!safe) return address;
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(safe)) return `"${safe.replace(/["\\]/g, '\\$&')}" <${address}>`;
  const words: string[] = [];
  let word = '';
  for (const character of safe) {
    if (Buffer.byteLength(word + character) > WORD_BYTES) {
      words.push(word);
      word = '';
    }
    word += character;
  }
  words.push(word);
  return `${words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(' ')} <${address}>`;
}
