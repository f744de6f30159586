/**
 * Letters for post as a page to print and a PDF (issue 23, "Letters by post"): the PDF (pdf-lib, read back with
 * poppler's pdftotext) says our address, theirs, the date, the reference and the body in that order; text from a
 * complainant that is hostile (HTML, a right-to-left override, emoji, 10,000 characters in one word) makes a PDF that
 * carries over pages and never throws; the print page escapes it; only those who may read the case get either, and a
 * case about a person is "no such case" to that person. Over the memory fakes.
 */
import { execFileSync } from 'node:child_process';
import { DateTime } from 'luxon';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { letterFontFiles, PdfLetterPrinter } from '#adapters/pdf/pdf-letter-printer';
import { NOT_PRINTABLE, printableText } from '#adapters/pdf/printable-text';
import type { Case } from '#domain/case/case';
import { letterFor } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { previewFacts } from '#domain/letters/letter-preview';
import { printedPostLetter, type PrintedLetter } from '#domain/letters/printed-letter';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const SENDING = { mailDomain: 'redress.test', operatorEmail: 'ops@redress.test', pageBaseUrl: 'https://complaints.example.org' };
const ADDRESS = '14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR';
const CUSTOMER_RELATIONS = ['county-council:customer-relations'];

const pdfText = (pdf: Uint8Array) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
const printer = new PdfLetterPrinter(await letterFontFiles());
const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

