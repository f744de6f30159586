/**
 * Issue 23, in Debian's chromium against the real local servers (DynamoDB Local, the OIDC provider `npm start`
 * runs): the county council's Customer Relations Team records a telephone complaint in the console and routes it
 * (a note, a category, a person of the handling role, then another handler), and cannot decide it: the case page
 * offers them no decision and no closing, says who decides, and a decision forged with their own session's CSRF
 * token is refused 403 in those words with nothing recorded. The record form shows every problem at once; the assign
 * form offers the service manager once they have signed in, by name (the staff directory). Each new page is checked by axe-core and by the Nu HTML
 * Checker; screenshots go under test-artifacts/crt-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAndLoad } from '#tests/support/browser';
import { consoleInChromium, type ConsoleInChromium } from '#tests/support/console-in-chromium';
import type { FormStack } from '#tests/support/form-stack';
import { htmlErrors } from '#tests/support/valid-html';

let chromium: ConsoleInChromium;
let stack: FormStack;
let browser: Browser;
let pages: Record<string, string>;
let signIn: ConsoleInChromium['signIn'];
let looked: ConsoleInChromium['looked'];
/** Who decides stage one of a council case its service manager handles (the words of tests/unit/role-capabilities.test.ts). */
const WHO_DECIDES = 'Only the manager responsible for the service complained about (or someone above them) can decide stage one.';
/** The local provider's service manager: offered by the assign form once they have signed in (the staff directory). */
const MANAGER = 'service-manager@county-council.staff.localhost';

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
  await looked(page, `crt-${name}-form`);
  await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
  await looked(page, `crt-${name}-preview`);
  await page.getByRole('button', { name: /^Confirm/ }).click();
  await page.waitForURL(new RegExp(`/console/cases/${reference}\\?done=`));
}

/** The case page's sentences under "What others do". */
async function othersDo(page: Page): Promise<string[]> {
  return page.locator('h3:text-is("What others do") + ul > li').allInnerTexts();
}

