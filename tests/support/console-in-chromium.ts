import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { startLocalSignIn } from '#local/oidc-provider';
import { localStaffDirectory, type LocalStaffMember } from '#local/staff-directory';
import { accessibilityProblems, ARTIFACTS, launchChromium } from './browser.js';
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
  looked(page: Page, name: string): Promise<void>;
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
  return {
    stack,
    browser,
    staff,
    pages,
    async signIn(page, username) {
      const base = stack.url.replace('127.0.0.1', 'localhost');
      await page.goto(`${base}/console`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(staff.find((s) => s.username === username)?.password ?? '');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/console$/);
      return base;
    },
    async looked(page, name) {
      expect(await accessibilityProblems(page), name).toEqual([]);
      pages[name] = await page.content();
      await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
    },
    async stop() {
      await browser.close();
      await provider.stop();
      await stack.server.stop();
    },
  };
}
