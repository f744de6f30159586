/**
 * The staff console in Debian's chromium: signing in through a real OpenID Connect provider (the local one `npm
 * start` runs, with authorization code and PKCE) as different roles of one organisation, and what each may see:
 * the Chair sees a complaint about the CEO and the CEO does not, not even in the morning view's counts; a
 * confidential case shows only its reference to others, and its handler's reading is on its timeline; a
 * cross-site POST is refused; an expired session goes back to sign-in; sign-out ends it. axe-core checks each page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { startLocalSignIn } from '#local/oidc-provider';
import { localStaffDirectory, type LocalStaffMember } from '#local/staff-directory';
import { recordDeliveryReport } from '#application/correspondence/record-delivery-report';
import { settingsFrom } from '#composition/settings';
import { accessibilityProblems, launchChromium, screenshot } from '#tests/support/browser';
import { deliver } from '#tests/support/deliver';
import { formStack, type FormStack } from '#tests/support/form-stack';
import { onFreePorts } from '#tests/support/on-free-ports';
import { seedPolicies } from '#tests/support/policies';
import { sentEmails } from '#tests/support/ses-outbox';

let stack: FormStack;
let provider: RunningServer;
let browser: Browser;
let staff: LocalStaffMember[];
const cases = { aboutCeo: '', confidential: '', plain: '' };

beforeAll(async () => {
  staff = localStaffDirectory(join(mkdtempSync(join(tmpdir(), 'staff-')), 'staff.json'), seedPolicies);
  // The public address must name the port before the server starts on it: a port taken meanwhile is tried again.
  ({ stack, provider } = await onFreePorts(2, async ([port, oidcPort]) => {
    const started = await formStack({ REDRESS_HTTP_PORT: String(port), REDRESS_PUBLIC_URL: `http://localhost:${port}`, REDRESS_OIDC_PORT: String(oidcPort) });
    try {
      return { stack: started, provider: await startLocalSignIn(started.config, staff) };
    } catch (error) {
      await started.server.stop();
      throw error;
    }
  }));
  browser = await launchChromium();
  const at = DateTime.fromISO('2026-11-23T10:00:00Z');
  cases.aboutCeo = (await stack.useCases.staff.open({ policyId: 'alumot', at, actor: 'trustee', name: 'Pat Phone', phone: '01632 960000', summary: 'The CEO shouted at me at the open day.', about: 'ceo', channel: 'phone', confidential: false })).reference;
  const [secret] = await deliver(stack, ['From: Sol Secret <sol.secret@example.net>', 'To: Shaked@alumot.uk', 'Subject: Confidential complaint: my file', '', 'SECRET-WORDS about my file.', ''].join('\n'));
  const [plain] = await deliver(stack, ['From: Pat Plain <pat.plain@example.net>', 'To: Shaked@alumot.uk', 'Subject: The volunteer did not come', '', 'The volunteer missed three visits.', ''].join('\n'));
  cases.confidential = secret?.kind === 'case-opened' ? secret.reference : '';
  cases.plain = plain?.kind === 'case-opened' ? plain.reference : '';
});

afterAll(async () => {
  await browser?.close();
  await provider?.stop();
  await stack?.server.stop();
});

async function signedIn(username: string, options: { keepCsp?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  // The console's CSP allows no script: axe is put in by the test browser, which may step past it. A test of
  // what the CSP itself allows (the sign-out's redirect to the provider) keeps it.
  const context = await browser.newContext({ bypassCSP: !options.keepCsp });
  const page = await context.newPage();
  await page.goto(`${stack.url.replace('127.0.0.1', 'localhost')}/console`);
  await signInAt(page, username);
  return { context, page };
}

/** Fills in the provider's sign-in page the browser is on, and waits for the console. */
async function signInAt(page: Page, username: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(staff.find((s) => s.username === username)?.password ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console$/);
}


