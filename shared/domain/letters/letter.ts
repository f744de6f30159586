/** A message ready to send: one subject, the same words as plain text and as simple HTML. */
export interface Letter {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A section of a letter: an optional heading and its paragraphs, all plain text from any source. */
export interface LetterSection {
  readonly heading?: string;
  readonly paragraphs: readonly string[];
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Header values cannot carry line breaks or control characters: that is how header injection works. */
export function headerSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Renders sections as text and as HTML that Outlook and Gmail both show plainly: no CSS classes, no
 * layout tables, every value escaped.
 */
export function renderLetter(subject: string, sections: readonly LetterSection[]): Letter {
  const text = sections
    .map((s) => [s.heading ? `${s.heading}\n${'-'.repeat(s.heading.length)}` : undefined, ...s.paragraphs].filter(Boolean).join('\n\n'))
    .join('\n\n');
  const body = sections
    .map((s) =>
      [
        s.heading ? `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(s.heading)}</h2>` : '',
        ...s.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
      ].join('\n'),
    )
    .join('\n');
  return { subject: headerSafe(subject), text: text + '\n', html: htmlDocument(headerSafe(subject), body) };
}

/** The HTML every letter and notice is wrapped in: plain, no CSS classes, readable in Outlook and Gmail. */
export function htmlDocument(subject: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0b0c0c;max-width:640px">
${body}
</body></html>
`;
}
