import { existsSync, mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.REDRESS_CHROMIUM ?? '/usr/bin/chromium';
/** Where browser tests save their screenshots (and PDFs and letters), for a person to look at. */
export const ARTIFACTS = 'test-artifacts';

/**
 * A full-page screenshot under `folder`, for a person to look at, when asked for (REDRESS_TEST_SCREENSHOTS=1, as
 * docs/testing.md says): no test reads one, and a full page costs chromium about 0.7 s of CPU (a 3,400 px page),
 * a minute of a 2-core machine over a run's hundred.
 */
export async function screenshot(page: Page, name: string, folder: string = ARTIFACTS): Promise<void> {
  if (process.env.REDRESS_TEST_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

const LAUNCH = {
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

function chromiumInstalled(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does`);
}

/**
 * Debian's chromium, headless, quiet, with the screenshots folder ready: the run's one chromium (started by
 * global-browser.ts) where there is one, else one of this file's own. Closing what this returns closes this file's
 * contexts and lets go of a shared chromium without stopping it.
 */
export async function launchChromium(): Promise<Browser> {
  chromiumInstalled();
  mkdirSync(ARTIFACTS, { recursive: true });
  const shared = inject('chromiumEndpoint');
  return shared ? chromium.connect(shared) : chromium.launch(LAUNCH);
}

/** The run's one chromium, for test files to connect to (global-browser.ts). */
export async function launchChromiumServer(): Promise<BrowserServer> {
  chromiumInstalled();
  return chromium.launchServer(LAUNCH);
}

/** axe-core's WCAG 2.2 A and AA rules on the page as it is (through @axe-core/playwright): the violations, by rule
 * and element. The page's CSP forbids scripts, so the page must come from a context made with `bypassCSP`. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Every rule, run in the page itself ("legacy" mode): the default opens a second page for each check to join the
  // results of cross-origin frames, and Redress's pages have no frames. Only the violations are collected (axe's
  // resultTypes): the passes, which nothing reads, were most of its work.
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
