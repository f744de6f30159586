import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Nu HTML Checker (vnu-jar, the W3C's validator), run on Java 17 or later. */
const VNU_JAR = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');

interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly message: string;
  readonly extract?: string;
}

/**
 * Validates pages of HTML with the Nu HTML Checker: every page in one Java process (the JVM takes about a second
 * to start), each page's errors as "line:column message (the markup)"; an empty list for a valid page. Warnings
 * and information are not errors. Needs `java` on the PATH (as DynamoDB Local does; .ci/run installs it).
 */
export async function htmlErrors(pages: Readonly<Record<string, string>>): Promise<Record<string, string[]>> {
  const dir = await mkdtemp(join(tmpdir(), 'redress-vnu-'));
  try {
    const names = Object.keys(pages);
    const files = names.map((_, i) => join(dir, `page-${i}.html`));
    await Promise.all(files.map((file, i) => writeFile(file, pages[names[i] as string] as string)));
    const output = await new Promise<string>((resolve, reject) => {
      // The checker exits 1 when it found errors: its JSON on stdout is the answer either way.
      execFile('java', ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (stdout.trim().startsWith('{')) resolve(stdout);
        else reject(new Error(`the Nu HTML Checker did not answer (${error?.message ?? 'no output'}): ${stderr.slice(0, 2000)}`));
      });
    });
    const { messages } = JSON.parse(output) as { messages: VnuMessage[] };
    const byUrl = new Map(files.map((file, i) => [pathToFileURL(file).href, names[i] as string]));
    const errors: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (const m of messages) {
      if (m.type !== 'error' && m.subType !== 'fatal') continue;
      const name = (m.url ? byUrl.get(m.url.replace(/^file:\/(?!\/)/, 'file:///')) : undefined) ?? m.url ?? '(no page)';
      (errors[name] ??= []).push(`${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? ` (${m.extract.replace(/\s+/g, ' ').trim()})` : ''}`);
    }
    return errors;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
