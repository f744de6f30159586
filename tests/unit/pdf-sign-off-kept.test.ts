/**
 * A printable letter's sign-off is never alone on its last page (found by a fresh tester with a 16 point letter):
 * it goes over with at least the last two lines of the paragraph before it. Every length of letter from one page to
 * two is printed, in large print and in the usual size, and its last page read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { letterFontFiles, PdfLetterPrinter } from '#adapters/pdf/pdf-letter-printer';
import type { PrintedLetter } from '#domain/letters/printed-letter';

const pages = (pdf: Uint8Array) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8'))?.[1]);
const lastPage = (pdf: Uint8Array, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

function letter(paragraphs: number): PrintedLetter {
  return {
    reference: 'CCC-2026-0001',
    kind: 'outcome',
    subject: 'Our response to your complaint',
    from: ['County Council', 'County Hall'],
    date: 'Monday 7 December 2026',
    to: ['Pat Person', '14 Mill Lane', 'York YO26 9TR'],
    body: [
      { kind: 'paragraph', text: 'Dear Pat Person,' },
      ...Array.from({ length: paragraphs }, (_, i) => ({ kind: 'paragraph' as const, text: `Point ${i + 1}: we looked again at the collection.` })),
      { kind: 'paragraph', text: 'If you are not happy with our response, you can ask for a review by writing to us within twenty working days of this letter, and we will reply.' },
      { kind: 'paragraph', text: 'Yours sincerely,\nCustomer Relations Team' },
    ],
  };
}

describe('the sign-off of a printable letter', () => {
  it('goes over with the end of the paragraph before it, at every length, in large print and not', async () => {
    const printer = new PdfLetterPrinter(await letterFontFiles());
    for (const largePrint of [true, false]) {
      for (let n = 1; n <= (largePrint ? 24 : 40); n++) {
        const pdf = await printer.pdf(letter(n), { largePrint });
        const count = pages(pdf);
        const last = lastPage(pdf, count).replace(/\s+/g, ' ');
        expect(last, `${n} points, ${largePrint ? 'large print' : 'usual size'}`).toContain('Yours sincerely');
        if (count > 1) expect(last, `${n} points, ${largePrint ? 'large print' : 'usual size'}, page ${count}`).toMatch(/we will reply\. Yours sincerely/);
      }
    }
  }, 60_000);
});
