/**
 * Issue 24, in Debian's chromium against the real local servers (DynamoDB Local, the OIDC provider `npm start`
 * runs): the council's Customer Relations Team records a telephone call as a service request, not a complaint (the
 * record page's first question); the case page says so first, with no complaint deadlines, and the letter to post
 * says what happens next and that the caller can still complain, and how; the cases list finds it under "Service
 * request". A step is recorded; then the caller complains about it, and the case page and timeline show both dates,
 * the complaint's deadlines counted from the first contact. The service manager gives more time, and the holding
 * letter names the Local Government and Social Care Ombudsman, how to reach it and when the caller may go to it
 * (LGSCO 5.5, 6.5). Every letter is read on the case page as the officer reads it before posting it. Each new page
 * is checked by axe-core and by the Nu HTML Checker; screenshots go under test-artifacts/service-request-*.png.
 */
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, clickAndLoad } from '#tests/support/browser';
import { consoleInChromium, type ConsoleInChromium } from '#tests/support/console-in-chromium';
import type { FormStack } from '#tests/support/form-stack';
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

/** An action from the case page's list: its form, the preview, then the confirmation; the form and preview looked at. */
async function act(page: Page, reference: string, label: string, name: string, fill: (page: Page) => Promise<void> = async () => {}): Promise<void> {
  await clickAndLoad(page, page.getByRole('link', { name: label, exact: true }));
  await fill(page);
  await looked(page, `service-request-${name}-form`);
  await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
  await looked(page, `service-request-${name}-preview`);
  await page.getByRole('button', { name: /^Confirm/ }).click();
  await page.waitForURL(new RegExp(`/console/cases/${reference}\\?done=`));
}

