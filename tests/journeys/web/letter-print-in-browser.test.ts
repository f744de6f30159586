/**
 * A letter for post as a person prints it (issue 23): the council's outcome letter's print page in Debian's
 * chromium, checked by axe-core, screenshot on screen and with print media (no console header, the letter alone on
 * A4), and printed to PDF by the browser; the same letter's PDF from pdf-lib turned to PNG by poppler's pdftoppm.
 * A closed case's closure letter for post is listed on the morning view to post, marked closed.
 * Everything is saved under test-artifacts/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, ARTIFACTS, launchChromium, screenshot } from '#tests/support/browser';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { memoryStack } from '#tests/support/memory-stack';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('a letter for post in a browser', () => {
  it('prints the letter alone on A4, and is axe-core clean', async () => {
    const console = await consoleOverMemory();
    const { stack } = console;
    const at = (iso: string) => DateTime.fromISO(iso);
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', phone: '01632 960001', address: '14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR', summary: 'The bins were missed.', channel: 'phone', confidential: false });
    const c = await stack.cases.get(reference);
    const handler = [`county-council:${c?.handlerRole}`];
    await stack.useCases.staff.acknowledge({ reference, at: at('2026-11-24T11:00:00Z'), actor: 'staff' });
    await stack.useCases.staff.outcome({ reference, at: at('2026-12-01T11:00:00Z'), actor: 'staff', decision: 'partly-upheld', summary: 'We read the round sheets and spoke to the crew.', whatUpheld: 'The bins were missed on 3 and 10 November.', whatNotUpheld: 'The crew were not rude.', remedies: ['apology'], actions: [] });
    const outcome = (await stack.cases.timeline(reference)).find((e) => e.type === 'letter-drafted' && e.detail?.kind === 'outcome');
    expect(outcome, 'an outcome letter drafted for post').toBeDefined();
    const href = `/console/cases/${reference}/letters/${outcome?.id}`;
    const { status, page: html } = await console.page(`${href}/print`, handler);
    expect(status).toBe(200);

    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'letter-print-screen');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.console-header').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'PDF', exact: true }).isVisible()).toBe(false);
    const text = await page.locator('main').innerText();
    expect(text.indexOf('County Council')).toBeLessThan(text.indexOf('Pat Person'));
    expect(text).toContain('Our reference: ');
    await screenshot(page, 'letter-print-print-media');
    await page.pdf({ path: `${ARTIFACTS}/letter-print-chromium.pdf`, preferCSSPageSize: true });
    await context.close();

    const pdf = await console.get(`${href}/pdf`, handler);
    writeFileSync(`${ARTIFACTS}/letter-outcome.pdf`, pdf.body);
    execFileSync('pdftoppm', ['-png', '-r', '60', `${ARTIFACTS}/letter-outcome.pdf`, `${ARTIFACTS}/letter-outcome`]);
  }, 120_000);

  it("lists a closed case's closure letter under the morning's Letters to post, marked closed, and is axe-core clean", async () => {
    const stack = memoryStack();
    const at = (iso: string) => DateTime.fromISO(iso);
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', phone: '01632 960001', address: '14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR', summary: 'The bins were missed.', channel: 'phone', confidential: false });
    await stack.useCases.staff.acknowledge({ reference, at: at('2026-11-24T11:00:00Z'), actor: 'staff' });
    await stack.useCases.staff.outcome({ reference, at: at('2026-12-01T11:00:00Z'), actor: 'staff', decision: 'upheld', summary: 'We read the round sheets.', remedies: ['apology'], actions: [] });
    for (const letter of (await stack.cases.get(reference))?.postLetters ?? []) await stack.useCases.staff.posted({ reference, at: at('2026-12-01T15:00:00Z'), actor: 'staff', letter: letter.id });
    await stack.useCases.staff.close({ reference, category: 'waste', at: at('2026-12-02T11:00:00Z'), actor: 'staff' });
    stack.clock.set('2026-12-03T09:00:00Z');
    const console = await consoleOverMemory(stack);
    const { page: html } = await console.page('/console', ['county-council:customer-relations']);

    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    expect(await accessibilityProblems(page)).toEqual([]);
    const toPost = page.getByRole('heading', { name: 'Letters to post (1)' });
    expect(await toPost.isVisible()).toBe(true);
    expect(await page.locator('h3:has-text("Letters to post") + ul li').allInnerTexts()).toEqual([`${reference}, Pat Person (closed): a letter to print and post, then mark posted`]);
    await screenshot(page, 'morning-closed-letter-to-post');
    await context.close();
  }, 120_000);
});
