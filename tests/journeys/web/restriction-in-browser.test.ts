/**
 * Issue 24 (contact restrictions and feedback), in Debian's chromium against the real local servers (DynamoDB
 * Local, the SES emulator, the SMTP listener, the OIDC provider): the council's relevant Director restricts how a
 * complainant contacts them from the console; the letter to the person is read (in the SES outbox and on their own
 * page); a message they then send over SMTP is kept on their case, no new case, nothing sent back, and the Director
 * (the point of contact) is told by notice and sees it on the case page; once the case is closed the complainant
 * answers the feedback questions on their page, once. Each page is checked by axe-core and by the Nu HTML Checker;
 * screenshots go under test-artifacts/restrict-*.png.
 */
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { startSmtpListener } from '#local/smtp-listener';
import { clickAndLoad } from '#tests/support/browser';
import { consoleInChromium, type ConsoleInChromium } from '#tests/support/console-in-chromium';
import type { FormStack } from '#tests/support/form-stack';
import { sendRaw } from '#tests/support/send-smtp';
import { sentEmails } from '#tests/support/ses-outbox';
import { quietLog } from '#tests/support/test-stack';
import { htmlErrors } from '#tests/support/valid-html';

const PAT = 'pat.restricted@example.net';
const COUNCIL = 'complaints@county-council.example';
const DIRECTORS = 'director.notices@county-council.example';
const REASON = 'Over three weeks you telephoned our staff more than forty times and used abusive language on six calls.';
const SCOPE = 'Telephone calls to any member of staff other than your point of contact.';

let chromium: ConsoleInChromium;
let stack: FormStack;
let browser: Browser;
let smtp: RunningServer;

beforeAll(async () => {
  chromium = await consoleInChromium();
  ({ stack, browser } = chromium);
  smtp = await startSmtpListener({ port: 0, maxEmailBytes: 1_000_000, maxRecipients: 50, rawMail: stack.rawMail, noteReceipt: stack.useCases.noteMailReceipt, take: stack.useCases.takeReceivedEmail, log: quietLog, now: () => stack.clock.now() });
}, 120_000);

afterAll(async () => {
  await smtp?.stop();
  await chromium?.stop();
});

const mail = (id: string, subject: string, words: string) => [`From: Pat Restricted <${PAT}>`, `To: ${COUNCIL}`, `Subject: ${subject}`, `Message-ID: <${id}@example.net>`, '', words, ''].join('\r\n');

