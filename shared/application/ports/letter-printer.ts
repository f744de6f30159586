import type { PrintedLetter } from '#domain/letters/printed-letter';

export interface PrintOptions {
  /** Large print (issue 24's adjustment): the body at 16 pt in place of 11 pt. */
  readonly largePrint?: boolean;
}

/** Makes a letter into a document to print and post (a PDF). Adapter: pdf-lib. */
export interface LetterPrinter {
  pdf(letter: PrintedLetter, options?: PrintOptions): Promise<Uint8Array>;
}
