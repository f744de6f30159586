/**
 * The most a name printed in a letter may be: real names are a few words, and these bounds keep a greeting a
 * greeting ("Dear Maria de los Ángeles García-López,") rather than a sentence in the organisation's voice.
 */
export const NAME_IN_LETTERS = { maxCharacters: 60, maxWords: 6 } as const;

// A word of a name: letters (any script, with their accents), joined by single hyphens or apostrophes
// ("O'Neill-Ståhl", "D’Arcy"), perhaps ending in a full stop ("J.", "Mrs."). No digits, no "@", no "/", no ":",
// and a full stop never runs into the next letters, so that no address, link, number or sentence is a word.
const WORD = /^[\p{L}\p{M}]+(?:[-\u2010'\u2019][\p{L}\p{M}]+)*\.?$/u;

/**
 * A complainant's name as a letter may print it to address them, or undefined where what they gave is not a
 * plain name: anything a person types into a form or an email's display name is theirs to choose, and a letter
 * sent from the organisation's address must not carry their sentence, link or telephone number
 * ("Resident, your council tax refund of GBP 950 is waiting at www.council-refunds.example") as if it were the
 * organisation's. The name is kept as given on the case for staff; only letters fall back to a plain greeting.
 */
export function nameInLetters(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const plain = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (plain === '' || [...plain].length > NAME_IN_LETTERS.maxCharacters) return undefined;
  const words = plain.split(' ');
  if (words.length > NAME_IN_LETTERS.maxWords || !words.every((w) => WORD.test(w))) return undefined;
  return plain;
}
