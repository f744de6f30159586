/**
 * The complainant's page in a real headless browser (Debian's chromium, playwright-core), checked with axe-core
 * for accessibility at each step: from the web form's "received" page to their own page, adding information
 * with a file, and asking for a review once the outcome is out. Screenshots go to test-artifacts/.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, clickAndLoad, launchChromium, screenshot } from '#tests/support/browser';
import { deliver } from '#tests/support/deliver';
import { formStack, type FormStack } from '#tests/support/form-stack';
import { sentEmails } from '#tests/support/ses-outbox';

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

describe("the complainant's page in a browser", () => {
  it('from the form to their page: add information with a file, then ask for a review, every step accessible', async () => {
    // The page's CSP allows no script: axe is put in by the test browser, which is allowed to step past it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${stack.url}/forms/alumot`);
    await page.getByLabel('Your name').fill('Ari Browser');
    await page.getByLabel('Email address').fill(`ari.${Date.now()}@example.net`);
    await page.getByLabel('What happened').fill('Nobody called me back about my son’s sessions, twice.');
    await page.getByLabel('I agree to my information being used').check();
    stack.clock.advance(10_000);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const reference = (await page.locator('.reference strong').textContent()) as string;
    await page.getByRole('link', { name: "your complaint's own page" }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your complaint to Alumot');
    expect(await page.locator('dl.summary').textContent()).toContain(reference);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'complainant-page');

    const file = join(tmpdir(), `evidence-${Date.now()}.txt`);
    writeFileSync(file, 'The call log for the week.');
    await page.getByLabel('What you want to add').fill('Here is the call log I kept.');
    await page.getByLabel('Files (optional)').setInputFiles(file);
    await clickAndLoad(page, page.getByRole('button', { name: 'Send', exact: true }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('We have added what you sent to your complaint');
    expect((await stack.cases.get(reference))?.attachments.map((a) => a.filename)).toEqual([file.split('/').at(-1)]);
    expect(await accessibilityProblems(page)).toEqual([]);

    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'We checked the call records: we called back on both days.', remedies: [], actions: [], at: DateTime.fromISO('2026-12-01T10:00:00Z'), actor: 'ceo' });
    await stack.sendLetters();
    await page.goto(page.url().split('?')[0] as string);
    await clickAndLoad(page, page.getByRole('button', { name: 'Ask for a review by our appeal panel' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('We have your request.');
    expect((await stack.cases.get(reference))?.stage).toBe('stage-2');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'complainant-page-review-asked');
    await context.close();
  });

  it("confirms a typed address with the button on the letter's link, by keyboard, every step accessible", async () => {
    const email = `typed.${Date.now()}@example.net`;
    const { reference } = await stack.useCases.submitWebComplaint({
      policyId: 'county-council',
      form: { name: 'Kim Keyboard', email, summary: 'The bins were not collected.', confidential: false, consent: true, formToken: 'x' },
      submissionKey: `keyboard-${Date.now()}`,
      receivedAt: stack.clock.now().toISOString(),
      sourceIp: '127.0.0.1',
    });
    await stack.sendLetters();
    const [letter] = await sentEmails(stack.sesEndpoint, email);
    const path = /http:\/\/localhost:3000(\/confirm\/\S+)/.exec(letter?.body.text ?? '')?.[1];
    if (!path) throw new Error(`no link in: ${letter?.body.text}`);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${stack.url}${path}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Confirm your email address');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'confirm-address');
    expect((await stack.cases.get(reference))?.complainant.emailConfirmed).toBe(false);
    await page.getByRole('button', { name: 'Confirm my email address' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your email address is confirmed' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'confirm-address-done');
    expect((await stack.cases.get(reference))?.complainant.emailConfirmed).toBe(true);
    await context.close();
  });

  it('once the final decision is out and the case closed, says where else to go, how to reach each and by when, accessibly', async () => {
    const from = `cam.closed.${Date.now()}@example.net`;
    const [opened] = await deliver(stack, [`From: Cam Closed <${from}>`, 'To: complaints@county-council.example', 'Subject: Missed bins', '', 'The bins on our street were missed three weeks running.', ''].join('\n'));
    if (opened?.kind !== 'case-opened') throw new Error(JSON.stringify(opened));
    const { reference } = opened;
    const staff = stack.useCases.staff;
    const at = (iso: string) => DateTime.fromISO(iso);
    await staff.outcome({ reference, decision: 'not-upheld', summary: 'The crew records show collections on each of those days.', remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await staff.escalate({ reference, at: at('2026-12-02T10:00:00Z'), actor: 'cr' });
    await staff.outcome({ reference, decision: 'not-upheld', summary: 'The stage one findings stand.', remedies: [], actions: [], at: at('2026-12-20T10:00:00Z'), actor: 'officer' });
    await staff.close({ category: 'other', reference, at: at('2026-12-21T10:00:00Z'), actor: 'cr' });
    await stack.sendLetters();
    const link = /on your complaint's own page: (http:\/\/\S+)/.exec((await sentEmails(stack.sesEndpoint, from)).at(-1)?.body.text ?? '')?.[1];
    if (!link) throw new Error('no page link in the last letter');

    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${stack.url}${new URL(link).pathname}`);
    expect(await page.locator('dl.summary').textContent()).toContain('Closed');
    const ombudsman = page.getByRole('region', { name: 'Local Government and Social Care Ombudsman' });
    const words = await ombudsman.innerText();
    expect(words).toContain('Telephone: 0300 061 0614 (Monday to Friday, 10am to 4pm, except public holidays)');
    expect(words).toContain('Post: PO Box 4771, Coventry CV4 0EH');
    // Received (by the stack's clock) on Monday 23 November 2026: twelve months on, at the latest.
    expect(words).toContain('so the last day is Tuesday 23 November 2027 at the latest');
    expect(await ombudsman.getByRole('link', { name: 'https://www.lgo.org.uk/' }).getAttribute('href')).toBe('https://www.lgo.org.uk/');
    expect(await page.locator('main').innerText()).not.toContain('Information Commissioner');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'complainant-page-closed');
    await context.close();
  });
});
