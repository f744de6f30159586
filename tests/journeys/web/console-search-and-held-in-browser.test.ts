/**
 * The staff console in Debian's chromium, finding and sorting: search by name, address and reference through the
 * indexes (never a case about the person searching, never a confidential one by who sent it), and held mail that
 * an operator releases into a case or the CEO discards, unseen by others. axe-core checks each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, clickAndLoad, screenshot } from '#tests/support/browser';
import { deliver } from '#tests/support/deliver';
import { consoleWithCases, type ConsoleWithCases } from '#tests/support/console-with-cases';
import type { FormStack } from '#tests/support/form-stack';

let journey: ConsoleWithCases;
let stack: FormStack;
let cases: ConsoleWithCases['cases'];
let signedIn: ConsoleWithCases['signedIn'];

beforeAll(async () => {
  journey = await consoleWithCases();
  ({ stack, cases, signedIn } = journey);
});

afterAll(async () => {
  await journey?.stop();
});

describe('the staff console', () => {
  it('search finds cases by name, address and reference through the indexes, never one about the person searching, and never a confidential one by who sent it', async () => {
    const ceo = await signedIn('alumot.ceo');
    await clickAndLoad(ceo.page, ceo.page.getByRole('link', { name: 'Find a case' }));
    await ceo.page.getByLabel("Reference, complainant's email, or the start of their name").fill('pat');
    await clickAndLoad(ceo.page, ceo.page.getByRole('button', { name: 'Search' }));
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
    await clickAndLoad(operator.page, operator.page.getByRole('link', { name: 'Held messages' }));
    expect(await accessibilityProblems(operator.page)).toEqual([]);
    await screenshot(operator.page, 'console-held');
    const stray = operator.page.locator('.field', { has: operator.page.getByRole('heading', { name: 'My complaint about the bins' }) });
    await stray.getByLabel('Whose complaint it is').selectOption('county-council');
    await clickAndLoad(operator.page, stray.getByRole('button', { name: 'Release into a case' }));
    const released = /Released into (CCC-\d{4}-\d{4})\./.exec((await operator.page.getByRole('status').textContent()) ?? '')?.[1] as string;
    expect((await stack.cases.get(released))?.complainant.email).toBe('stray.person@example.net');
    await operator.context.close();

    const member = await signedIn('alumot.staff');
    await clickAndLoad(member.page, member.page.getByRole('link', { name: 'Held messages' }));
    expect(await member.page.content()).not.toContain('Out of office');
    await member.context.close();

    const ceo = await signedIn('alumot.ceo');
    await clickAndLoad(ceo.page, ceo.page.getByRole('link', { name: 'Held messages' }));
    const away = ceo.page.locator('.field', { has: ceo.page.getByRole('heading', { name: 'Out of office' }) });
    await away.getByLabel('Why it is not a complaint').fill('an out-of-office reply');
    await clickAndLoad(ceo.page, away.getByRole('button', { name: 'Discard' }));
    expect(await ceo.page.getByRole('status').textContent()).toContain('Discarded');
    expect((await stack.heldMail.list('alumot', 'settled')).map((h) => h.settled?.status)).toEqual(['discarded']);
    await ceo.context.close();
  });
});
