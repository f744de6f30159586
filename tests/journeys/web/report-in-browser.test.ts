/**
 * The annual report as the board reads it: rendered in Debian's chromium to PNG and PDF (test-artifacts/), checked
 * by axe-core, and its published form with small counts in words and no lessons.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportHtml } from '#adapters/http/annual-report-html';
import type { AnnualReport } from '#application/reporting/annual-report';
import { accessibilityProblems, ARTIFACTS, launchChromium, screenshot } from '#tests/support/browser';
import { councilYear } from '#tests/support/council-year';

let browser: Browser;
let report: AnnualReport;

beforeAll(async () => {
  browser = await launchChromium();
  const { stack } = await councilYear();
  stack.clock.set('2028-01-04T09:00:00Z');
  report = await stack.useCases.annualReport('county-council', 2027);
});
afterAll(() => browser?.close());

describe('the annual report in a browser', () => {
  it('shows the figures beside the year before, the charts, the self-assessment and the lessons; prints to PDF', async () => {
    const html = await annualReportHtml(report);
    const page = await (await browser.newContext()).newPage();
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Complaints in 2027: County Council');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Complaints received\t6\t1');
    expect(text).toContain('Average working days to respond\t8.8');
    expect(text).toContain("Self-assessment against the Local Government and Social Care Ombudsman's Complaint Handling Code (2024)");
    expect(text).toContain('A complaint acknowledged within 5 working days of being received');
    expect(text).toContain('Route changes must reach the crews before the day.');
    // Each chart is a picture with its figures in words, and it has been drawn.
    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(3);
    expect(await charts.first().getAttribute('alt')).toMatch(/^What complaints were about: .*Something else: 2; Not yet categorised: 4/);
    expect(await page.evaluate("Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0)")).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'report-county-council-2027');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'report-county-council-2027-print');
    const pdf = await page.pdf({ path: `${ARTIFACTS}/report-county-council-2027.pdf`, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('for publication: counts from 1 to 4 in words, no lessons, and no chart that would show a small count', async () => {
    const html = await annualReportHtml(report, { publication: { threshold: 5 } });
    const page = await (await browser.newContext()).newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const text = await page.locator('main').innerText();
    expect(text).toContain('Complaints received\t6\tfewer than 5');
    expect(text).toContain('Withdrawn\tfewer than 5');
    // The self-assessment's figures are words too, and no sentence counts the destroyed cases.
    expect(text).toContain('This year: fewer than 5 of fewer than 5 on time.');
    expect(text).not.toMatch(/\b[1-4] of \S+ on time|(outcomes|agreed|done|overdue|this year): [1-4]\b/);
    expect(text).not.toContain('personal data destroyed');
    expect(text).not.toContain('Route changes');
    expect(text).not.toContain('Lessons learnt');
    // Closing now asks for a category: what complaints were about (2 something else, 4 not yet categorised) and
    // responses on time (4) are all counts under 5, so neither chart is published.
    expect(await page.getByRole('img').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'report-county-council-2027-published');
    await page.context().close();
  });
});
