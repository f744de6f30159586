import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserServer, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Debian's chromium-headless-shell where it is installed (as .ci/run does): the same engine without the browser's
 * windowing layers, and what playwright itself uses for headless runs; a third less CPU over the browser journeys
 * (44 s to 32 s for the console's and the form's). Else Debian's chromium; REDRESS_CHROMIUM names another.
 */
export const CHROMIUM = process.env.REDRESS_CHROMIUM ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
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
  if (existsSync(CHROMIUM)) return;
  throw new Error(
    process.env.REDRESS_CHROMIUM === undefined
      ? `no chromium at ${CHROMIUM}: install Debian's (apt-get install chromium-headless-shell), as .ci/run does, or name one in REDRESS_CHROMIUM`
      : `no chromium at ${JSON.stringify(CHROMIUM)}, which REDRESS_CHROMIUM names: name a chromium executable there, or unset it to use Debian's chromium-headless-shell`,
  );
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

/** The WCAG 2.2 A and AA rules: axe-core's tags for them. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.2 A and AA rules on the page as it is: the violations, by rule and element, and what axe could not
 * decide (its "incomplete": text over a gradient or an image, whose contrast it cannot measure), which a person would
 * have to check and so counts as a problem here too (no Redress page has one). The page's CSP forbids scripts, so
 * the page must come from a context made with `bypassCSP`.
 *
 * axe-core itself, put in the page once per document, rather than through @axe-core/playwright, which sent its half
 * a megabyte of source to the page twice a check (once to look for frames, once per frame; Redress's pages have none)
 * and took 600-1,000 ms a check where axe's run takes 100-140 ms. Every rule with these tags; the passes, which
 * nothing reads, are not collected (axe's resultTypes: they were most of its work).
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const { axe, document } = globalThis as unknown as InPage;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const listed = (found: AxeFinding[], said: string) => found.map((v) => `${v.id}${said}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    return [...listed(result.violations, ''), ...listed(result.incomplete, ' (axe could not decide)')];
  }, WCAG_22_AA);
}

/** One rule's finding, as far as accessibilityProblems reads it. */
interface AxeFinding {
  readonly id: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** What the page holds once axe is in it, as far as accessibilityProblems uses it (the tests' types have no DOM). */
interface InPage {
  readonly document: unknown;
  readonly axe: {
    run(context: unknown, options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: string[] }): Promise<{ violations: AxeFinding[]; incomplete: AxeFinding[] }>;
  };
}

/**
 * Clicks what leads to another page (a link, a form's button) and waits for that page to have loaded: read the moment
 * after a bare click, a page can be the empty document between the two: a loaded CI run read '',
 * and a read of an element both pages have (the heading, main, a status) can find the old page's.
 */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
}
