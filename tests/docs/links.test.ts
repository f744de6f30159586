/**
 * The README is a front page and the rest lives in docs/, so the two hang together by relative links: every one
 * must reach a file of this repository (a link leaving it resolves on no git host), and every #anchor a heading
 * of the file it names, spelt as GitHub makes it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a markdown text's headings, outside fenced code. */
function anchorsIn(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(anchorOf(heading[1] as string));
  }
  return anchors;
}

/** Relative links of a markdown text, outside fenced and inline code: `[text](target)`. */
function linksIn(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z]+:/i.test(target));
}

/** What is wrong with each relative link of `file` (a path inside `root`), as "file: target: problem". */
function brokenLinks(root: string, file: string, markdown: string): string[] {
  const problems: string[] = [];
  for (const target of linksIn(markdown)) {
    const [path = '', anchor] = target.split('#', 2);
    const resolved = path === '' ? join(root, file) : resolve(dirname(join(root, file)), decodeURI(path));
    const inside = relative(root, resolved);
    if (inside.startsWith('..')) {
      problems.push(`${file}: ${target}: leaves the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${file}: ${target}: no such file`);
      continue;
    }
    const headings = path === '' ? markdown : statSync(resolved).isFile() && resolved.endsWith('.md') ? readFileSync(resolved, 'utf8') : undefined;
    if (anchor !== undefined && headings !== undefined && !anchorsIn(headings).has(anchor)) {
      problems.push(`${file}: ${target}: no heading #${anchor}`);
    }
  }
  return problems;
}

function documents(): string[] {
  return ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
}

describe('links between the README and docs/', () => {
  it('finds a missing file, a missing heading and a link out of the repository', () => {
    const text = '# Here\n[a](docs/nowhere.md) [b](README.md#no-such-heading) [c](../outside.md) [d](#here) [e](https://example.org/x)\n`[f](ignored.md)`\n';
    expect(brokenLinks(ROOT, 'README.md', text)).toEqual([
      'README.md: docs/nowhere.md: no such file',
      'README.md: README.md#no-such-heading: no heading #no-such-heading',
      'README.md: ../outside.md: leaves the repository',
    ]);
  });

  it('spells anchors as GitHub does', () => {
    expect(anchorOf(`A case's life, command by command`)).toBe('a-cases-life-command-by-command');
    expect(anchorOf('What "accepted" means')).toBe('what-accepted-means');
    expect(anchorOf('1. One outbox for every letter, notice and timer change')).toBe('1-one-outbox-for-every-letter-notice-and-timer-change');
  });

  it('the README links to every page of docs/', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = new Set(linksIn(readme).map((target) => target.split('#')[0]));
    expect(documents().filter((file) => file !== 'README.md' && !linked.has(file))).toEqual([]);
  });

  it('every relative link resolves', () => {
    const problems = documents().flatMap((file) => brokenLinks(ROOT, file, readFileSync(join(ROOT, file), 'utf8')));
    expect(problems).toEqual([]);
  });
});
