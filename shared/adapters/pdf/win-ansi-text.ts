/**
 * Letters the other way round (Hebrew, a reversed-text override) and characters outside Latin-1 (emoji, Polish
 * "ł", a Chinese name) come in from complainants. The PDF's standard fonts encode WinAnsi only, and pdf-lib throws
 * on anything else, so text is made encodable before it is drawn: accents dropped where the letter is not in the
 * set ("ő" to "o"), a few look-alikes, invisible format characters (bidi overrides, zero-width joiners) removed,
 * every other space a plain one, and anything left a "?". Never a throw.
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

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}\p{Co}\p{Cn}\p{Cs}]$/u;

export function winAnsiText(text: string, encodable: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (encodable.has(code) && !/^\p{Cc}$/u.test(ch)) out += ch;
    else if (/^\s$/u.test(ch)) out += ' ';
    else if (INVISIBLE.test(ch)) continue;
    else if (LOOK_ALIKES[ch]) out += LOOK_ALIKES[ch];
    else {
      const plain = [...ch.normalize('NFKD')].filter((c) => encodable.has(c.codePointAt(0) as number) && !/^\p{Cc}$/u.test(c)).join('');
      out += plain === '' ? '?' : plain;
    }
  }
  return out;
}
