import { describe, expect, it } from 'vitest';
import { cleanOneLine, oneLineSafe, terminalSafe } from '#domain/text/display-safe';
import { boundText, utf8Length } from '#domain/text/bounded-text';

describe('text from complainants in a terminal', () => {
  it.each([
    ['ESC colour codes', 'Pat \u001b[31mRED\u001b[0m', 'Pat \\x1b[31mRED\\x1b[0m'],
    ['an OSC-8 hyperlink', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', '\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07'],
    ['a bare CR that rewrites the line', 'Innocent\rEVIL', 'Innocent\\x0dEVIL'],
    ['a vertical tab', 'a\u000bb', 'a\\x0bb'],
    ['NEL (C1 next line)', 'a\u0085b', 'a\\x85b'],
    ['a right-to-left override', 'invoice\u202egnp.exe', 'invoice\\u202egnp.exe'],
    ['bidi isolates', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
  ])('%s is shown, not obeyed', (_what, input, shown) => {
    expect(oneLineSafe(input)).toBe(shown);
    expect(terminalSafe(input)).toBe(shown);
  });

  it('multi-line text keeps its line feeds and tabs; a one-line field shows them', () => {
    expect(terminalSafe('line one\n\tline two')).toBe('line one\n\tline two');
    expect(oneLineSafe('line one\nline two')).toBe('line one\\x0aline two');
  });

  it('names and subjects are stored without control characters', () => {
    expect(cleanOneLine(' Pat\r\n\u001b[31m  Person\u202e ')).toBe('Pat [31m Person');
  });
});

describe('bounded text', () => {
  it('cuts on a character boundary within the byte limit, and says it was cut', () => {
    const cut = boundText('é'.repeat(1000), 101);
    expect(utf8Length(cut)).toBeLessThanOrEqual(101);
    expect(cut.endsWith(' […]')).toBe(true);
    expect(cut.replace(' […]', '')).toMatch(/^é+$/);
    expect(boundText('short', 100)).toBe('short');
  });
});