async function phoneCase(stack: MemoryStack, policyId: string, extra: { about?: string; address?: string; confidential?: boolean } = {}): Promise<Case> {
  const { reference } = await stack.useCases.staff.open({ policyId, at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', phone: '01632 960001', address: extra.address ?? ADDRESS, summary: 'The volunteer did not come to three sessions.', channel: 'phone', confidential: extra.confidential ?? false, ...(extra.about ? { about: extra.about } : {}) });
  return (await stack.cases.get(reference)) as Case;
}

/** The case's acknowledgement, drafted for post: acknowledged by whoever handles it. */
async function acknowledgedForPost(stack: MemoryStack, reference: string): Promise<string> {
  await stack.useCases.staff.acknowledge({ reference, at: at('2026-11-24T11:00:00Z'), actor: 'staff' });
  const drafted = (await stack.cases.timeline(reference)).find((e) => e.type === 'letter-drafted');
  if (!drafted) throw new Error('no letter drafted for post');
  return drafted.id;
}

/** Where each string first appears in the text, after the one before it: -1 for any missing or out of order. */
function positionsInOrder(text: string, wanted: readonly string[]): number[] {
  let from = 0;
  return wanted.map((w) => {
    const i = text.indexOf(w, from);
    if (i >= 0) from = i + w.length;
    return i;
  });
}

describe('a letter for post as a PDF', () => {
  // The file's first PDF parses the two fonts (about 2 s; 6 s and more on a loaded machine): room, as for the long text below.
  it("the council's outcome letter: our address, theirs, the date in words, the reference, the subject and the body to its sign-off, in that order, on A4", async () => {
    const policy = seedPolicies.get('county-council');
    const c = await phoneCase(memoryStack(), 'county-council');
    const written = '2026-11-24T15:00:00Z';
    const event = letterFor(policy, c, previewFacts(policy, 'outcome', c, at(written)), 't', written, SENDING).events[0];
    const letter = printedPostLetter(c.reference, 'outcome', String(event?.detail?.subject), String(event?.detail?.text));
    const pdf = await printer.pdf(letter);
    const text = pdfText(pdf);
    const order = ['County Council', '[street address]', '[postcode]', 'Email: complaints@county-council.example', 'Pat Person', '14 Mill Lane', 'York YO26 9TR', dateInWords('2026-11-24'), `Our reference: ${c.reference}`, 'Our decision on your complaint', 'Dear Pat Person,', 'What we upheld', 'If you are not satisfied', 'Yours sincerely,', 'County Council'];
    expect(positionsInOrder(text, order).every((i) => i >= 0), text).toBe(true);
    expect(text).not.toContain(`[${c.reference}]`);
    const doc = await PDFDocument.load(pdf);
    // Every page A4 (DejaVu Sans is wider than Helvetica was: the letter now runs to a second page).
    expect(doc.getPages().every((p) => p.getWidth() === 595.28 && p.getHeight() === 841.89)).toBe(true);
    expect(text).toContain(`Page 1 of ${doc.getPageCount()}`);
    // Large print: the same words at 16 pt, over more pages.
    const large = await printer.pdf(letter, { largePrint: true });
    expect(await pageCount(large)).toBeGreaterThan(1);
    expect(positionsInOrder(pdfText(large).replace(/\s+/g, ' '), order).every((i) => i >= 0)).toBe(true);
  }, 30_000);

  it('hostile text (HTML, a right-to-left override, emoji, other scripts, 10,000 characters in a word and in a paragraph) makes a PDF that carries over pages', async () => {
    const hostile = '<script>alert("x")</script> \u202Egnp.exe\u202C Zoë 😀👨‍👩‍👧 Łódź 東京 שלום \u0000\u0007\ttab';
    const letter: PrintedLetter = {
      reference: 'CCC-2026-0001',
      kind: 'outcome',
      subject: hostile,
      from: ['County Council', hostile],
      date: 'Tuesday 24 November 2026',
      to: [hostile, 'x'.repeat(10_000)],
      body: [
        { kind: 'heading', text: hostile },
        { kind: 'paragraph', text: `${hostile}\n${'q'.repeat(10_000)}` },
        { kind: 'paragraph', text: 'word '.repeat(2_000) },
        { kind: 'paragraph', text: 'Yours sincerely,\nCounty Council' },
      ],
    };
    for (const largePrint of [false, true]) {
      const pdf = await printer.pdf(letter, { largePrint });
      expect(await pageCount(pdf)).toBeGreaterThan(3);
      const text = pdfText(pdf);
      expect(text).toContain('<script>alert("x")</script>');
      expect(text).toContain('Zoë');
      expect(text).toContain('Łódź');
      // DejaVu Sans has no Chinese: each character a visible mark, never a "?" or nothing.
      expect(text).toContain(`${NOT_PRINTABLE}${NOT_PRINTABLE}`);
      expect(text).not.toContain('?');
      expect(text).not.toContain('\u202E');
      // Every character of the 10,000 in one word is there, broken over lines and pages.
      expect(text.match(/q/g)?.length).toBe(10_000);
      const pages = await pageCount(pdf);
      expect(text).toContain(`Page ${pages} of ${pages}`);
    }
  }, 30_000);

  it("carries every character the print page shows: a Welsh and Irish name with an emoji, read back whole, at 11 pt and at 16 pt in large print", async () => {
    const name = 'Ŵyn Ó Séaghdha 😊';
    const letter: PrintedLetter = { reference: 'CCC-2026-0002', kind: 'acknowledgement', subject: 'We have your complaint', from: ['County Council'], date: 'Tuesday 24 November 2026', to: [name, '12 Heol y Bont', 'Caerdydd CF10 1AA'], body: [{ kind: 'paragraph', text: `Dear ${name},` }, { kind: 'paragraph', text: 'Yours sincerely,\nCounty Council' }] };
    for (const [largePrint, size] of [[false, 11], [true, 16]] as const) {
      const pdf = await printer.pdf(letter, { largePrint });
      const text = pdfText(pdf);
      expect(text).toContain(name);
      expect(text).toContain(`Dear ${name},`);
      expect(text).not.toContain(NOT_PRINTABLE);
      // The body's font size, as poppler reads it: every line of the name is set at 11 pt, or 16 pt and more.
      const sizes = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').match(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Séaghdha/g) ?? [];
      expect(sizes.length).toBe(2);
      for (const s of sizes) {
        const [, min, max] = /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/.exec(s) ?? [];
        expect(Number(max) - Number(min)).toBeGreaterThanOrEqual(size);
      }
      // Subset: only the glyphs used go in, so a short letter is tens of KB, not the 1.4 MB of the two fonts.
      expect(pdf.length).toBeLessThan(60_000);
    }
  });

  it('makes any text printable in the font: accents dropped only where the font lacks the letter, invisible characters gone, what it cannot draw a visible mark, once per character seen', () => {
    const encodable = new Set([...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ë’'].map((c) => c.codePointAt(0) as number));
    expect(printableText('Zoë’s Łódź ﬁle', encodable)).toBe('Zoë’s Lodz file');
    expect(printableText('a\u202Eb\u200Dc\u00A0d\te', encodable)).toBe('abc d e');
    expect(printableText('😀 東 👨‍👩‍👧 ?', encodable)).toBe(`${NOT_PRINTABLE} ${NOT_PRINTABLE} ${NOT_PRINTABLE} ?`);
  });
});

describe('a letter to print, from the console', () => {
  it('the case page links each letter for post to its print page and PDF; the PDF is a download named for the letter, with the post draft laid out', async () => {
    const console = await consoleOverMemory();
    const c = await phoneCase(console.stack, 'county-council');
    const id = await acknowledgedForPost(console.stack, c.reference);
    const casePage = (await console.page(`/console/cases/${c.reference}`, CUSTOMER_RELATIONS)).page;
    const href = `/console/cases/${c.reference}/letters/${id}`;
    expect(casePage).toContain(`href="${href}/print"`);
    expect(casePage).toContain(`href="${href}/pdf"`);

    const pdf = await console.get(`${href}/pdf`, CUSTOMER_RELATIONS);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${c.reference}-acknowledgement.pdf"; filename*=UTF-8''${c.reference}-acknowledgement.pdf`);
    const text = pdfText(pdf.body);
    expect(positionsInOrder(text, ['County Council', 'Pat Person', 'Little Ouseburn', dateInWords('2026-11-24'), `Our reference: ${c.reference}`, 'We have received your complaint', 'Dear Pat Person'])).not.toContain(-1);
    const large = await console.get(`${href}/pdf?large=1`, CUSTOMER_RELATIONS);
    expect(large.headers.get('content-disposition')).toContain(`filename="${c.reference}-acknowledgement-large-print.pdf"`);

    const print = await console.page(`${href}/print`, CUSTOMER_RELATIONS);
    expect(print.status).toBe(200);
    expect(print.page).toContain('<p class="printed-letter-from">County Council<br/>[street address]');
    expect(print.page).toContain('<p class="printed-letter-to">Pat Person<br/>14 Mill Lane<br/>Little Ouseburn<br/>York YO26 9TR</p>');
    expect(print.page).toContain(`<p>Our reference: ${c.reference}</p>`);
  });

  it('an emailed letter prints too, as a copy with both address blocks and the day it was written', async () => {
    const console = await consoleOverMemory();
    const { reference } = await console.stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', email: 'pat@example.net', summary: 'Bins.', channel: 'phone', confidential: false });
    const letter = (await console.stack.outbox.ofCase(reference)).find((e) => e.kind === 'letter' && e.letter.toComplainant);
    const text = pdfText((await console.get(`/console/cases/${reference}/letters/${letter?.id}/pdf`, CUSTOMER_RELATIONS)).body);
    expect(positionsInOrder(text, ['County Council', 'Pat Person', 'pat@example.net', dateInWords('2026-11-23'), `Our reference: ${reference}`, 'We have received your complaint', 'Dear Pat Person'])).not.toContain(-1);
    // A notice to staff on the same case is not a letter to the complainant: there is none to print.
    const notice = (await console.stack.outbox.ofCase(reference)).find((e) => e.kind === 'letter' && !e.letter.toComplainant);
    const refused = await console.page(`/console/cases/${reference}/letters/${notice?.id}/print`, CUSTOMER_RELATIONS);
    expect(refused.status).toBe(404);
    expect(refused.page).toContain('<h1>No such letter</h1>');
  });

  // The bidi override in the address had made every letter for post "missing the complainant's postal address":
  // the letter drops it from the line, the check looked for the line as typed.
  it("escapes a complainant's address on the print page, and makes its PDF", async () => {
    const console = await consoleOverMemory();
    const c = await phoneCase(console.stack, 'county-council', { address: '<img src=x onerror=alert(1)>\n\u202Eevil\u202C 😀\n12 Rue Zoë' });
    const id = await acknowledgedForPost(console.stack, c.reference);
    const print = await console.page(`/console/cases/${c.reference}/letters/${id}/print`, CUSTOMER_RELATIONS);
    expect(print.page).not.toContain('<img');
    expect(print.page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const pdf = await console.get(`/console/cases/${c.reference}/letters/${id}/pdf`, CUSTOMER_RELATIONS);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body)).toContain('<img src=x onerror=alert(1)>');
  });

  it('is "no such case" to the person the case is about, and to another organisation; refused on a confidential case to one who may not read it', async () => {
    const console = await consoleOverMemory();
    const aboutCeo = await phoneCase(console.stack, 'alumot', { about: 'ceo' });
    const id = await acknowledgedForPost(console.stack, aboutCeo.reference);
    for (const what of ['print', 'pdf']) {
      const path = `/console/cases/${aboutCeo.reference}/letters/${id}/${what}`;
      expect((await console.get(path, ['alumot:chair'])).status, `chair ${what}`).toBe(200);
      const ceo = await console.page(path, ['alumot:ceo']);
      expect(ceo.status, `ceo ${what}`).toBe(404);
      expect(ceo.page).toContain('<h1>No such case</h1>');
      expect(ceo.page).not.toContain('Pat Person');
      expect((await console.get(path, CUSTOMER_RELATIONS)).status, `council ${what}`).toBe(404);
    }
    const confidential = await phoneCase(console.stack, 'county-council', { confidential: true });
    const handler = confidential.handlerRole;
    const secretId = await acknowledgedForPost(console.stack, confidential.reference);
    const path = `/console/cases/${confidential.reference}/letters/${secretId}/print`;
    const other = await console.page(path, CUSTOMER_RELATIONS);
    expect(other.status).toBe(403);
    expect(other.page).not.toContain('Pat Person');
    expect((await console.get(path, [`county-council:${handler}`])).status).toBe(200);
    // Printing a confidential case's letter is a reading of it, on its timeline.
    expect((await console.stack.cases.timeline(confidential.reference)).map((e) => e.summary).join('\n')).toContain('Printed the letter: We have received your complaint');
  });
});
