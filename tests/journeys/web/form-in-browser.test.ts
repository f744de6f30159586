/**
 * The form in a real headless browser (Debian's chromium-headless-shell driven by playwright-core): fill it in and
 * send it, see the reference; send it wrong, see the errors listed; the first Tab shows the skip link; at a phone's
 * width it fits. axe-core checks each page (the form, with its errors, and the reference), and the strict CSP holds:
 * no style or script blocked. Screenshots go to test-artifacts/ with REDRESS_TEST_SCREENSHOTS=1.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentEmails } from '#tests/support/ses-outbox';
import { accessibilityProblems, clickAndLoad, launchChromium, screenshot } from '#tests/support/browser';
import { formStack, type FormStack } from '#tests/support/form-stack';


let stack: FormStack;
let browser: Browser;

beforeAll(async () => {
  // The person's fill time is simulated by the form handler's clock, not by waiting.
  stack = await formStack({ REDRESS_FORM_MIN_FILL_SECONDS: '3' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.server.stop();
});

describe('the complaint form in a browser', () => {
  it('fill, send, see the reference', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
    await page.goto(`${stack.url}/forms/county-council`);
    // The skip link is hidden until the first Tab gives it the focus, and then seen (WCAG 2.4.7, focus visible).
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect((await skip.boundingBox())?.width).toBeLessThanOrEqual(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent.trim()')).toBe('Skip to main content');
    const shown = await skip.boundingBox();
    expect(shown?.width).toBeGreaterThan(100);
    expect(shown?.height).toBeGreaterThan(20);
    expect(await page.evaluate("(({ opacity, visibility, color, backgroundColor }) => ({ opacity, visibility, color, backgroundColor }))(getComputedStyle(document.activeElement))")).toEqual({ opacity: '1', visibility: 'visible', color: 'rgb(11, 12, 12)', backgroundColor: 'rgb(255, 221, 0)' });
    // The house style arrives under the page's own CSP: the narrow fields are narrow.
    expect(await page.evaluate("getComputedStyle(document.getElementById('phone')).maxWidth")).toBe('285px');
    await page.getByLabel('Your name').fill('Sam Browser');
    await page.getByLabel('Email address').fill('sam.browser@example.net');
    await page.getByLabel('What happened').fill('The bin lorry has missed our street for three weeks.');
    await page.getByLabel('How you would like it resolved').fill('Collect the bins and tell me why.');
    await page.getByLabel('I agree to my information being used').check();
    await screenshot(page, 'form-filled');
    stack.clock.advance(10_000);
    await clickAndLoad(page, page.getByRole('button', { name: 'Send complaint' }));
    await expect(page.getByRole('heading', { name: 'Complaint received' }).isVisible()).resolves.toBe(true);
    const reference = await page.locator('.reference strong').textContent();
    expect(reference).toMatch(/^CCC-\d{4}-0001$/);
    await screenshot(page, 'form-received');
    expect(blocked).toEqual([]);
    await stack.sendLetters();
    expect(await sentEmails(stack.sesEndpoint, 'sam.browser@example.net')).toHaveLength(1);
    await page.close();
  });

  it('send with errors, see them listed and linked to their fields', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.url}/forms/alumot`);
    await page.getByLabel('What happened').fill('short');
    stack.clock.advance(10_000);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: 'There is a problem' }).isVisible()).resolves.toBe(true);
    const items = await summary.getByRole('listitem').allTextContents();
    expect(items).toEqual(
      expect.arrayContaining([
        'Tell us what happened, in at least 10 characters',
        'Agree to how we use your information, so that we can deal with your complaint',
        'Enter your name (our complaints policy, clause 2.2)',
      ]),
    );
    await summary.getByRole('link', { name: 'Enter your name (our complaints policy, clause 2.2)' }).click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('name');
    expect(await page.getByLabel('What happened').inputValue()).toBe('short');
    await screenshot(page, 'form-errors');
    await page.close();
  });

  it('axe-core finds no violations on the form, the form with errors, or the reference page', async () => {
    // axe is put in by the test browser, which may step past the page's CSP (no script allowed).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${stack.url}/forms/not-alone-mentoring`);
    expect(await accessibilityProblems(page)).toEqual([]);
    // And with the skip link shown by the keyboard's focus.
    await page.keyboard.press('Tab');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'form-not-alone-mentoring');
    stack.clock.advance(10_000);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('alert').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Your name').fill('Ada Access');
    await page.getByLabel('Email address').fill('ada.access@example.net');
    await page.getByLabel('What happened').fill('My mentor stopped coming without a word.');
    await page.locator('#signature').fill('Ada Access');
    await page.locator('#signatureDate').fill(stack.clock.now().toISOString().slice(0, 10));
    await page.getByLabel('I agree to my information being used').check();
    stack.clock.advance(10_000);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('heading', { name: 'Complaint received' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    // On a phone (320 CSS px, WCAG 1.4.10 reflow): the form fits the width, nothing to scroll sideways, and passes.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${stack.url}/forms/county-council`);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await accessibilityProblems(page)).toEqual([]);
    // The checker is heard: a page with no language, an image with no text and faint text fails it, each by name, and
    // so does white text on a pale gradient, whose contrast axe cannot measure (a person would have to look).
    await page.setContent('<!doctype html><title>x</title><main><img src="data:,"><p style="color:#999;background:#aaa">Faint words</p><p style="color:#fff;background:linear-gradient(#f3f2f1,#fff)">On a gradient</p></main>');
    const problems = await accessibilityProblems(page);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['color-contrast', 'color-contrast (axe could not decide)', 'html-has-lang', 'image-alt']);
    expect(problems).toContain('image-alt: img');
    await context.close();
  });
});
