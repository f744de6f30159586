import { londonDate } from '#domain/calendar/london-date';
import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import { nameInLetters } from '#domain/text/name-in-letters';
import { dateInWords } from './dates-in-words.js';
import { addressLines, organisationBlock } from './post-letter.js';

/** A part of a letter's body: a heading (the text's underlined lines), or a paragraph whose line breaks are kept. */
export interface PrintedBlock {
  readonly kind: 'heading' | 'paragraph';
  readonly text: string;
}

/**
 * A letter laid out for paper, the same for the print page and the PDF: our block (top right), the date, theirs
 * (where a window envelope shows it), the reference, the subject, then the body, which ends with the sign-off and
 * the signer's title as the letter wrote them. Every string is plain text, from any source: each printer escapes
 * or encodes it for its medium.
 */
export interface PrintedLetter {
  readonly reference: string;
  /** The letter's kind (acknowledgement, outcome...), for a file name. */
  readonly kind: string;
  readonly subject: string;
  readonly from: readonly string[];
  readonly date: string;
  readonly to: readonly string[];
  readonly body: readonly PrintedBlock[];
  /** Its own form is large print (an agreed adjustment): the page and the PDF are at 16 point without being asked. */
  readonly largePrint?: boolean;
}

/** The letter's subject without the "[REF] " an email's subject starts with: on paper the reference has its own line. */
function subjectOnPaper(subject: string, reference: string): string {
  const prefix = `[${reference}] `;
  return subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
}

/** "Heading\n-------": how renderLetter writes a heading in text. */
const UNDERLINED = /^([^\n]+)\n-+$/;

/** A letter's text as blocks: paragraphs at blank lines, an underlined line as a heading. */
export function bodyBlocks(text: string): PrintedBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p !== '')
    .map((p) => {
      const heading = UNDERLINED.exec(p);
      return heading ? { kind: 'heading' as const, text: (heading[1] as string).trim() } : { kind: 'paragraph' as const, text: p };
    });
}

/**
 * A letter drafted for post (a `letter-drafted` event's subject and text), laid out. Its text opens with
 * POST_HEADER's blocks: ours, the date, theirs (when the case had a name or address), "Our reference: REF". A text
 * that does not (a draft from before that header) is printed whole as the body, with nothing taken for a block.
 */
export function printedPostLetter(reference: string, kind: string, subject: string, text: string): PrintedLetter {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const ours = `Our reference: ${reference}`;
  // The reference line is the third block, or the fourth after an address block; looked for there only, so that
  // a name or address line someone typed as "Our reference: ..." cannot move where the body starts.
  const at = [3, 2].find((i) => blocks[i]?.trim() === ours);
  const base = { reference, kind, subject: subjectOnPaper(subject, reference) };
  if (at === undefined) return { ...base, from: [], date: '', to: [], body: bodyBlocks(text) };
  const lines = (block: string | undefined) => (block ?? '').split('\n').filter((l) => l.trim() !== '');
  return { ...base, from: lines(blocks[0]), date: (blocks[1] ?? '').trim(), to: at === 3 ? lines(blocks[2]) : [], body: bodyBlocks(blocks.slice(at + 1).join('\n\n')) };
}

/**
 * A copy on paper of a letter that was emailed: our block, the day it went, the complainant's name and postal
 * address (their email address where the case has no postal one), the reference, and the text they were sent.
 */
export function printedEmailLetter(policy: Policy, c: Pick<Case, 'reference' | 'complainant'>, kind: string, letter: { readonly subject: string; readonly text: string }, sentAt: string): PrintedLetter {
  const name = c.complainant.anonymous ? undefined : nameInLetters(c.complainant.name);
  const address = addressLines(c.complainant.postalAddress);
  const to = [name, ...(address.length > 0 ? address : [c.complainant.email])].filter((l): l is string => typeof l === 'string' && l !== '');
  return {
    reference: c.reference,
    kind,
    subject: subjectOnPaper(letter.subject, c.reference),
    from: organisationBlock(policy),
    date: dateInWords(londonDate(sentAt)),
    to,
    body: bodyBlocks(letter.text),
  };
}

/** A file name for a printed letter that any system accepts: "CCC-2026-0001-outcome.pdf", "...-outcome-large-print.pdf". */
export function printedFilename(letter: Pick<PrintedLetter, 'reference' | 'kind'>, extension: string, variant?: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${[safe(letter.reference), safe(letter.kind), variant ? safe(variant) : ''].filter(Boolean).join('-') || 'letter'}.${extension}`;
}
