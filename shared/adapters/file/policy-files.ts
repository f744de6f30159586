import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import type * as z from 'zod/mini';
import { PolicyError, type PolicyProblem } from '#domain/policy/policy-errors';
import { policySchema, type Policy } from '#domain/policy/policy-schema';
import type { PolicyDefaults } from '#domain/policy/policy-defaults';
import { PolicySet } from '#domain/policy/policy-set';
import { letterProblemsOf } from './policy-letters.js';

const POLICY_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Reads and validates one policy file (YAML, or JSON, which is YAML too). Every problem is reported with
 * the file, the line and the path inside the policy; a file whose name is not its id is refused so that
 * `policies/<id>.yaml` is always where a policy lives.
 */
export function loadPolicyFile(file: string, displayName = file): Policy {
  const source = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new PolicyError(
      doc.errors.map((e) => ({
        file: displayName,
        line: e.linePos?.[0].line,
        path: '',
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const result = policySchema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    throw new PolicyError(result.error.issues.map((issue) => toProblem(issue, doc, lines, displayName)));
  }
  const expectedId = basename(file, extname(file));
  if (result.data.id !== expectedId) {
    throw new PolicyError([
      {
        file: displayName,
        line: lineOf(doc, lines, ['id']),
        path: 'id',
        message: `id "${result.data.id}" does not match the file name; name the file ${result.data.id}${extname(file)}`,
      },
    ]);
  }
  const letters = letterProblemsOf(result.data, displayName).map((p) => ({ ...p, line: lineOf(doc, lines, ['letters', p.path.slice('letters.'.length)]) }));
  if (letters.length > 0) throw new PolicyError(letters);
  return result.data;
}

/** Loads every policy file in a folder; all problems in all files are reported together. */
export function loadPolicyDirectory(dir: string, defaults?: PolicyDefaults): PolicySet {
  return loadPolicyFiles(policyFilesIn(dir), defaults);
}

export function policyFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => POLICY_EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(dir, name));
}

export function loadPolicyFiles(files: readonly string[], defaults?: PolicyDefaults): PolicySet {
  const { policies, problems } = readPolicyFiles(files);
  if (problems.length > 0) throw new PolicyError(problems);
  return new PolicySet(policies.map((p) => p.policy), defaults);
}

/** Reads each file on its own, so that one bad policy does not hide what is wrong (or right) in the rest. */
export function readPolicyFiles(files: readonly string[]): {
  policies: { policy: Policy; file: string }[];
  problems: PolicyProblem[];
} {
  const problems: PolicyProblem[] = [];
  const policies: { policy: Policy; file: string }[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    try {
      policies.push({ policy: loadPolicyFile(file, shown), file: shown });
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems.push(...error.problems);
    }
  }
  problems.push(...PolicySet.conflicts(policies));
  return { policies, problems };
}

function toProblem(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  file: string,
): PolicyProblem {
  // A missing key has no node of its own: point at the nearest enclosing value that exists.
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let line: number | undefined;
  for (let n = path.length; n >= 0 && line === undefined; n--) line = lineOf(doc, lines, path.slice(0, n));
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    line = lineOfKey(doc, lines, path, issue.keys[0] as string) ?? line;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) message = `missing (expected ${issue.expected})`;
  return { file, line, path: formatPath(path), message };
}

function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: (string | number)[]): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isNode(node) || !node.range) return undefined;
  return lines.linePos(node.range[0]).line;
}

function lineOfKey(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: (string | number)[], key: string): number | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = isNode(pair?.key) ? pair.key.range : undefined;
  return range ? lines.linePos(range[0]).line : undefined;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}
