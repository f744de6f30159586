import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { LetterPrinter, PrintOptions } from '#application/ports/letter-printer';
import type { PrintedBlock, PrintedLetter } from '#domain/letters/printed-letter';
import { printableText } from './printable-text.js';

const MM = 72 / 25.4;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4 as [number, number];
const MARGIN = 20 * MM;
const FOOTER = 12 * MM;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** A window envelope (C5/DL, left window) shows the address from about here down. */
const ADDRESS_TOP = 50 * MM;
const INK = rgb(0.043, 0.047, 0.047);

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly encodable: ReadonlySet<number>;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** The TrueType files a letter is set in: DejaVu Sans, regular and bold (Bitstream Vera licence, fonts/LICENSE-DejaVu.txt). */
export interface LetterFontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/**
 * Where the fonts are: beside this module in the repository (shared/adapters/pdf/fonts/), and beside the bundle on
 * Lambda (/var/task/fonts/, copied there by the staff console's bundling: infra/redress-function.ts).
 */
export const LETTER_FONTS_DIRECTORY = new URL('./fonts/', import.meta.url);

/** Reads the two font files once; a missing file is an error naming it, at the first PDF asked for. */
export async function letterFontFiles(directory: URL = LETTER_FONTS_DIRECTORY): Promise<LetterFontFiles> {
  const read = async (name: string) => {
    try {
      return new Uint8Array(await readFile(new URL(name, directory)));
    } catch (error) {
      throw new Error(`The letters' font ${name} is not in ${directory.href}: it ships in shared/adapters/pdf/fonts/ and is copied beside the staff console's bundle.`, { cause: error });
    }
  };
  const [regular, bold] = await Promise.all([read('DejaVuSans.ttf'), read('DejaVuSans-Bold.ttf')]);
  return { regular, bold };
}

/**
 * Letters as A4 PDFs with pdf-lib, set in DejaVu Sans embedded with pdf-lib's fontkit and subset (only the glyphs
 * the letter uses go in the file), so every character the print page shows in Latin, Greek, Cyrillic, Welsh, Irish
 * and most symbols is on paper too; pure JavaScript, so it bundles for Lambda with esbuild and needs no browser
 * and no native code. 11 pt (16 pt in large print); our block top right, theirs where a window envelope shows it,
 * then the date, the reference, the subject and the body, wrapped to the margins and carried over pages, each page
 * footed with the reference and its number. A character the font lacks prints as a visible mark (printable-text.ts).
 */
export class PdfLetterPrinter implements LetterPrinter {
  private readonly fontkit: Fontkit;

  constructor(private readonly files: LetterFontFiles) {
    // fontkit parses a font's tables lazily and keeps them on the font; pdf-lib asks it to parse the file afresh
    // for every document, which made each letter re-read 1.4 MB of tables (about 400 ms a letter). The parsed font
    // is kept per file and shared: each document still takes its own subset of it.
    const parsed = new Map<Uint8Array, ReturnType<Fontkit['create']>>();
    this.fontkit = {
      create: (bytes, postscriptName) => {
        const known = parsed.get(bytes);
        if (known) return known;
        const font = fontkit.create(bytes, postscriptName);
        parsed.set(bytes, font);
        return font;
      },
    };
  }

  async pdf(letter: PrintedLetter, options: PrintOptions = {}): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(this.fontkit);
    const regular = await doc.embedFont(this.files.regular, { subset: true });
    const fonts: Fonts = { regular, bold: await doc.embedFont(this.files.bold, { subset: true }), encodable: new Set(regular.getCharacterSet()) };
    const size = options.largePrint ? 16 : 11;
    const writer = new PageWriter(doc, fonts, size);
    writer.layOut(letter);
    writer.footAll(letter.reference);
    doc.setTitle(printableText(letter.subject, fonts.encodable));
    doc.setLanguage('en-GB');
    doc.setProducer('Redress (pdf-lib)');
    doc.setCreator('Redress');
    return doc.save();
  }
}

