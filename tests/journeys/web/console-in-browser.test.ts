/**
 * The staff console in Debian's chromium: signing in through a real OpenID Connect provider (the local one `npm
 * start` runs, with authorization code and PKCE) as different roles of one organisation, and what each may see:
 * the Chair sees a complaint about the CEO and the CEO does not, not even in the morning view's counts; a
 * confidential case shows only its reference to others, and its handler's reading is on its timeline; an officer
 * takes an emailed complaint to its outcome letter; the annual report is for the roles the policy names. Finding
 * cases and held mail, and sessions, are beside it (console-search-and-held-, console-sessions-in-browser). axe-core
 * checks each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeliveryReport } from '#application/correspondence/record-delivery-report';
import { settingsFrom } from '#composition/settings';
import { accessibilityProblems, clickAndLoad, screenshot } from '#tests/support/browser';
import { deliver } from '#tests/support/deliver';
import { sentEmails } from '#tests/support/ses-outbox';
import { consoleWithCases, type ConsoleWithCases } from '#tests/support/console-with-cases';
import type { FormStack } from '#tests/support/form-stack';

let journey: ConsoleWithCases;
let stack: FormStack;
let staff: ConsoleWithCases['staff'];
let cases: ConsoleWithCases['cases'];
let signedIn: ConsoleWithCases['signedIn'];
let browser: ConsoleWithCases['browser'];

beforeAll(async () => {
  journey = await consoleWithCases();
  ({ stack, staff, cases, signedIn, browser } = journey);
});

afterAll(async () => {
  await journey?.stop();
});

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

    await clickAndLoad(page, page.getByRole('link', { name: cases.confidential }));
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
    await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
    expect(await page.content()).toContain('sol.secret@example.net');
    const seen = (await stack.cases.timeline(cases.confidential)).filter((e) => e.type === 'viewed');
    expect(seen.map((e) => e.summary)).toEqual(['Read the confidential case', "Saw the letter to the complainant in a preview of: The stage's decision (outcome letter)"]);

    await page.goto(`${page.url().split('/console')[0]}/console`);
    await clickAndLoad(page, page.getByRole('link', { name: "Alumot's complaints policy" }));
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
    await clickAndLoad(chair.page, chair.page.getByRole('link', { name: cases.aboutCeo }));
    expect(await chair.page.content()).toContain('The CEO shouted at me at the open day.');
    await chair.context.close();

    const member = await signedIn('alumot.staff');
    await clickAndLoad(member.page, member.page.getByRole('link', { name: cases.confidential }));
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
    await clickAndLoad(page, page.getByRole('link', { name: reference }));
    // A file added from the case page (notes of a call): sent with no file, the form says what is missing; then the
    // file is listed on the case for staff.
    await clickAndLoad(page, page.getByRole('link', { name: 'Add a file (a scanned letter, notes of a call)' }));
    expect(await accessibilityProblems(page)).toEqual([]);
    await clickAndLoad(page, page.getByRole('button', { name: 'Add the file' }));
    expect(await page.locator('main').innerText()).toContain('Choose the file to add.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('The file').setInputFiles({ name: 'call-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Rang Bo: the bins were out by 7.') });
    await page.getByLabel('What it is (optional)').fill('Notes of a call with Bo');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add the file' }));
    expect(page.url()).toMatch(new RegExp(`/console/cases/${reference}\\?done=attach$`));
    const withFile = await page.locator('main').innerText();
    expect(withFile).toContain('Done: the file was added.');
    expect(withFile).toMatch(/call-notes\.txt\s+\(32 bytes, text\/plain\)/);
    expect(withFile).toContain('File added: call-notes.txt (Notes of a call with Bo)');
    // The file kept is the file sent, byte for byte, behind the case page's link.
    const kept = await page.request.get(new URL((await page.getByRole('link', { name: 'call-notes.txt' }).getAttribute('href')) ?? '', page.url()).href);
    expect(kept.status()).toBe(200);
    expect(await kept.text()).toBe('Rang Bo: the bins were out by 7.');
    await clickAndLoad(page, page.getByRole('link', { name: "The stage's decision (outcome letter)" }));
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-action-form');
    // No decision is chosen for the officer: sent without one, the form comes back saying so, at the field.
    expect(await page.getByLabel('Decision', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('Why we reached this decision').fill('The crew missed your street twice; the third week the bins were out late.');
    await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
    expect(await page.locator('main').innerText()).toContain('choose the decision (upheld, partly upheld or not upheld): nothing is chosen for you');
    expect(await page.getByRole('link', { name: 'Go to: Decision' }).getAttribute('href')).toBe('#f-decision');
    await page.getByLabel('Decision', { exact: true }).selectOption('partly-upheld');
    await page.getByLabel('If partly upheld: what we upheld').fill('That the crew missed your street in two of the three weeks.');
    await page.getByLabel('If partly upheld: what we did not uphold').fill('That the bins were missed in the third week.');
    await page.getByLabel('An apology', { exact: true }).check();
    await page.getByLabel('Action 1 we agreed').fill('Add your street to the round sheet');
    await page.getByLabel('Action 1 due by').fill('2027-01-08');
    await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
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
});
