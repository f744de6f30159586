import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalStaffMember } from '#local/staff-directory';
import { consoleInChromium } from './console-in-chromium.js';
import { deliver } from './deliver.js';
import type { FormStack } from './form-stack.js';

/**
 * The staff console's journeys in chromium (tests/journeys/web/console-*-in-browser.test.ts, one file per group so
 * that they run side by side): the console in chromium (consoleInChromium) and three cases of Alumot to look at: a
 * phone complaint about the CEO, a confidential emailed one and a plain emailed one.
 */
export interface ConsoleWithCases {
  readonly stack: FormStack;
  readonly browser: Browser;
  readonly staff: readonly LocalStaffMember[];
  readonly cases: { readonly aboutCeo: string; readonly confidential: string; readonly plain: string };
  /** A new browser context signed in as `username`, on the morning view. */
  signedIn(username: string, options?: { keepCsp?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  /** Fills in the provider's sign-in page the browser is on, and waits for the console. */
  signInAt(page: Page, username: string): Promise<void>;
  stop(): Promise<void>;
}

export async function consoleWithCases(): Promise<ConsoleWithCases> {
  const { stack, browser, staff, signInAt, stop } = await consoleInChromium();
  const at = DateTime.fromISO('2026-11-23T10:00:00Z');
  const aboutCeo = (await stack.useCases.staff.open({ policyId: 'alumot', at, actor: 'trustee', name: 'Pat Phone', phone: '01632 960000', summary: 'The CEO shouted at me at the open day.', about: 'ceo', channel: 'phone', confidential: false })).reference;
  const [secret] = await deliver(stack, ['From: Sol Secret <sol.secret@example.net>', 'To: Shaked@alumot.uk', 'Subject: Confidential complaint: my file', '', 'SECRET-WORDS about my file.', ''].join('\n'));
  const [plain] = await deliver(stack, ['From: Pat Plain <pat.plain@example.net>', 'To: Shaked@alumot.uk', 'Subject: The volunteer did not come', '', 'The volunteer missed three visits.', ''].join('\n'));
  return {
    stack,
    browser,
    staff,
    cases: { aboutCeo, confidential: secret?.kind === 'case-opened' ? secret.reference : '', plain: plain?.kind === 'case-opened' ? plain.reference : '' },
    signInAt,
    async signedIn(username, options = {}) {
      // The console's CSP allows no script: axe is put in by the test browser, which may step past it. A test of
      // what the CSP itself allows (the sign-out's redirect to the provider) keeps it.
      const context = await browser.newContext({ bypassCSP: !options.keepCsp });
      const page = await context.newPage();
      await page.goto(`${stack.url.replace('127.0.0.1', 'localhost')}/console`);
      await signInAt(page, username);
      return { context, page };
    },
    stop,
  };
}
