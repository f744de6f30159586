import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { LetterPrinter, PrintOptions } from '#application/ports/letter-printer';
import type { PrintedLetter } from '#domain/letters/printed-letter';
import { winAnsiText } from './win-ansi-text.js';

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

/**
 * Letters as A4 PDFs with pdf-lib: pure JavaScript with the 14 standard PDF fonts inside, so it bundles for Lambda
 * with esbuild and needs no font file, no browser and no native code. Helvetica at 11 pt (16 pt in large print);
 * our block top right, theirs where a window envelope shows it, then the date, the reference, the subject and the
 * body, wrapped to the margins and carried over pages, each page footed with the reference and its number.
 */
export class PdfLetterPrinter implements LetterPrinter {
  async pdf(letter: PrintedLetter, options: PrintOptions = {}): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const fonts: Fonts = { regular, bold: await doc.embedFont(StandardFonts.HelveticaBold), encodable: new Set(regular.getCharacterSet()) };
    const size = options.largePrint ? 16 : 11;
    const writer = new PageWriter(doc, fonts, size);
    writer.layOut(letter);
    writer.footAll(letter.reference);
    doc.setTitle(winAnsiText(letter.subject, fonts.encodable));
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
    const oursWidth = Math.max(0, ...ours.map((l) => regular.widthOfTextAtSize(l, this.size)));
    for (const line of ours) this.line(line, regular, PAGE_WIDTH - MARGIN - oursWidth);
    if (letter.to.length > 0) {
      this.y = Math.min(this.y - this.lineHeight, PAGE_HEIGHT - ADDRESS_TOP);
      for (const line of letter.to.flatMap((l) => this.wrap(l, regular, TEXT_WIDTH * 0.55))) this.line(line, regular);
    }
    this.gap();
    if (letter.date) this.paragraph(letter.date, regular);
    this.paragraph(`Our reference: ${letter.reference}`, regular);
    this.paragraph(letter.subject, bold);
    for (const block of letter.body) {
      if (block.kind === 'heading') {
        // A heading is not left alone at the foot of a page: it moves over with the two lines that follow it.
        if (this.y - 3 * this.lineHeight < MARGIN + FOOTER) this.newPage();
        this.paragraph(block.text, bold);
      } else this.paragraph(block.text, regular);
    }
  }

  /** "Our reference: REF" and "Page n of m" at the foot of every page, once all the pages exist. */
  footAll(reference: string): void {
    const pages = this.doc.getPages();
    // In large print the foot is as large as the rest: every word of the letter at 16 point or more.
    const small = this.size >= 16 ? this.size : Math.max(8, this.size - 2);
    const refText = winAnsiText(`Our reference: ${reference}`, this.fonts.encodable);
    pages.forEach((page, i) => {
      const number = `Page ${i + 1} of ${pages.length}`;
      page.drawText(refText, { x: MARGIN, y: MARGIN, size: small, font: this.fonts.regular, color: INK });
      page.drawText(number, { x: PAGE_WIDTH - MARGIN - this.fonts.regular.widthOfTextAtSize(number, small), y: MARGIN, size: small, font: this.fonts.regular, color: INK });
    });
  }

  private paragraph(text: string, font: PDFFont): void {
    for (const line of text.split('\n').flatMap((l) => this.wrap(l, font, TEXT_WIDTH))) this.line(line, font);
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

  private newPage(): void {
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /**
   * One line of text as the lines that fit `width`: broken at spaces, a word wider than the line broken where it
   * must be. A list item ("- ...") keeps its continuation lines under its text.
   */
  private wrap(raw: string, font: PDFFont, width: number): string[] {
    const text = winAnsiText(raw, this.fonts.encodable).replace(/\s+$/, '');
    const indent = /^- /.test(text) ? '  ' : '';
    const widthOf = (s: string) => font.widthOfTextAtSize(s, this.size);
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