/** The letters on the case page, drafted for post, newest last: their subjects and texts, as the officer opens them. */
async function lettersOn(page: Page): Promise<{ subject: string; text: string }[]> {
  const items = page.locator('details:has(.letter)');
  const out: { subject: string; text: string }[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    await item.locator('summary').click();
    out.push({ subject: await item.locator('summary').innerText(), text: (await item.locator('.letter').innerText()).replace(/\s+/g, ' ') });
  }
  return out;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('a telephone call recorded as a service request, then complained about, in the console', () => {
  it('is recorded as one, says so first, writes the letter, is listed as one, and becomes a complaint counted from the first contact', async () => {
    // Three days before the stack's clock: the complaint's deadlines later count from then.
    const firstContact = DateTime.fromJSDate(stack.clock.now()).setZone('Europe/London').minus({ days: 3 }).set({ second: 0, millisecond: 0 });
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const base = await signIn(page, 'county-council.customer-relations');

    await page.getByRole('link', { name: 'Record a complaint' }).click();
    await page.waitForURL(/\/console\/record\/county-council$/);
    await page.getByRole('link', { name: 'Not a complaint: record a service request instead' }).click();
    await page.waitForURL(/\/console\/record\/county-council\?kind=service-request$/);
    await page.getByLabel('How the request was made').selectOption('phone');
    await page.getByLabel('When it was made (UK time)').fill(firstContact.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByLabel('Name (required)', { exact: true }).fill('Pat Caller');
    await page.getByLabel('Telephone (if they gave one)').fill('01632 960123');
    await page.getByLabel('Postal address (if they gave one)').fill('14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR');
    await page.getByLabel('How they want us to write to them').selectOption('post');
    await page.getByLabel('What it is about, in a line').fill('Streetlight out');
    await page.getByLabel('What they asked us to do, in their words as far as you can').fill('The streetlight outside 14 Mill Lane has been out for a week.');
    await looked(page, 'service-request-record-form');
    await page.getByRole('button', { name: 'Record the service request' }).click();
    const heading = await page.getByRole('heading', { level: 1, name: /^Recorded: / }).innerText();
    const reference = /^Recorded: (\S+)$/.exec(heading)?.[1] ?? '';
    expect(reference, await page.locator('main').innerText()).toMatch(/^CCC-\d{4}-\d{4}$/);
    expect(flat(await page.locator('main').innerText())).toContain(`County Council’s service request is kept as ${reference}. Give the person this reference. The letter saying what happens next, and that they can still complain and how, is on the case as a letter to post`);
    await looked(page, 'service-request-recorded');

    await page.getByRole('link', { name: `Open ${reference}` }).click();
    await page.waitForURL(new RegExp(`/console/cases/${reference}$`));
    const main = flat(await page.locator('main').innerText());
    expect(main).toContain('Service request, not a complaint');
    expect(main).toContain('What they asked us to do Streetlight out: The streetlight outside 14 Mill Lane has been out for a week.');
    expect(main).toContain('None: a service request has no complaint deadlines.');
    await looked(page, 'service-request-case');
    const [recorded] = await lettersOn(page);
    expect(recorded?.subject).toContain('We have recorded your request');
    for (const words of ['Pat Caller', '14 Mill Lane', 'York YO26 9TR', reference, 'What you asked us to do', 'The streetlight outside 14 Mill Lane has been out for a week.', 'What happens next', 'We will write to you when it is done.', 'You can still make a complaint', 'you can make a complaint at any time, including now', 'tell us you want to make a complaint', `we will count the time we take to answer your complaint from ${firstContact.toFormat('cccc d LLLL yyyy')}, when you first contacted us about it`]) {
      expect(recorded?.text, words).toContain(words);
    }
    expect(recorded?.text).not.toMatch(/reply to this email/i);

    await act(page, reference, 'A step on the service request', 'step', async (p) => {
      await p.getByLabel('What was done (staff only)').fill('Fault reported to the lighting contractor, job 5521.');
    });
    expect(flat(await page.locator('main').innerText())).toContain('Fault reported to the lighting contractor, job 5521.');

    // The cases list finds it as a service request, and not among complaints.
    await page.goto(`${base}/console/cases?kind=service-request`);
    const listed = page.getByRole('row').filter({ hasText: reference });
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.innerText()).toContain('(service request)');
    await looked(page, 'service-request-list');
    await page.goto(`${base}/console/cases?kind=complaint`);
    expect(await page.getByRole('row').filter({ hasText: reference }).count()).toBe(0);

    // The caller rings again, unhappy: a complaint from now on, counted from the first contact.
    await page.goto(`${base}/console/cases/${reference}`);
    await act(page, reference, 'They are complaining about it: record the complaint', 'complaint', async (p) => {
      await p.getByLabel('What they are unhappy about, in their words').fill('Nobody has come to fix it and nobody rang me back.');
    });
    const now = flat(await page.locator('main').innerText());
    expect(now).toContain('Service request, now a complaint');
    expect(now).toContain('What they are unhappy about Nobody has come to fix it and nobody rang me back.');
    expect(now).toMatch(new RegExp(`The complaint’s deadlines count from ${firstContact.toFormat('d LLLL yyyy')} at \\d\\d:\\d\\d \\(the first contact, when the service request came in\\)`));
    expect(now).toContain(`First contact (the service request) ${firstContact.toFormat('d LLLL yyyy')}`);
    expect(now).toMatch(/Respond by \w+ \d+ \w+ \d{4}/);
    expect(now).toContain(`about the service request first raised on ${firstContact.toFormat('cccc d LLLL yyyy')}: its deadlines count from the first contact`);
    await looked(page, 'service-request-became-complaint');
    const acknowledgement = (await lettersOn(page)).find((l) => l.subject.includes('We have received your complaint'));
    expect(acknowledgement?.text).toContain(reference);
    await context.close();

    // The service manager needs more time: the holding letter names the Ombudsman (LGSCO 5.5, 6.5).
    const managerContext = await browser.newContext({ bypassCSP: true });
    const manager = await managerContext.newPage();
    await signIn(manager, 'county-council.service-manager');
    await manager.goto(`${base}/console/cases/${reference}`);
    const latest = (await stack.cases.get(reference))?.deadlines.find((d) => d.kind === 'respond-max' && d.status === 'pending')?.dueDate as string;
    await act(manager, reference, 'More time (with the holding letter)', 'extend', async (p) => {
      await p.getByLabel('Which deadline').selectOption('respond');
      await p.getByLabel('New date').fill(latest);
      await p.getByLabel('Why more time is needed (the letter tells the complainant)').fill('The contractor must inspect the column before we can answer.');
    });
    const letters = await lettersOn(manager);
    writeFileSync(`${ARTIFACTS}/service-request-letters.txt`, letters.map((l) => `=== ${l.subject}\n${l.text}`).join('\n\n'));
    const holding = letters.find((l) => l.text.includes('The contractor must inspect the column'));
    for (const words of ['Pat Caller', '14 Mill Lane', 'If you are unhappy about the delay', 'Local Government and Social Care Ombudsman', 'https://www.lgo.org.uk/', '0300 061 0614', 'you can contact it now if you are unhappy about the delay']) {
      expect(holding?.text, words).toContain(words);
    }
    await looked(manager, 'service-request-extended');
    await managerContext.close();
  }, 240_000);

  it('the new pages are valid HTML (the Nu HTML Checker)', async () => {
    expect(Object.keys(pages).length).toBeGreaterThan(0);
    const errors = await htmlErrors(pages);
    expect(Object.fromEntries(Object.entries(errors).filter(([, e]) => e.length > 0))).toEqual({});
  }, 120_000);
});
