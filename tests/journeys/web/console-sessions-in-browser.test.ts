/**
 * The staff console's sessions in Debian's chromium: one journey by keyboard alone, a cross-site POST refused, an
 * expired session sent back to sign-in, security headers on the front door and the sign-in, and sign-out at the
 * console and the provider. axe-core checks each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, screenshot } from '#tests/support/browser';
import { consoleWithCases, type ConsoleWithCases } from '#tests/support/console-with-cases';
import type { FormStack } from '#tests/support/form-stack';

let journey: ConsoleWithCases;
let stack: FormStack;
let staff: ConsoleWithCases['staff'];
let cases: ConsoleWithCases['cases'];
let signedIn: ConsoleWithCases['signedIn'];
let signInAt: ConsoleWithCases['signInAt'];
let browser: ConsoleWithCases['browser'];

beforeAll(async () => {
  journey = await consoleWithCases();
  ({ stack, staff, cases, signedIn, signInAt, browser } = journey);
});

afterAll(async () => {
  await journey?.stop();
});

describe('the staff console', () => {
  it('one journey by keyboard alone: sign in, find a case, write a note, preview and confirm it', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    /** Presses Tab until the focused element's text (or value) is `text`; fails after 60 presses. */
    const tabTo = async (text: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        // A string, so that the test's TypeScript needs no DOM types.
        const focused = (await page.evaluate("(() => { const el = document.activeElement; return el ? (el.innerText || el.value || el.getAttribute('name') || '').trim() : ''; })()")) as string;
        if (focused === text) return;
      }
      throw new Error(`could not reach "${text}" with the Tab key`);
    };
    await page.goto(`${stack.url.replace('127.0.0.1', 'localhost')}/console`);
    await screenshot(page, 'console-sign-in');
    expect(await accessibilityProblems(page)).toEqual([]);
    await tabTo('username');
    await page.keyboard.type('alumot.ceo');
    await page.keyboard.press('Tab');
    await page.keyboard.type(staff.find((p) => p.username === 'alumot.ceo')?.password ?? '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console$/);
    await tabTo(cases.plain);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/console/cases/${cases.plain}$`));
    await tabTo('An internal note');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actions\/note$/);
    await tabTo('text');
    await page.keyboard.type('Rang the complainant; they will send the visit log.');
    await tabTo('Preview');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actions\/note\/preview$/);
    await tabTo('Confirm');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=note$/);
    expect((await stack.cases.timeline(cases.plain)).some((e) => e.summary.includes('Rang the complainant'))).toBe(true);
    await context.close();
  });

  it('refuses a cross-site POST, sends an expired session back to sign-in, and signs out', async () => {
    const { context, page } = await signedIn('alumot.ceo');
    const base = page.url().split('/console')[0] as string;
    const forged = await page.request.post(`${base}/console/sign-out`, { form: { csrf: 'not-the-token' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/signed-out$/);
    expect(await page.content()).toContain('You have signed out');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-signed-out');
    await page.goto(`${base}/console`);
    expect(await page.getByLabel('Username').isVisible()).toBe(true);
    await context.close();

    // Past the session's hour the console sends the browser back through sign-in (the provider's own session,
    // still alive, signs it straight back in: single sign-on, as Cognito's does).
    const again = await signedIn('alumot.ceo');
    const toProvider: string[] = [];
    again.page.on('request', (r) => r.isNavigationRequest() && r.url().includes('/console/sign-in') && toProvider.push(r.url()));
    await again.page.goto(`${base}/console`);
    expect(toProvider).toEqual([]);
    stack.clock.advance(61 * 60_000);
    await again.page.goto(`${base}/console`);
    expect(toProvider).toEqual([`${base}/console/sign-in?return=%2Fconsole`]);
    await again.context.close();
  });

  it("the front door's own page and the local sign-in send security headers, and sign-in works under them", async () => {
    const home = await fetch(`${stack.url}/`);
    expect(home.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
    expect([home.headers.get('x-frame-options'), home.headers.get('x-content-type-options'), home.headers.get('cache-control')]).toEqual(['DENY', 'nosniff', 'no-store']);

    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()));
    const base = stack.url.replace('127.0.0.1', 'localhost');
    const signIn = await page.goto(`${base}/console`);
    expect(signIn?.url()).toMatch(/\/interaction\/[A-Za-z0-9_-]+$/);
    const headers = signIn?.headers() ?? {};
    // The way back to the console carries the sign-in's code: no Referer; the form may post on to the console only.
    expect(headers['content-security-policy']).toMatch(new RegExp(`^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self' ${base}; base-uri 'none'; frame-ancestors 'none'$`));
    expect([headers['x-frame-options'], headers['x-content-type-options'], headers['referrer-policy'], headers['cache-control']]).toEqual(['DENY', 'nosniff', 'no-referrer', 'no-store']);
    await signInAt(page, 'alumot.staff');
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('signing out ends the session on the server and at the provider: a copied cookie is refused, and the next sign-in asks for the password', async () => {
    // The browser as staff use it, CSP and all: the sign-out form's redirect to the provider must be allowed.
    const { context, page } = await signedIn('alumot.ceo', { keepCsp: true });
    const base = page.url().split('/console')[0] as string;
    const copied = (await context.cookies()).find((c) => c.name === 'redress_session');
    expect(copied).toBeDefined();
    const replay = async () => {
      const thief = await browser.newContext();
      await thief.addCookies([copied as NonNullable<typeof copied>]);
      const answer = await thief.request.get(`${base}/console`, { maxRedirects: 0 });
      await thief.close();
      return { status: answer.status(), location: answer.headers().location };
    };
    expect((await replay()).status).toBe(200);

    const blocked: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()));
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider's own sign-out page, reached through the console's CSP.
    await page.getByRole('heading', { name: 'Sign out of Redress' }).waitFor();
    expect(blocked).toEqual([]);
    expect(await replay()).toEqual({ status: 302, location: '/console/sign-in?return=%2Fconsole' });

    // Whoever comes next leaves the provider's page without confirming: the provider still holds a session.
    // Dropping the console's prompt=login and max_age=0 on the way to it does not sign them in on that session:
    // the ID token's auth_time is older than the sign-in, and the console refuses it.
    const start = await page.request.get(`${base}/console/sign-in`, { maxRedirects: 0 });
    const authorize = new URL(start.headers().location as string);
    expect([authorize.searchParams.get('prompt'), authorize.searchParams.get('max_age')]).toEqual(['login', '0']);
    authorize.searchParams.delete('prompt');
    authorize.searchParams.delete('max_age');
    await page.goto(authorize.href);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign-in did not finish');
    // As the console sends them, the provider asks for the password.
    await page.goto(`${base}/console`);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    await signInAt(page, 'alumot.ceo');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This morning');
    expect((await replay()).status).toBe(302);

    // Confirmed at the provider this time: back on the console's signed-out page, and again a password to come back.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/signed-out$/);
    await page.goto(`${base}/console`);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    await context.close();
  });
});
