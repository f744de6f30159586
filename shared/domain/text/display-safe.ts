/**
 * Text from complainants shown where control characters act: a terminal (ESC colour codes, OSC-8 links, a bare
 * CR that rewrites the line) or a one-line field. C0 and C1 controls, DEL and the bidirectional overrides and
 * isolates are shown as visible escapes (`\x1b`, `\u202e`) instead of acting.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\u0085]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Multi-line text for a terminal: line feeds and tabs kept, every other control made visible. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** A one-line field (a name, a subject, a table cell): every control, line breaks included, made visible. */
export function oneLineSafe(text: string): string {
  return text.replace(UNSAFE_ONE_LINE, visible);
}

/** A name or subject as it is stored: controls and bidi overrides removed, runs of white space made one space. */
export function cleanOneLine(text: string): string {
  return text.replace(UNSAFE_ONE_LINE, ' ').replace(/\s+/g, ' ').trim();
}

/** The bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make a name or file read backwards. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text as it is taken in from a person, staff or complainant: the bidi overrides and isolates removed, all else kept. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
