/**
 * A complainant with no email, as a complaints officer serves them in the console (issue 23): a complaint by
 * letter opened by staff with a postal address only, acknowledged, written to ("Write to the complainant"),
 * decided and closed. Every letter is a letter for post: its print page (axe-core clean in chromium, valid HTML by
 * the Nu checker, screenshot) and its PDF (fetched, its text read with pdftotext, turned to PNG with pdftoppm) are
 * saved under test-artifacts/ for a person to look at; each is marked posted through the console's form, and the
 * case page then says "posted" with its day for each. The new pages (the forms, the preview) are checked the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '#domain/case/case';
import { dateInWords } from '#domain/letters/dates-in-words';
import { accessibilityProblems, ARTIFACTS, launchChromium, screenshot } from '#tests/support/browser';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { memoryStack } from '#tests/support/memory-stack';
import { htmlErrors } from '#tests/support/valid-html';

const at = (iso: string) => DateTime.fromISO(iso);
const OUT = `${ARTIFACTS}/letters-by-post`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => browser?.close());

describe('a complainant with no email, in the console', () => {
  it('gets every letter as a print page and a PDF, each marked posted', async () => {
    // The console's today is Friday 20 November 2026: everything happens that week, and every letter is posted that day.
    const stack = memoryStack();
    stack.clock.set('2026-11-20T10:00:00Z');
    const console = await consoleOverMemory(stack);
    const staff = stack.useCases.staff;
    const { reference } = await staff.open({
      policyId: 'county-council',
      at: at('2026-11-16T10:00:00Z'),
      actor: 'staff',
      name: 'Pat Person',
      address: '14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR',
      summary: 'The bins were missed three weeks running.',
      channel: 'letter',
      confidential: false,
    });
    const handler = [`county-council:${(await stack.cases.get(reference))?.handlerRole}`];
    const pages: Record<string, string> = {};
    const context = await browser.newContext({ bypassCSP: true });
    const look = async (name: string, html: string) => {
      pages[name] = html;
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      expect(await accessibilityProblems(page), name).toEqual([]);
      await screenshot(page, `${name}`, OUT);
      await page.close();
    };

    await staff.acknowledge({ reference, at: at('2026-11-17T11:00:00Z'), actor: 'staff' });
    // Written to in the console: the form, its preview (what would be sent), then confirmed.
    const form = await console.page(`/console/cases/${reference}/actions/message`, handler);
    expect(form.page).toContain('It goes by post');
    await look('message-form', form.page);
    const words = { subject: 'Your bin collection dates', text: 'Could you tell us which days the bins were missed?\nWe will call you if that is easier.' };
    const preview = await console.post(`/console/cases/${reference}/actions/message/preview`, words, handler);
    expect(preview.status).toBe(200);
    expect(preview.page).toContain('It goes by post');
    expect(preview.page).toContain('Dear Pat Person,');
    await look('message-preview', preview.page);
    expect((await console.post(`/console/cases/${reference}/actions/message`, words, handler)).status).toBe(303);
    await staff.outcome({ reference, at: at('2026-11-20T11:00:00Z'), actor: 'staff', decision: 'upheld', summary: 'The round sheets show the street was missed.', remedies: ['apology'], actions: [] });
    await staff.close({ reference, at: at('2026-11-20T12:00:00Z'), actor: 'staff', category: 'waste' });

    const c = (await stack.cases.get(reference)) as Case;
    const letters = c.postLetters ?? [];
    expect(letters.map((l) => l.kind)).toEqual(['acknowledgement', 'message', 'outcome', 'closure']);
    expect(stack.mailer.sent.filter((m) => m.to.some((t) => !t.includes('county-council')))).toEqual([]);

    for (const letter of letters) {
      const href = `/console/cases/${reference}/letters/${encodeURIComponent(letter.id)}`;
      const print = await console.page(`${href}/print`, handler);
      expect(print.status, letter.kind).toBe(200);
      await look(`print-${letter.kind}`, print.page);

      const pdf = await console.get(`${href}/pdf`, handler);
      expect(pdf.status, letter.kind).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const file = `${OUT}/${letter.kind}.pdf`;
      writeFileSync(file, pdf.body);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const line of ['County Council', 'Pat Person', '14 Mill Lane', 'York YO26 9TR', `Our reference: ${reference}`, 'Yours sincerely']) expect(text, `${letter.kind}: ${line}`).toContain(line);
      expect(text.toLowerCase(), letter.kind).not.toContain('reply to this email');
      if (letter.kind === 'message') expect(text).toContain('Could you tell us which days the bins were missed?');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, `${OUT}/${letter.kind}`]);

      // Marked posted in the console, through the link on the case page, with the day it went.
      const posting = await console.page(`/console/cases/${reference}/actions/posted?letter=${encodeURIComponent(letter.id)}`, handler);
      expect(posting.page).toMatch(new RegExp(`<option value="${letter.id}" selected`));
      if (letter.kind === 'acknowledgement') await look('posted-form', posting.page);
      const done = await console.post(`/console/cases/${reference}/actions/posted`, { letter: letter.id, on: '2026-11-20' }, handler);
      expect(done.status, letter.kind).toBe(303);
    }

    const casePage = await console.page(`/console/cases/${reference}`, handler);
    expect(casePage.page.match(new RegExp(`posted ${dateInWords('2026-11-20')}`, 'g'))?.length).toBe(4);
    expect(casePage.page).not.toContain(', to post');
    await look('case-all-posted', casePage.page);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.filter((e) => e.type === 'letter-posted')).toHaveLength(4);
    await context.close();

    expect(await htmlErrors(pages)).toEqual(Object.fromEntries(Object.keys(pages).map((name) => [name, []])));
  }, 240_000);
});
