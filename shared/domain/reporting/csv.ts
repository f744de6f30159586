/**
 * One CSV line (RFC 4180): every field quoted, quotes doubled, and a text field a spreadsheet would take for a
 * formula (=, +, -, @, tab, return first) kept as text with a leading apostrophe. Complainants' words go into
 * monitoring exports: they must not run when staff open the file.
 */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells
    .map((cell) => {
      const text = String(cell ?? '');
      return `"${(typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
    })
    .join(',');
}

/** Lines joined as CSV wants them, with the closing line break. */
export function csvDocument(lines: readonly string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}
