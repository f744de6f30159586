import Mustache from 'mustache';
import { headerSafe, htmlDocument, type Letter } from './letter.js';

/**
 * A letter template: Mustache, so that an organisation can edit its letters as data without being able to run
 * code. The body is plain text: paragraphs separated by blank lines, a line starting "## " is a heading, and
 * a paragraph whose lines all start "- " is a list.
 */
export interface LetterTemplate {
  readonly subject: string;
  readonly body: string;
}

/** A template's data: text, lists and yes-or-no facts only (no functions, so a template calls nothing). */
export type TemplateView = { readonly [key: string]: TemplateValue };
export type TemplateValue = string | boolean | undefined | readonly TemplateView[] | TemplateView;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\uE000-\uE002]/g;

/** In plain text a value prints as it is, less the control and direction characters that would disguise it. */
export function cleanValue(value: unknown): string {
  return String(value).replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

// While the layout is read, a value's line breaks and layout characters stand in as private-use characters,
// so that nothing a complainant wrote can become a heading, a list or a new paragraph; they are put back after.
const HELD = { '\n': '\uE000', '#': '\uE001', '-': '\uE002' } as const;
function textValue(value: unknown): string {
  return cleanValue(value).replace(/[\n#-]/g, (c) => HELD[c as keyof typeof HELD]);
}
function restore(text: string): string {
  return text.replace(/\uE000/g, '\n').replace(/\uE001/g, '#').replace(/\uE002/g, '-');
}

/**
 * In HTML a value is escaped, and so are the characters the layout step reads ("#", "-", line breaks), so
 * that nothing a complainant wrote can become a heading, a list or a new paragraph: it prints as their words.
 */
function htmlValue(value: unknown): string {
  return cleanValue(value).replace(/[&<>"'#\n-]/g, (c) => (c === '\n' ? '<br>' : `&#${c.charCodeAt(0)};`));
}

/** A template that is not valid Mustache (an unclosed section, say): found when its policy loads. */
export class LetterTemplateError extends Error {
  constructor(message: string) {
    super(`the template does not parse: ${message}`);
    this.name = 'LetterTemplateError';
  }
}

// Mustache keeps parsed templates in a cache of its own; the templates are few and fixed, so that is bounded.
function render(template: string, view: TemplateView, escape: (value: unknown) => string): string {
  try {
    return Mustache.render(template, view, undefined, { escape });
  } catch (error) {
    throw new LetterTemplateError(error instanceof Error ? error.message : String(error));
  }
}

/** Blocks of the rendered body: runs of non-blank lines. */
function blocks(rendered: string): string[][] {
  return rendered
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
}

function htmlBlock(lines: string[]): string {
  const first = lines[0] as string;
  if (lines.length === 1 && first.startsWith('## ')) return `<h2 style="font-size:16px;margin:20px 0 8px">${first.slice(3)}</h2>`;
  if (lines.every((l) => l.startsWith('- '))) return `<ul style="margin:0 0 12px;padding-left:20px">${lines.map((l) => `<li>${l.slice(2)}</li>`).join('')}</ul>`;
  return `<p style="margin:0 0 12px">${lines.join('<br>')}</p>`;
}

function textBlock(lines: string[]): string {
  const first = lines[0] as string;
  if (lines.length === 1 && first.startsWith('## ')) return `${first.slice(3)}\n${'-'.repeat(first.length - 3)}`;
  return lines.join('\n');
}

/** A link a letter may make clickable in its HTML: a web address of Redress's own making, and https only. */
function safeLink(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.href === value ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Renders a template as a letter: the subject as one safe header line, the body as text and as plain HTML. Each of
 * `links` (the complainant's page, the confirming link: addresses Redress made, never a complainant's words) is a
 * real link in the HTML wherever its value prints, where it is an https address; otherwise it stays plain text.
 */
export function renderTemplate(template: LetterTemplate, view: TemplateView, links: readonly string[] = []): Letter {
  const subject = headerSafe(render(template.subject, view, cleanValue));
  const text = restore(blocks(render(template.body, view, textValue)).map(textBlock).join('\n\n')) + '\n';
  let body = blocks(render(template.body, view, htmlValue)).map(htmlBlock).join('\n');
  for (const link of links.flatMap((l) => safeLink(l) ?? [])) {
    const shown = htmlValue(link);
    body = body.split(shown).join(`<a href="${shown}">${shown}</a>`);
  }
  return { subject, text, html: htmlDocument(subject, body) };
}