describe("the council's Customer Relations Team records and routes a complaint in the console, and cannot decide it", () => {
  it('records a telephone complaint, notes, files, assigns and reassigns it; no decision is offered, and a forged one is refused', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const base = await signIn(page, 'county-council.customer-relations');
    // The record form sent with nothing typed but a name: every problem at once, listed at the top and beside its field.
    await page.goto(`${base}/console/record/county-council`);
    await page.getByLabel('Name (required)', { exact: true }).fill('Pat Caller');
    await page.getByRole('button', { name: 'Record the complaint' }).click();
    const listed = await page.locator('.error-summary li a').allInnerTexts();
    expect(listed).toEqual(['Choose how they want us to write to them', 'Say what the complaint is about, in their words as far as you can']);
    expect(await page.locator('.field--error .error-message').count()).toBe(2);
    expect(await page.getByLabel('Name (required)', { exact: true }).inputValue()).toBe('Pat Caller');
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('f-preferredChannel');
    await looked(page, 'crt-record-problems');
    await page.goto(`${base}/console`);
    const reference = await chromium.recordCall(page, 'county-council', { subject: 'The bins were not collected', words: 'Our street has had no collection for three weeks.' }, 'crt');
    expect(await stack.cases.get(reference)).toMatchObject({ channel: 'phone', handlerRole: 'service-manager', complainant: { name: 'Pat Caller', preferredChannel: 'post' } });

    await page.getByRole('link', { name: `Open ${reference}` }).click();
    await page.waitForURL(new RegExp(`/console/cases/${reference}$`));
    await looked(page, 'crt-case');

    await act(page, reference, 'An internal note', 'note', (p) => p.getByLabel('Note (staff only)').fill('Rang the depot: the round was missed.'));
    await act(page, reference, 'File it under a category (for the report)', 'category', (p) => p.getByLabel('Category', { exact: true }).selectOption('waste').then(() => undefined));
    // No one of the handling role has signed in yet: the form says people appear once they have.
    await clickAndLoad(page, page.getByRole('link', { name: 'Assign to a person', exact: true }));
    expect(await page.getByText('No one else in this role has signed in to the console yet: people appear here once they have.').count()).toBe(1);
    expect(await page.locator('select[name="to"]').count()).toBe(0);
    await looked(page, 'crt-assign-nobody-yet');
    await page.goBack();
    // The service manager signs in (elsewhere); then they are offered by name, and the role's mailbox is not.
    const managers = await browser.newContext({ bypassCSP: true });
    await signIn(await managers.newPage(), 'county-council.service-manager');
    await managers.close();
    await act(page, reference, 'Assign to a person', 'assign', async (p) => {
      const offered = await p.locator('select[name="to"] option').allInnerTexts();
      expect(offered).toEqual([`The manager responsible for the service complained about (County Council) (${MANAGER})`]);
      await p.getByLabel(/^A person in the role handling it/).selectOption(MANAGER);
    });
    const routed = await stack.cases.get(reference);
    expect(routed).toMatchObject({ category: 'waste', handlerRole: 'service-manager', handler: { email: MANAGER } });
    await looked(page, 'crt-case-routed');

    // The page offers them no decision and no closing, and says once who decides.
    expect(await page.getByRole('link', { name: "The stage's decision (outcome letter)" }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Close the case' }).count()).toBe(0);
    expect(await page.locator(`a[href*="/console/cases/${reference}/actions/outcome"], a[href*="/console/cases/${reference}/actions/close"]`).count()).toBe(0);
    expect((await othersDo(page)).filter((s) => s === WHO_DECIDES)).toHaveLength(1);

    // A decision forged from the page with their own session's CSRF token (from one of its forms): refused in those words.
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    expect(csrf.length).toBeGreaterThan(0);
    const before = await stack.cases.get(reference);
    const refusal = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/console/cases/${reference}/actions/outcome`));
    // Sent as the browser sends a form (the test's tsconfig has no DOM types: the script goes as text, as elsewhere).
    const forged = { action: `${base}/console/cases/${reference}/actions/outcome`, fields: { csrf, decision: 'upheld', summary: 'Forged: upheld.', previewed: String(before?.version ?? '') } };
    await page.evaluate(
      `(({ action, fields }) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        for (const [name, value] of Object.entries(fields)) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      })(${JSON.stringify(forged)})`,
    );
    expect((await refusal).status()).toBe(403);
    await page.waitForLoadState();
    expect(await page.locator('main').innerText()).toContain(WHO_DECIDES);
    await looked(page, 'crt-outcome-refused');
    const after = await stack.cases.get(reference);
    expect(after?.outcome).toBeUndefined();
    expect(after?.status).toBe('open');
    expect(after?.version).toBe(before?.version);

    // Passed to another handler: the independent officer has it now.
    await page.goto(`${base}/console/cases/${reference}`);
    await act(page, reference, 'Another handler', 'reassign', (p) => p.getByLabel('New handler').selectOption('independent-officer').then(() => undefined));
    expect((await stack.cases.get(reference))?.handlerRole).toBe('independent-officer');
    await looked(page, 'crt-case-reassigned');
    expect(await page.getByRole('link', { name: "The stage's decision (outcome letter)" }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Close the case' }).count()).toBe(0);
    expect((await othersDo(page)).filter((s) => s.endsWith('can decide stage one.'))).toHaveLength(1);
    expect((await stack.cases.get(reference))?.outcome).toBeUndefined();
    await context.close();
  }, 300_000);

  it('the new pages are valid HTML (the Nu HTML Checker)', async () => {
    expect(Object.keys(pages).length).toBeGreaterThan(0);
    const errors = await htmlErrors(pages);
    expect(Object.fromEntries(Object.entries(errors).filter(([, e]) => e.length > 0))).toEqual({});
  }, 120_000);
});
