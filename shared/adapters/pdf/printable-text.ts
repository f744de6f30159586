/**
 * Text from complainants holds characters the letter's font has no glyph for (an emoji, a Chinese name) and
 * characters that are not glyphs at all (a right-to-left override, a zero-width joiner, a control character).
 * pdf-lib throws on a character its font cannot encode, so text is made printable before it is drawn, one
 * grapheme (what a reader sees as one character) at a time: kept if the font has it; a space if it is white space;
 * gone if it is invisible; a look-alike or its letter without the accent where the font has that; and otherwise
 * U+FFFD "\uFFFD", the sign for "a character was here that cannot be shown", once per grapheme (a family emoji
 * made of three people and two joiners is one mark). Never a "?", which a person may have typed, and never
 * nothing, which would silently shorten a name. Never a throw.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  'ł': 'l',
  'Ł': 'L',
  'đ': 'd',
  'Đ': 'D',
  'ħ': 'h',
  'Ħ': 'H',
  'ı': 'i',
  'ŀ': 'l',
  'Ŀ': 'L',
  'ŧ': 't',
  'Ŧ': 'T',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
};

export const NOT_PRINTABLE = '\uFFFD';

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}\p{Co}\p{Cn}\p{Cs}]$/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A control character (C0, DEL, C1): in the font's set, perhaps, but never drawn. */
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

export function printableText(text: string, encodable: ReadonlySet<number>): string {
  const has = (c: string) => {
    const code = c.codePointAt(0) as number;
    return encodable.has(code) && !isControl(code);
  };
  // Most text is printable as it is: checked a character at a time before anything is cut into graphemes.
  let printable = true;
  for (const ch of text) if (!has(ch)) printable = false;
  if (printable) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const chars = [...segment];
    if (chars.every(has)) {
      out += segment;
      continue;
    }
    const kept = chars.map((ch) => (has(ch) ? ch : /^\s$/u.test(ch) ? ' ' : INVISIBLE.test(ch) ? '' : (LOOK_ALIKES[ch] ?? plainLetter(ch, has)))).join('');
    out += kept.includes(NOT_PRINTABLE) ? NOT_PRINTABLE : kept;
  }
  return out;
}

/** "ő" as "o" where the font has "o" but not "ő"; otherwise the mark. */
function plainLetter(ch: string, has: (c: string) => boolean): string {
  const plain = [...ch.normalize('NFKD')].filter(has).join('');
  return plain === '' ? NOT_PRINTABLE : plain;
}
