/**
 * Issue 24's journey, in Debian's chromium against the real local servers (DynamoDB Local, the OIDC provider `npm
 * start` runs): a complainant on the council's web form asks for large print; the officer, signed in to the console,
 * sees what they asked at the top of the case and agrees the adjustment; the next letter (the officer's own) is a
 * large-print letter for post without anyone asking for it: its print page is large, and its PDF sets every word at
 * 16 point or more (read back with pdf-lib, and measured with poppler's pdftotext -bbox), turned to PNG by pdftoppm
 * for a person to look at. Every page is checked by axe-core and the Nu HTML Checker; screenshots under test-artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, clickAndLoad } from '#tests/support/browser';
import { consoleInChromium, type ConsoleInChromium } from '#tests/support/console-in-chromium';
import type { FormStack } from '#tests/support/form-stack';
import { pdfFontSizes } from '#tests/support/pdf-font-sizes';
import { htmlErrors } from '#tests/support/valid-html';

let chromium: ConsoleInChromium;
let stack: FormStack;
let browser: Browser;

beforeAll(async () => {
  chromium = await consoleInChromium();
  ({ stack, browser } = chromium);
}, 120_000);

afterAll(async () => {
  await chromium?.stop();
});

/** The height of each word poppler finds on the PDF's pages (pdftotext -bbox), in points. */
function wordHeights(pdfPath: string): { word: string; height: number }[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-']).toString('utf8');
  return [...xhtml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ word: m[3] as string, height: Number(m[2]) - Number(m[1]) }));
}

describe('a form complainant asks for large print; the officer agrees it; the next letter is large print', () => {
  it('county-council', async () => {
    const complainant = await browser.newContext({ bypassCSP: true });
    const form = await complainant.newPage();
    const base = stack.url.replace('127.0.0.1', 'localhost');
    await form.goto(`${base}/forms/county-council`);
    await form.getByLabel('Your name').fill('Lou Largeprint');
    await form.getByLabel('Email address').fill('lou.largeprint@example.net');
    await form.getByLabel('Postal address').fill('3 Church Street\nEasingwold\nYork YO61 3AB');
    await form.getByLabel('What happened').fill('The library van has not stopped in our village since October.');
    await form.getByRole('group', { name: 'Do you need us to do anything differently?' }).getByLabel('Large print (letters printed at 16 point or more)').check();
    await form.getByLabel('Anything else we should do differently, in your own words').fill('I have low vision: ordinary print is too small for me.');
    await form.getByLabel('I agree to my information being used').check();
    await chromium.looked(form, 'adjust-form');
    stack.clock.advance(10_000);
    await form.getByRole('button', { name: 'Send complaint' }).click();
    await form.getByRole('heading', { name: 'Complaint received' }).waitFor();
    const reference = (await form.locator('.reference strong').textContent()) as string;
    expect(reference).toMatch(/^CCC-2026-\d{4}$/);
    await chromium.looked(form, 'adjust-form-received');
    await complainant.close();
    expect((await stack.cases.get(reference))?.adjustmentsAsked).toMatchObject({ kinds: ['large-print'], words: 'I have low vision: ordinary print is too small for me.', by: 'complainant' });

    // The officer: what they asked is the first thing on the case; the adjustment's form has it chosen.
    const officer = await browser.newContext({ bypassCSP: true });
    const page = await officer.newPage();
    const handler = (await stack.cases.get(reference))?.handlerRole as string;
    await chromium.signIn(page, `county-council.${handler}`);
    await page.goto(`${base}/console/cases/${reference}`);
    const before = page.locator('section.adjustments');
    expect(await before.innerText()).toContain('They asked us to do things differently: Large print (letters printed at 16 point or more); in their words: I have low vision');
    await chromium.looked(page, 'adjust-case-asked');
    await clickAndLoad(page, page.getByRole('link', { name: 'Reasonable adjustment: agree or review one', exact: true }));
    expect(await page.getByLabel('The adjustment agreed').inputValue()).toBe('large-print');
    await chromium.looked(page, 'adjust-form-console');
    await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
    await chromium.looked(page, 'adjust-preview');
    await page.getByRole('button', { name: /^Confirm/ }).click();
    await page.waitForURL(new RegExp(`/console/cases/${reference}\\?done=`));
    const agreed = await page.locator('section.adjustments').innerText();
    expect(agreed).toMatch(/Reasonable adjustments agreed\s+Large print \(letters printed at 16 point or more\)\. Review by /);
    expect(agreed, 'what they asked is answered').not.toContain('They asked us');
    await chromium.looked(page, 'adjust-case-agreed');

    // The next letter: the officer's own words, with no choice of form to make.
    await clickAndLoad(page, page.getByRole('link', { name: 'Write to the complainant', exact: true }));
    expect(await page.locator('main').innerText()).toContain('It goes by post: the case keeps it for you to print and post.');
    await page.getByLabel('Subject').fill('The library van');
    await page.getByLabel(/^Your message/).fill('The van will stop in Easingwold again from Tuesday 15 December, outside the church at 10am.');
    await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
    await page.getByRole('button', { name: /^Confirm/ }).click();
    await page.waitForURL(new RegExp(`/console/cases/${reference}\\?done=`));
    const letter = (await stack.cases.get(reference))?.postLetters?.at(-1);
    expect(letter).toMatchObject({ subject: expect.stringContaining('The library van'), largePrint: true });
    await chromium.looked(page, 'adjust-case-letter');

    // Its print page, as the officer opens it: large print is the letter's own form, no flag to remember.
    await page.getByRole('link', { name: `Print page of ${letter?.subject}` }).click();
    await page.locator('.printed-letter--large').waitFor();
    expect(await page.evaluate("parseFloat(getComputedStyle(document.querySelector('.printed-letter--large p')).fontSize)")).toBeGreaterThanOrEqual(21.3); // 16pt = 21.33px
    await chromium.looked(page, 'adjust-letter-print');

    // Its PDF, fetched as the officer's browser would: every size set is 16 point or more, and so is every word.
    const pdfHref = await page.getByRole('link', { name: 'large print PDF', exact: true }).getAttribute('href');
    const res = await page.request.get(new URL(pdfHref as string, page.url()).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain('large-print.pdf');
    const pdf = await res.body();
    const pdfPath = `${ARTIFACTS}/adjust-letter-large-print.pdf`;
    writeFileSync(pdfPath, pdf);
    const sizes = await pdfFontSizes(pdf);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    const words = wordHeights(pdfPath);
    expect(words.map((w) => w.word).join(' ')).toContain('Easingwold again from Tuesday 15 December');
    // Poppler's box spans the font's ascent to its descent: 0.925 em for Helvetica, the letters' font (718 + 207 in
    // its metrics), and 0.9 em or more for the fonts a letter might embed. So a word at 16 point stands 14.8 points
    // high (at least 14.4 in any such font); the same letter at 11 point stands 10.2.
    const smallest = words.reduce((a, b) => (b.height < a.height ? b : a));
    expect(smallest.height, `"${smallest.word}" is ${smallest.height.toFixed(1)} points high`).toBeGreaterThanOrEqual(16 * 0.9);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, `${ARTIFACTS}/adjust-letter-large-print`]);
    await officer.close();
  }, 240_000);

  it('every page looked at is valid HTML (the Nu HTML Checker)', async () => {
    expect(Object.keys(chromium.pages).length).toBeGreaterThanOrEqual(7);
    const errors = await htmlErrors(chromium.pages);
    expect(Object.fromEntries(Object.entries(errors).filter(([, e]) => e.length > 0))).toEqual({});
  }, 120_000);
});
