/**
 * Issue 23, in Debian's chromium against the real local servers (DynamoDB Local, the OIDC provider `npm start`
 * runs): for each of the five seed policies, an officer signed in records a telephone complaint in the console
 * (a caller with no email, who wants letters by post) and carries it to its last letter there alone: the
 * acknowledgement (or the request for a signature), the stage's decision, the case closed. Every letter is read
 * on the case page, as the officer reads it before posting it. Each new page is checked by axe-core and by the
 * Nu HTML Checker; screenshots go under test-artifacts/.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryStage } from '#domain/case/route-case';
import { ARTIFACTS, clickAndLoad } from '#tests/support/browser';
import { consoleInChromium, type ConsoleInChromium } from '#tests/support/console-in-chromium';
import type { FormStack } from '#tests/support/form-stack';
import { seedPolicies } from '#tests/support/policies';
import { htmlErrors } from '#tests/support/valid-html';

let chromium: ConsoleInChromium;
let stack: FormStack;
let browser: Browser;
let pages: Record<string, string>;
let signIn: ConsoleInChromium['signIn'];
let looked: ConsoleInChromium['looked'];

beforeAll(async () => {
  chromium = await consoleInChromium();
  ({ stack, browser, pages, signIn, looked } = chromium);
}, 120_000);

afterAll(async () => {
  await chromium?.stop();
});

/** The letters on the case page, drafted for post: their subjects and texts, as the officer opens them. */
async function lettersOn(page: Page): Promise<{ subject: string; text: string }[]> {
  const items = page.locator('details:has(.letter)');
  const out: { subject: string; text: string }[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    await item.locator('summary').click();
    out.push({ subject: await item.locator('summary').innerText(), text: await item.locator('.letter').innerText() });
  }
  return out;
}

/** An action from the case page's list: its form, the preview, then the confirmation. */
async function act(page: Page, reference: string, label: string, fill: (page: Page) => Promise<void> = async () => {}): Promise<void> {
  await clickAndLoad(page, page.getByRole('link', { name: label, exact: true }));
  await fill(page);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: /^Confirm/ }).click();
  await page.waitForURL(new RegExp(`/console/cases/${reference}\\?done=`));
}

describe('an officer records a telephone complaint and carries it to its last letter, in the console alone', () => {
  // The five organisations' journeys are independent (a browser context, a case and a member of staff each): they
  // run side by side, as five officers would, instead of one after another (over two minutes of a test run).
  for (const policy of seedPolicies.all) {
    it.concurrent(`${policy.id}`, async () => {
      const handler = entryStage(policy).handler;
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await signIn(page, `${policy.id}.${handler}`);
      const reference = await chromium.recordCall(page, policy.id, { subject: 'Nobody came to the appointment', words: 'I waited in all day on 12 November and nobody came or rang.' }, `record-${policy.id}`);

      const stored = await stack.cases.get(reference);
      expect(stored).toMatchObject({ channel: 'phone', receivedAt: '2026-11-20T16:45:00.000Z', complainant: { name: 'Pat Caller', preferredChannel: 'post' } });

      await clickAndLoad(page, page.getByRole('link', { name: `Open ${reference}` }));
      expect(await page.locator('main').innerText()).toContain('By telephone');
      // A policy that waits for a signed complaint: it arrives by post, and the acknowledgement follows.
      if (await page.getByRole('link', { name: 'The signed complaint arrived', exact: true }).count()) {
        await act(page, reference, 'The signed complaint arrived');
        await act(page, reference, 'Acknowledge, or set the reply date');
      }
      await act(page, reference, "The stage's decision (outcome letter)", async (p) => {
        await p.getByLabel('Decision', { exact: true }).selectOption('not-upheld');
        await p.getByLabel('Why we reached this decision').fill('The visit was booked for 13 November, as our letter of 5 November said.');
      });
      if (await page.getByRole('link', { name: 'Close the case', exact: true }).count()) {
        // Where the policy reports by category, closing asks for one.
        await act(page, reference, 'Close the case', async (p) => {
          if (await p.locator('#f-category').count()) await p.locator('#f-category').selectOption({ index: 1 });
        });
      }
      await looked(page, `record-${policy.id}-case`);

      const letters = await lettersOn(page);
      const texts = letters.map((l) => l.text);
      writeFileSync(`${ARTIFACTS}/record-${policy.id}-letters.txt`, letters.map((l) => `=== ${l.subject}\n${l.text}`).join('\n\n'));
      expect(letters.length, JSON.stringify(letters.map((l) => l.subject))).toBeGreaterThanOrEqual(2);
      for (const text of texts) {
        expect(text).toContain(reference);
        expect(text).toContain('14 Mill Lane');
        expect(text).toContain('York YO26 9TR');
        expect(text).not.toMatch(/reply to this email/i);
      }
      // Each is addressed to the caller; one answers the call, one gives the decision in the officer's words.
      for (const text of texts) expect(text).toContain('Pat Caller');
      expect(letters.some((l) => /received your complaint|sign your complaint/i.test(l.subject)), 'the first letter').toBe(true);
      expect(texts.filter((t) => t.includes('The visit was booked for 13 November, as our letter of 5 November said.'))).toHaveLength(1);
      const c = await stack.cases.get(reference);
      expect(c?.outcome?.decision).toBe('not-upheld');
      await context.close();
    }, 180_000);
  }

  it('the new pages are valid HTML (the Nu HTML Checker)', async () => {
    expect(Object.keys(pages).length).toBeGreaterThan(0);
    const errors = await htmlErrors(pages);
    expect(Object.fromEntries(Object.entries(errors).filter(([, e]) => e.length > 0))).toEqual({});
  }, 120_000);
});
