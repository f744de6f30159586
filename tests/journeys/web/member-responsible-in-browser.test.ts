/**
 * Issue 24, in Debian's chromium against the real local servers (DynamoDB Local, the OIDC provider `npm start`
 * runs): the council's Member Responsible for Complaints (LGSCO 9.5-9.7) signs in and reads the annual report,
 * and nothing of any case: the morning page says so, the report offers no monitoring fields, and a case the
 * Customer Relations Team recorded is not found, in the list or at its address. Each page is checked by axe-core
 * and by the Nu HTML Checker; screenshots go under test-artifacts/member-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleInChromium, type ConsoleInChromium } from '#tests/support/console-in-chromium';
import { htmlErrors } from '#tests/support/valid-html';

let chromium: ConsoleInChromium;
let browser: Browser;

beforeAll(async () => {
  chromium = await consoleInChromium();
  ({ browser } = chromium);
}, 120_000);

afterAll(async () => {
  await chromium?.stop();
});

describe("the council's Member Responsible for Complaints in the console", () => {
  it('reads the annual report, and finds no case, not even one recorded that morning', async () => {
    const crt = await browser.newContext();
    const recording = await crt.newPage();
    await chromium.signIn(recording, 'county-council.customer-relations');
    const reference = await chromium.recordCall(recording, 'county-council', { subject: 'The library roof leaks', words: 'Water came through the ceiling onto the children’s books.' }, 'member-crt');
    await crt.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const base = await chromium.signIn(page, 'county-council.member-responsible');
    const morning = await page.locator('main').innerText();
    expect(morning).toContain('You read its annual report on complaints here; its cases are for the staff who handle them.');
    expect(morning).not.toContain(reference);
    for (const link of ['Record a complaint', 'My cases', 'All cases', 'Find a case', 'Held messages']) expect(await page.getByRole('link', { name: link }).count(), link).toBe(0);
    await chromium.looked(page, 'member-morning');

    await page.getByRole('link', { name: "County Council's annual report" }).click();
    await page.waitForURL(/\/console\/reports\/county-council$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Complaints in 2026: County Council');
    // The recorded call is counted; the report names no case.
    expect(await page.locator('main').innerText()).toMatch(/Complaints received\t[1-9]/);
    expect(await page.locator('body').innerText()).not.toContain(reference);
    expect(await page.getByRole('link', { name: /monitoring fields/ }).count()).toBe(0);
    await chromium.looked(page, 'member-report');

    // The case is not shown at its address, nor in the list of all cases, nor through the monitoring fields: every
    // page of cases refuses the role in words (the same answer for a case that exists and one that does not), with
    // the reports they may read.
    for (const path of [`/console/cases/${reference}`, '/console/cases/CCC-2026-9999']) {
      expect((await page.goto(`${base}${path}`))?.status(), path).toBe(403);
      const refused = await page.locator('main').innerText();
      expect(refused).toContain('Cases are not open to your role');
      expect(refused).not.toContain('library roof');
      expect(refused).not.toContain(reference);
      expect(await page.getByRole('link', { name: "County Council's annual report" }).count()).toBe(1);
    }
    await chromium.looked(page, 'member-case-refused');
    expect((await page.goto(`${base}/console/cases?q=${reference}`))?.status()).toBe(403);
    expect(await page.locator(`a[href="/console/cases/${reference}"]`).count()).toBe(0);
    await chromium.looked(page, 'member-case-list');
    expect((await page.request.get(`${base}/console/reports/county-council/monitoring?year=2026`)).status()).toBe(404);
    await context.close();
  }, 180_000);

  it('the pages are valid HTML (the Nu HTML Checker)', async () => {
    expect(Object.keys(chromium.pages).length).toBeGreaterThan(0);
    const errors = await htmlErrors(chromium.pages);
    expect(Object.fromEntries(Object.entries(errors).filter(([, e]) => e.length > 0))).toEqual({});
  }, 120_000);
});