describe('a restriction on contact, set in the console, and feedback after closure, in a browser', () => {
  it('the Director sets it, the letter says all of it, later mail is kept and the Director told, and the complainant answers feedback once', async () => {
    // The complaint comes in over SMTP, as any email does.
    await sendRaw(smtp.port as number, PAT, [COUNCIL], mail('first', 'The bins', 'The bins were missed for the third week running.'));
    await stack.sendLetters();
    const [opened] = await stack.cases.ofComplainant('county-council', PAT);
    const reference = opened?.reference as string;
    expect(reference).toMatch(/^[A-Z]+-2026-\d{4}$/);

    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const base = await chromium.signIn(page, 'county-council.director');
    await page.goto(`${base}/console/cases/${reference}`);
    await chromium.looked(page, 'restrict-case');
    await page.getByRole('link', { name: 'Restrict how the complainant contacts us', exact: true }).click();
    await page.getByLabel(/^Why \(the behaviour/).fill(REASON);
    await page.getByLabel('What is limited').fill(SCOPE);
    await page.getByLabel('By post', { exact: true }).check();
    await page.getByLabel('Their single point of contact (a person’s name)').fill('Dee Director');
    await page.getByLabel(/^That person’s role/).selectOption('director');
    await page.getByLabel('Review by').fill('2027-01-25');
    await chromium.looked(page, 'restrict-form');
    await clickAndLoad(page, page.getByRole('button', { name: 'Preview' }));
    await chromium.looked(page, 'restrict-preview');
    await page.getByRole('button', { name: /^Confirm/ }).click();
    await page.waitForURL(new RegExp(`/console/cases/${reference}\\?done=`));
    await chromium.looked(page, 'restrict-set');
    // The case page says it near the top, for whoever picks the case up.
    const shown = await page.getByRole('region', { name: 'Contact is restricted' }).innerText();
    for (const words of [SCOPE, 'by post', 'Dee Director (the relevant Director): their messages go to them', '25 January 2027']) expect(shown).toContain(words);
    expect((await stack.cases.get(reference))?.restriction).toMatchObject({ person: { email: PAT }, channelsOpen: ['post'], pointOfContact: { name: 'Dee Director', role: 'director' }, reviewOn: '2027-01-25' });

    // The letter to the person says why, what is limited, what is left open, who answers, the review date, how to ask for a review.
    await stack.sendLetters();
    const letter = (await sentEmails(stack.sesEndpoint, PAT)).find((e) => e.subject === `[${reference}] How you can contact us from now on`);
    const text = letter?.body.text ?? '';
    for (const words of [REASON, SCOPE, 'How you can contact us: by post to [street address], [town], [postcode].', 'Dee Director (the relevant Director) is now your single point of contact', 'Nothing you send is ignored or thrown away']) expect(text).toContain(words);
    expect(text).toMatch(/We will review this decision by (Monday )?25 January 2027/);
    expect(text).toMatch(/ask us to look at it again at any time/);
    expect(text).toContain('If you email us, or reply to this email, what you send is still kept with your complaint and passed to Dee Director, who will answer you by post.');
    const sentToPat = (await sentEmails(stack.sesEndpoint, PAT)).length;

    // A message from them over SMTP: a 250, kept on their case (no new case), nothing sent back, the Director told.
    await sendRaw(smtp.port as number, PAT, [COUNCIL], mail('second', 'Another thing', 'And another thing about the bins, and the crew.'));
    await stack.sendLetters();
    expect((await stack.cases.ofComplainant('county-council', PAT)).map((c) => c.reference)).toEqual([reference]);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'mail-in' && e.detail?.subject === 'Another thing')).toBeDefined();
    expect((await sentEmails(stack.sesEndpoint, PAT)).length).toBe(sentToPat);
    const notices = await sentEmails(stack.sesEndpoint, DIRECTORS);
    const notice = notices.find((e) => e.subject === `[${reference}] For Dee Director: a message from a person whose contact is restricted`);
    expect(notice?.body.text).toContain('And another thing about the bins, and the crew.');
    expect(notice?.body.text).toContain('Redress sent them nothing');
    await page.goto(`${base}/console/cases/${reference}`);
    const caseWords = await page.locator('main').innerText();
    expect(caseWords).toContain('Contact is restricted: this message is kept here and was sent to Dee Director, the point of contact; Redress sent them nothing');
    expect(caseWords).toContain('And another thing about the bins');
    await chromium.looked(page, 'restrict-mail-kept');
    await context.close();

    // The case closes; the complainant's page shows the letter and asks the feedback questions, once.
    await stack.useCases.staff.close({ category: 'waste', reference, at: DateTime.fromISO('2026-12-10T10:00:00Z'), actor: 'director' });
    await stack.sendLetters();
    const token = (await stack.cases.get(reference))?.page?.token as string;
    const own = await (await browser.newContext({ bypassCSP: true })).newPage();
    await own.goto(`${stack.url}/cases/${token}`);
    // The letter, read on their page; and the page's "Contact us" says what the letter says, not "reply to any letter".
    await own.getByText(`[${reference}] How you can contact us from now on`).click();
    const read = await own.locator('details[open]', { hasText: 'How you can contact us from now on' }).locator('.letter').innerText();
    for (const words of [REASON, SCOPE, 'Dee Director (the relevant Director) is now your single point of contact']) expect(read).toContain(words);
    const contact = await own.locator('h2:text-is("Contact us") + p').innerText();
    expect(contact).toContain('For now you can contact us by post, and Dee Director is your single point of contact');
    expect(contact).not.toContain('reply to any of our letters');
    await chromium.looked(own, 'restrict-page-closed');
    await own.getByRole('group', { name: 'Did we explain clearly what would happen and when?' }).getByLabel('Partly', { exact: true }).check();
    await own.getByRole('group', { name: 'Do you feel we handled your complaint fairly?' }).getByLabel('Yes', { exact: true }).check();
    await own.getByRole('group', { name: 'How did the time it took feel to you?' }).getByLabel('Too long', { exact: true }).check();
    await clickAndLoad(own, own.getByRole('button', { name: 'Send your answers' }));
    await expect(own.getByRole('status').textContent()).resolves.toContain('Thank you. We have your answers.');
    expect(await own.getByRole('button', { name: 'Send your answers' }).count()).toBe(0);
    await chromium.looked(own, 'restrict-page-feedback-given');
    expect((await stack.cases.get(reference))?.feedback?.answers).toEqual({ clear: 'partly', fair: 'yes', time: 'too-long' });
    await own.context().close();
  }, 240_000);

  it('the pages are valid HTML (the Nu HTML Checker)', async () => {
    expect(Object.keys(chromium.pages).length).toBeGreaterThan(0);
    const errors = await htmlErrors(chromium.pages);
    expect(Object.fromEntries(Object.entries(errors).filter(([, e]) => e.length > 0))).toEqual({});
  }, 120_000);
});
