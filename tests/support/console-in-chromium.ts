import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { startLocalSignIn } from '#local/oidc-provider';
import { localStaffDirectory, type LocalStaffMember } from '#local/staff-directory';
import { accessibilityProblems, clickAndLoad, launchChromium, screenshot } from './browser.js';
import { formStack, type FormStack } from './form-stack.js';
import { onFreePorts } from './on-free-ports.js';
import { seedPolicies } from './policies.js';

/**
 * The console in Debian's chromium against the real local servers: the stack on free ports, the local OIDC provider
 * with one person per role of each seed policy, a browser; sign in as one of them, and look at a page (axe-core,
 * kept for the Nu HTML checker, a screenshot under test-artifacts/).
 */
export interface ConsoleInChromium {
  readonly stack: FormStack;
  readonly browser: Browser;
  readonly staff: readonly LocalStaffMember[];
  /** Every page looked at, by name, as the browser got it: for the HTML checker at the end. */
  readonly pages: Record<string, string>;
  /** Signs in through the provider's form; returns the console's origin as the browser reaches it. */
  signIn(page: Page, username: string): Promise<string>;
  /** Fills in the provider's sign-in page the browser is on, and waits for the console. */
  signInAt(page: Page, username: string): Promise<void>;
  looked(page: Page, name: string): Promise<void>;
  /**
   * From the morning view, records a telephone call from Pat Caller (no email, letters by post, received 20
   * November 2026 at 16:45) through the console's form; returns the reference the page shows. Each page is looked at
   * as `<shots>-form` and `<shots>-recorded`.
   */
  recordCall(page: Page, policyId: string, call: { readonly subject: string; readonly words: string }, shots: string): Promise<string>;
  stop(): Promise<void>;
}

export async function consoleInChromium(): Promise<ConsoleInChromium> {
  const staff = localStaffDirectory(join(mkdtempSync(join(tmpdir(), 'staff-')), 'staff.json'), seedPolicies);
  const { stack, provider } = await onFreePorts(2, async ([port, oidcPort]): Promise<{ stack: FormStack; provider: RunningServer }> => {
    const started = await formStack({ REDRESS_HTTP_PORT: String(port), REDRESS_PUBLIC_URL: `http://localhost:${port}`, REDRESS_OIDC_PORT: String(oidcPort) });
    try {
      return { stack: started, provider: await startLocalSignIn(started.config, staff) };
    } catch (error) {
      await started.server.stop();
      throw error;
    }
  });
  const browser = await launchChromium();
  const pages: Record<string, string> = {};
  const chromium: ConsoleInChromium = {
    stack,
    browser,
    staff,
    pages,
    async signIn(page, username) {
      const base = stack.url.replace('127.0.0.1', 'localhost');
      await page.goto(`${base}/console`);
      await chromium.signInAt(page, username);
      return base;
    },
    async signInAt(page, username) {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(staff.find((s) => s.username === username)?.password ?? '');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/console$/);
    },
    async looked(page, name) {
      expect(await accessibilityProblems(page), name).toEqual([]);
      pages[name] = await page.content();
      await screenshot(page, `${name}`);
    },
    async recordCall(page, policyId, call, shots) {
      await page.getByRole('link', { name: 'Record a complaint' }).click();
      await page.waitForURL(new RegExp(`/console/record/${policyId}$`));
      await chromium.looked(page, `${shots}-form`);
      await page.getByLabel('How the complaint was made').selectOption('phone');
      await page.getByLabel('When it was made (UK time)').fill('2026-11-20T16:45');
      await page.getByLabel('Name (required)', { exact: true }).fill('Pat Caller');
      await page.getByLabel('Telephone (if they gave one)').fill('01632 960123');
      await page.getByLabel('Postal address (if they gave one)').fill('14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR');
      await page.getByLabel('How they want us to write to them').selectOption('post');
      await page.getByLabel('What it is about, in a line').fill(call.subject);
      await page.getByLabel('The complaint, in their words as far as you can').fill(call.words);
      await clickAndLoad(page, page.getByRole('button', { name: 'Record the complaint' }));
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      const reference = /^Recorded: (\S+)$/.exec(heading)?.[1] as string;
      expect(reference, heading).toMatch(/^[A-Z]+-2026-\d{4}$/);
      await chromium.looked(page, `${shots}-recorded`);
      return reference;
    },
    async stop() {
      await browser.close();
      await provider.stop();
      await stack.server.stop();
    },
  };
  return chromium;
}
