import { inject } from 'vitest';

interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly message: string;
  readonly extract?: string;
}

/** The checker starts with the run (global-html-checker.ts); Java takes seconds to answer on an idle machine, a minute or more on a loaded one. */
const READY_WITHIN_MS = 180_000;

async function checkerReady(endpoint: string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    try {
      await (await fetch(`${endpoint}/`, { method: 'HEAD' })).arrayBuffer();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the Nu HTML Checker did not answer on ${endpoint} within ${READY_WITHIN_MS / 1000} s (it needs \`java\` 17+ on the PATH, as DynamoDB Local does; .ci/run installs it): ${String(error)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function pageErrors(endpoint: string, html: string): Promise<string[]> {
  const response = await fetch(`${endpoint}/?out=json`, { method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
  if (!response.ok) throw new Error(`the Nu HTML Checker answered ${response.status}: ${(await response.text()).slice(0, 2000)}`);
  const { messages } = (await response.json()) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? ` (${m.extract.replace(/\s+/g, ' ').trim()})` : ''}`);
}

/**
 * Validates pages of HTML with the Nu HTML Checker (the run's one, global-html-checker.ts): each page's errors as
 * "line:column message (the markup)"; an empty list for a valid page. Warnings and information are not errors.
 */
export async function htmlErrors(pages: Readonly<Record<string, string>>): Promise<Record<string, string[]>> {
  const endpoint = inject('htmlCheckerEndpoint');
  if (!endpoint) throw new Error('no Nu HTML Checker for this run: the project must name tests/support/global-html-checker.ts in its globalSetup');
  await checkerReady(endpoint);
  const errors: Record<string, string[]> = {};
  // One page at a time: the checker is one JVM on a 2-core machine that the rest of the run is using too.
  for (const [name, html] of Object.entries(pages)) errors[name] = await pageErrors(endpoint, html);
  return errors;
}