/** Draws lines down the page from the top, turning to a new page where the next line would not fit. */
class PageWriter {
  private page: PDFPage;
  private y: number;
  private readonly lineHeight: number;
  private readonly advances = new Map<PDFFont, Map<string, number>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly size: number,
  ) {
    this.lineHeight = size * 1.35;
    this.page = doc.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  layOut(letter: PrintedLetter): void {
    const { regular, bold } = this.fonts;
    // Our block top right: its lines start at one left edge, as wide as its widest line, at most 70% of the width
    // (theirs comes below it, so nothing sits beside it; large print's email address still fits on one line).
    const ours = letter.from.flatMap((l) => this.wrap(l, regular, TEXT_WIDTH * 0.7));
    const oursWidth = Math.max(0, ...ours.map((l) => this.widthOf(l, regular)));
    for (const line of ours) this.line(line, regular, PAGE_WIDTH - MARGIN - oursWidth);
    if (letter.to.length > 0) {
      this.y = Math.min(this.y - this.lineHeight, PAGE_HEIGHT - ADDRESS_TOP);
      for (const line of letter.to.flatMap((l) => this.wrap(l, regular, TEXT_WIDTH * 0.55))) this.line(line, regular);
    }
    this.gap();
    if (letter.date) this.paragraph(letter.date, regular);
    this.paragraph(`Our reference: ${letter.reference}`, regular);
    this.paragraph(letter.subject, bold);
    const body = letter.body;
    const signOff = body.at(-1);
    // The sign-off ends the body: laid out with the paragraph before it, where that is a paragraph.
    const closing = body.length >= 2 && signOff?.kind === 'paragraph' && body.at(-2)?.kind === 'paragraph';
    body.forEach((block, i) => {
      if (closing && i === body.length - 1) return;
      if (block.kind === 'heading') {
        // A heading is not left alone at the foot of a page: it moves over with the two lines that follow it.
        if (this.y - 3 * this.lineHeight < MARGIN + FOOTER) this.newPage();
        this.paragraph(block.text, bold);
      } else if (closing && i === body.length - 2) this.closing(block.text, (signOff as PrintedBlock).text);
      else this.paragraph(block.text, regular);
    });
  }

  /**
   * The last paragraph and the sign-off that ends the body: the sign-off is never alone on a page. Where the two
   * do not both fit, the sign-off goes over with (at least) the paragraph's last two lines, whole, as one unit.
   */
  private closing(last: string, signOff: string): void {
    const font = this.fonts.regular;
    const lines = this.linesOf(last, font);
    const ending = this.linesOf(signOff, font);
    const keptFrom = Math.max(0, lines.length - 2);
    lines.forEach((line, j) => {
      // The paragraph's tail, a gap, then the whole sign-off: on this page, or all together on the next.
      if (j === keptFrom && this.y - (lines.length - j + ending.length) * this.lineHeight - this.size * 0.8 < MARGIN + FOOTER) this.newPage();
      this.line(line, font);
    });
    this.gap();
    for (const line of ending) this.line(line, this.fonts.regular);
    this.gap();
  }

  private linesOf(text: string, font: PDFFont): string[] {
    return text.split('\n').flatMap((l) => this.wrap(l, font, TEXT_WIDTH));
  }

  /** "Our reference: REF" and "Page n of m" at the foot of every page, once all the pages exist. */
  footAll(reference: string): void {
    const pages = this.doc.getPages();
    // In large print the foot is as large as the rest: every word of the letter at 16 point or more.
    const small = this.size >= 16 ? this.size : Math.max(8, this.size - 2);
    const refText = printableText(`Our reference: ${reference}`, this.fonts.encodable);
    pages.forEach((page, i) => {
      const number = `Page ${i + 1} of ${pages.length}`;
      page.drawText(refText, { x: MARGIN, y: MARGIN, size: small, font: this.fonts.regular, color: INK });
      page.drawText(number, { x: PAGE_WIDTH - MARGIN - this.widthOf(number, this.fonts.regular, small), y: MARGIN, size: small, font: this.fonts.regular, color: INK });
    });
  }

  private paragraph(text: string, font: PDFFont): void {
    for (const line of this.linesOf(text, font)) this.line(line, font);
    this.gap();
  }

  private gap(): void {
    this.y -= this.size * 0.8;
  }

  private line(text: string, font: PDFFont, x = MARGIN): void {
    if (this.y - this.lineHeight < MARGIN + FOOTER) this.newPage();
    this.y -= this.lineHeight;
    if (text !== '') this.page.drawText(text, { x, y: this.y + (this.lineHeight - this.size), size: this.size, font, color: INK });
  }

  /**
   * A line's width as the sum of its characters' advances, each measured once: what pdf-lib's widthOfTextAtSize
   * adds up too (it applies no kerning), without running fontkit's layout on every candidate line, which made a
   * one-page letter take half a second.
   */
  private widthOf(text: string, font: PDFFont, size = this.size): number {
    let advances = this.advances.get(font);
    if (!advances) this.advances.set(font, (advances = new Map()));
    let width = 0;
    for (const ch of text) {
      let advance = advances.get(ch);
      if (advance === undefined) advances.set(ch, (advance = font.widthOfTextAtSize(ch, 1000)));
      width += advance;
    }
    return (width * size) / 1000;
  }

  private newPage(): void {
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /**
   * One line of text as the lines that fit `width`: broken at spaces, a word wider than the line broken where it
   * must be. A list item ("- ...") keeps its continuation lines under its text.
   */
  private wrap(raw: string, font: PDFFont, width: number): string[] {
    const text = printableText(raw, this.fonts.encodable).replace(/\s+$/, '');
    const indent = /^- /.test(text) ? '  ' : '';
    const widthOf = (s: string) => this.widthOf(s, font);
    const lines: string[] = [];
    let current = '';
    const push = () => {
      lines.push(current);
      current = indent;
    };
    for (const word of text.split(/ +/)) {
      const joined = current.trim() === '' ? current + word : `${current} ${word}`;
      if (widthOf(joined) <= width) {
        current = joined;
        continue;
      }
      if (current.trim() !== '') push();
      if (widthOf(current + word) <= width) {
        current += word;
        continue;
      }
      // Wider than a line on its own: as many characters as fit, then the rest on the next line.
      let used = widthOf(current);
      for (const ch of word) {
        const w = widthOf(ch);
        if (used + w > width && current.trim() !== '') {
          push();
          used = widthOf(current);
        }
        current += ch;
        used += w;
      }
    }
    lines.push(current);
    return lines;
  }
}
