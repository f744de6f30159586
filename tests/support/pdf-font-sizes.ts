import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

/**
 * Every font size a PDF's pages set for their text (the operands of each `Tf` in their content streams), read back
 * with pdf-lib: what a person printing it would get, whatever the letter or its page says it is.
 */
export async function pdfFontSizes(pdf: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(pdf);
  const sizes: number[] = [];
  for (const page of doc.getPages()) {
    const contents: PDFObject | undefined = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
      for (const m of text.matchAll(/\/\S+\s+([\d.]+)\s+Tf\b/g)) sizes.push(Number(m[1]));
    }
  }
  return sizes;
}