describe('the staff console', () => {
  it('the CEO signs in: sees the cases of Alumot but never the complaint about the CEO, and reads the confidential one they handle, which is recorded', async () => {
    const { context, page } = await signedIn('alumot.ceo');
    const morning = await page.content();
    expect(morning).toContain(cases.plain);
    expect(morning).toContain(cases.confidential);
    expect(morning).not.toContain(cases.aboutCeo);
    expect(morning).not.toContain('The CEO shouted');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-morning');

    await page.getByRole('link', { name: cases.confidential }).click();
    expect(await page.content()).toContain('SECRET-WORDS about my file.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-case');
    const viewed = (await stack.cases.timeline(cases.confidential)).filter((e) => e.type === 'viewed');
    expect(viewed.map((e) => e.actor)).toEqual([staff.find((s) => s.username === 'alumot.ceo')?.name]);
    // A preview's letter names the complainant and their address: for a confidential case, a reading too.
    stack.clock.advance(60_000);
    await page.goto(`${page.url().split('/console')[0]}/console/cases/${cases.confidential}/actions/outcome`);
    await page.getByLabel('Decision', { exact: true }).selectOption('not-upheld');
    await page.getByLabel('Why we reached this decision').fill('Your file was kept as the policy says.');
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(await page.content()).toContain('sol.secret@example.net');
    const seen = (await stack.cases.timeline(cases.confidential)).filter((e) => e.type === 'viewed');
    expect(seen.map((e) => e.summary)).toEqual(['Read the confidential case', "Saw the letter to the complainant in a preview of: The stage's decision (outcome letter)"]);

    await page.goto(`${page.url().split('/console')[0]}/console`);
    await page.getByRole('link', { name: "Alumot's complaints policy" }).click();
    expect(await page.getByRole('heading', { level: 2, name: 'Stages' }).isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).toContain('Handled by: Chief Executive (Shaked Nir)');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-policy');
    expect((await page.goto(`${page.url().split('/console')[0]}/console/policies/county-council`))?.status()).toBe(404);

    const hidden = await page.goto(`${page.url().split('/console')[0]}/console/cases/${cases.aboutCeo}`);
    expect(hidden?.status()).toBe(404);
    expect(await page.content()).not.toContain('shouted');
    await context.close();
  });

  it('the Chair sees the complaint about the CEO; a member of staff sees the confidential case as its reference only', async () => {
    const chair = await signedIn('alumot.chair');
    expect(await chair.page.content()).toContain(cases.aboutCeo);
    await chair.page.getByRole('link', { name: cases.aboutCeo }).click();
    expect(await chair.page.content()).toContain('The CEO shouted at me at the open day.');
    await chair.context.close();

    const member = await signedIn('alumot.staff');
    await member.page.getByRole('link', { name: cases.confidential }).click();
    const shown = await member.page.content();
    expect(shown).toContain('This complaint is confidential');
    expect(shown).not.toContain('SECRET-WORDS');
    expect(shown).not.toContain('Sol Secret');
    await member.context.close();
  });

  it("a complaints officer takes an emailed complaint to its outcome letter: the form, the preview of the letter, and only on confirmation the letter", async () => {
    const [opened] = await deliver(stack, ['From: Bo Bins <bo.bins@example.net>', 'To: complaints@county-council.example', 'Subject: Missed bins', '', 'The bins on our street were missed three weeks running.', ''].join('\n'));
    const reference = opened?.kind === 'case-opened' ? opened.reference : '';
    const { context, page } = await signedIn('county-council.service-manager');
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('link', { name: "The stage's decision (outcome letter)" }).click();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-action-form');
    // No decision is chosen for the officer: sent without one, the form comes back saying so, at the field.
    expect(await page.getByLabel('Decision', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('Why we reached this decision').fill('The crew missed your street twice; the third week the bins were out late.');
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(await page.locator('main').innerText()).toContain('choose the decision (upheld, partly upheld or not upheld): nothing is chosen for you');
    expect(await page.getByRole('link', { name: 'Go to: Decision' }).getAttribute('href')).toBe('#f-decision');
    await page.getByLabel('Decision', { exact: true }).selectOption('partly-upheld');
    await page.getByLabel('If partly upheld: what we upheld').fill('That the crew missed your street in two of the three weeks.');
    await page.getByLabel('If partly upheld: what we did not uphold').fill('That the bins were missed in the third week.');
    await page.getByLabel('An apology', { exact: true }).check();
    await page.getByLabel('Action 1 we agreed').fill('Add your street to the round sheet');
    await page.getByLabel('Action 1 due by').fill('2027-01-08');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = await page.content();
    expect(preview).toContain('Nothing has been saved or sent yet.');
    expect(preview).toContain('We have upheld part of your complaint.');
    expect(preview).toContain('That the crew missed your street in two of the three weeks.');
    expect(preview).toContain('That the bins were missed in the third week.');
    expect(preview).toContain('Add your street to the round sheet: by Friday 8 January 2027');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-preview');
    await stack.sendLetters();
    expect((await sentEmails(stack.sesEndpoint, 'bo.bins@example.net')).map((m) => m.subject)).toEqual([`[${reference}] We have received your complaint`]);
    expect((await stack.cases.get(reference))?.outcome).toBeUndefined();

    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.waitForURL(new RegExp(`/console/cases/${reference}\\?done=outcome$`));
    expect(await page.getByRole('status').textContent()).toContain("Done: The stage's decision (outcome letter).");
    // The decision as the officer reads it back on the case: what was decided, the remedies and the numbered actions.
    const decided = await page.getByRole('region', { name: 'Decision at Stage one' }).innerText();
    expect(decided).toContain('Remedies: An apology');
    expect(decided).toContain('What we did not uphold: That the bins were missed in the third week.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-case-decided');
    await stack.sendLetters();
    const mail = await sentEmails(stack.sesEndpoint, 'bo.bins@example.net');
    expect(mail.map((m) => m.subject)).toEqual([`[${reference}] We have received your complaint`, `[${reference}] Our decision on your complaint`]);
    expect((await stack.cases.get(reference))?.outcome?.by).toBe(staff.find((p) => p.username === 'county-council.service-manager')?.email);

    // SES reports the outcome letter bounced for good: the officer sees it on the case, as well as in a notice.
    const settings = settingsFrom(stack.config);
    expect(await recordDeliveryReport({ ...stack, ...settings }, reference, { kind: 'bounced', id: 'feedback-outcome', at: stack.clock.now().toISOString(), recipients: ['bo.bins@example.net'], permanent: true, reason: 'Permanent/NoEmail' })).toBe('recorded');
    await page.goto(`${page.url().split('/console')[0]}/console/cases/${reference}`);
    expect(await page.locator('main').innerText()).toContain('Mail to the complainant cannot be delivered (see the timeline). Reach them another way, by telephone or post');
    expect(await page.locator('ol.timeline').innerText()).toContain('Mail to the complainant could not be delivered');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-case-undeliverable');
    await context.close();
  });

  it('shows each message that came in as text (never its HTML), and the files behind links that open only in the session of the person who opened the case, and soon expire', async () => {
    const boundary = 'b-1';
    const [opened] = await deliver(
      stack,
      [
        'From: Fen Files <fen.files@example.net>',
        'To: complaints@county-council.example',
        'Subject: The parking fine',
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The fine was issued while I was loading. Photos attached.',
        `--${boundary}`,
        'Content-Type: application/pdf; name="ticket (1).pdf"',
        'Content-Disposition: attachment; filename="ticket (1).pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 the ticket').toString('base64'),
        `--${boundary}`,
        'Content-Type: application/octet-stream; name="invoice.exe"',
        'Content-Disposition: attachment; filename="invoice.exe"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('MZ not really').toString('base64'),
        `--${boundary}--`,
        '',
      ].join('\n'),
    );
    const reference = opened?.kind === 'case-opened' ? opened.reference : '';
    await deliver(
      stack,
      [
        'From: Fen Files <fen.files@example.net>',
        'To: complaints@county-council.example',
        `Subject: Re: [${reference}] more`,
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>One <b>more</b> thing: <script>alert(1)</script>the warden was rude.</p><img src="https://tracker.example/p.gif">',
        '',
      ].join('\n'),
    );
    const { context, page } = await signedIn('county-council.service-manager');
    await page.goto(`${page.url().split('/console')[0]}/console/cases/${reference}`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('One more thing: the warden was rude.');
    const html = await page.content();
    expect(html).not.toContain('<b>more</b>');
    expect(html).not.toMatch(/<img[^>]*tracker/);
    expect(html).not.toMatch(/<script>alert/);
    expect(main).toContain('invoice.exe');
    expect(await page.getByRole('link', { name: 'invoice.exe' }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-case-files-and-messages');

    const link = await page.getByRole('link', { name: 'ticket (1).pdf' }).getAttribute('href');
    expect(link).toMatch(/^\/console\/files\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const url = new URL(link as string, page.url()).href;
    // The link alone opens nothing: a browser with no session is sent to sign in, and another person signed in
    // (who may read the case too) is refused; it opens in the session of the person who opened the case.
    const anyone = await browser.newContext();
    const unsigned = await anyone.request.get(url, { maxRedirects: 0 });
    expect(unsigned.status()).toBe(302);
    expect(unsigned.headers().location).toMatch(/^\/console\/sign-in\?return=/);
    const other = await signedIn('county-council.customer-relations');
    const theirs = await other.context.request.get(url, { maxRedirects: 0 });
    expect(theirs.status()).toBe(404);
    expect(await theirs.text()).toContain('was made for another sign-in');
    await other.context.close();
    await anyone.close();
    const download = await context.request.get(url);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('%PDF-1.4 the ticket');
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toBe(`attachment; filename="ticket (1).pdf"; filename*=UTF-8''ticket%20%281%29.pdf`);
    expect(download.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect((await context.request.get(`${url}x`)).status()).toBe(404);
    stack.clock.advance(6 * 60_000);
    expect((await context.request.get(url)).status()).toBe(404);
    await context.close();
  });

  it('an action the policy refuses comes back to its form with the reason; a member who may not act is told who may', async () => {
    const { context, page } = await signedIn('alumot.ceo');
    await page.goto(`${page.url().split('/console')[0]}/console/cases/${cases.plain}/actions/outcome`);
    await page.getByLabel('Decision', { exact: true }).selectOption('upheld');
    await page.getByLabel('Why we reached this decision').fill('The volunteer did miss the visits.');
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('the policy requires an apology where a complaint is upheld (clause 2.7): include an apology among the remedies');
    // The problem links to the field to fix, not to a command line flag.
    expect(await page.getByRole('alert').textContent()).not.toContain('--');
    await page.getByRole('alert').getByRole('link', { name: 'Go to: What we will do to put it right' }).click();
    expect(page.url()).toMatch(/#f-remedy-0$/);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('f-remedy-0');
    await context.close();

    const member = await signedIn('alumot.staff');
    const refused = await member.page.goto(`${member.page.url().split('/console')[0]}/console/cases/${cases.plain}/actions/note`);
    expect(refused?.status()).toBe(403);
    expect(await member.page.content()).toContain('Only the Chief Executive (Shaked Nir) (or someone above them) can record on this case');
    expect(await accessibilityProblems(member.page)).toEqual([]);
    await screenshot(member.page, 'console-refused');
    await member.page.goto(`${member.page.url().split('/console')[0]}/console/cases/ALU-1999-0001`);
    expect(await member.page.getByRole('heading', { level: 1 }).textContent()).toBe('No such case');
    expect(await accessibilityProblems(member.page)).toEqual([]);
    await screenshot(member.page, 'console-no-such-case');
    await member.context.close();
  });

  it('search finds cases by name, address and reference through the indexes, never one about the person searching, and never a confidential one by who sent it', async () => {
    const ceo = await signedIn('alumot.ceo');
    await ceo.page.getByRole('link', { name: 'Find a case' }).click();
    await ceo.page.getByLabel("Reference, complainant's email, or the start of their name").fill('pat');
    await ceo.page.getByRole('button', { name: 'Search' }).click();
    const byName = await ceo.page.locator('main').innerText();
    expect(byName).toContain(cases.plain);
    expect(byName).not.toContain(cases.aboutCeo);
    expect(await accessibilityProblems(ceo.page)).toEqual([]);
    await screenshot(ceo.page, 'console-search');
    // The whole list, read a page at a time from the newest-first index.
    await ceo.page.goto(`${ceo.page.url().split('/console')[0]}/console/cases`);
    const all = await ceo.page.locator('main').innerText();
    expect(all).toContain(cases.plain);
    expect(all).toContain(cases.confidential);
    // A list names no confidential case's complainant, even to its handler: opening the case is recorded.
    expect(all).not.toContain('Sol Secret');
    expect(all).not.toContain(cases.aboutCeo);
    await ceo.page.goto(`${ceo.page.url().split('/console')[0]}/console/cases?q=${cases.aboutCeo}`);
    expect(await ceo.page.locator('main').innerText()).toContain('No cases found');
    await ceo.context.close();

    const member = await signedIn('alumot.staff');
    const base = member.page.url().split('/console')[0] as string;
    await member.page.goto(`${base}/console/cases?q=sol.secret%40example.net`);
    expect(await member.page.locator('main').innerText()).toContain('No cases found');
    await member.page.goto(`${base}/console/cases?q=${cases.confidential}`);
    const byReference = await member.page.locator('main').innerText();
    expect(byReference).toContain(cases.confidential);
    expect(byReference).toContain('Confidential');
    expect(byReference).not.toContain('Sol Secret');
    await member.page.goto(`${base}/console/cases?status=closed`);
    expect(await member.page.locator('main').innerText()).toContain('No cases found');
    await member.context.close();
  });

  it('held mail: an operator releases mail sent to no organisation into a case, the CEO discards an automatic reply, and others see none', async () => {
    await deliver(stack, ['From: Stray Person <stray.person@example.net>', 'To: old@nowhere.example', 'Subject: My complaint about the bins', '', 'The bins were missed again.', ''].join('\n'), { recipients: ['old@nowhere.example'] });
    await deliver(stack, ['From: Away Person <away@example.net>', 'To: Shaked@alumot.uk', 'Subject: Out of office', 'Auto-Submitted: auto-replied', '', 'I am away.', ''].join('\n'));

    const operator = await signedIn('operator');
    expect(await operator.page.content()).not.toContain(cases.plain);
    await operator.page.getByRole('link', { name: 'Held messages' }).click();
    expect(await accessibilityProblems(operator.page)).toEqual([]);
    await screenshot(operator.page, 'console-held');
    const stray = operator.page.locator('.field', { has: operator.page.getByRole('heading', { name: 'My complaint about the bins' }) });
    await stray.getByLabel('Whose complaint it is').selectOption('county-council');
    await stray.getByRole('button', { name: 'Release into a case' }).click();
    const released = /Released into (CCC-\d{4}-\d{4})\./.exec((await operator.page.getByRole('status').textContent()) ?? '')?.[1] as string;
    expect((await stack.cases.get(released))?.complainant.email).toBe('stray.person@example.net');
    await operator.context.close();

    const member = await signedIn('alumot.staff');
    await member.page.getByRole('link', { name: 'Held messages' }).click();
    expect(await member.page.content()).not.toContain('Out of office');
    await member.context.close();

    const ceo = await signedIn('alumot.ceo');
    await ceo.page.getByRole('link', { name: 'Held messages' }).click();
    const away = ceo.page.locator('.field', { has: ceo.page.getByRole('heading', { name: 'Out of office' }) });
    await away.getByLabel('Why it is not a complaint').fill('an out-of-office reply');
    await away.getByRole('button', { name: 'Discard' }).click();
    expect(await ceo.page.getByRole('status').textContent()).toContain('Discarded');
    expect((await stack.heldMail.list('alumot', 'settled')).map((h) => h.settled?.status)).toEqual(['discarded']);
    await ceo.context.close();
  });

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

  it('the annual report is a page for the roles the policy names (the council: its Chief Executive), with its CSV; not for others', async () => {
    const { context, page } = await signedIn('county-council.chief-executive');
    await page.getByRole('link', { name: "County Council's annual report" }).click();
    // It opens on the year so far (the stack's clock is in 2026), not the one before.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Complaints in 2026: County Council');
    expect(await page.getByRole('link', { name: '2026', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('main').innerText()).toMatch(/Complaints received\t[1-9]/);
    // The charts are data: images the console's CSP allows, and they have been drawn.
    expect(await page.evaluate("Array.from(document.images).length > 0 && Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0)")).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-report');
    const csv = await page.request.get(`${page.url().split('?')[0]}?year=2026&format=csv&publish=1`);
    expect(csv.headers()['content-disposition']).toBe(`attachment; filename="county-council-complaints-2026.csv"; filename*=UTF-8''county-council-complaints-2026.csv`);
    expect(await csv.text()).toMatch(/^"section","item","2026"/);
    // The monitoring fields per case: personal data for staff, each export on the case's timeline, who and when.
    const monitoring = await page.request.get(`${page.url().split('?')[0]}/monitoring?year=2026`);
    expect(monitoring.status()).toBe(200);
    const rows = (await monitoring.text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/^"reference","received","name","email"/);
    const first = /^"(CCC-2026-\d{4})"/.exec(rows[1] ?? '')?.[1] as string;
    const exported = (await stack.cases.timeline(first)).filter((e) => e.type === 'exported');
    expect(exported.map((e) => e.actor)).toEqual([staff.find((p) => p.username === 'county-council.chief-executive')?.email ?? staff.find((p) => p.username === 'county-council.chief-executive')?.name]);
    await context.close();

    const manager = await signedIn('county-council.service-manager');
    expect(await manager.page.getByRole('link', { name: "County Council's annual report" }).count()).toBe(0);
    expect((await manager.page.goto(`${manager.page.url().split('/console')[0]}/console/reports/county-council?year=2026`))?.status()).toBe(403);
    expect((await manager.page.goto(`${manager.page.url().split('/console')[0]}/console/reports/county-council/monitoring?year=2026`))?.status()).toBe(403);
    await manager.context.close();
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
