import { loadConfig, policyDefaultsFrom } from '#config/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicyDirectory } from '#adapters/file/policy-files';

export const POLICIES_DIR = fileURLToPath(new URL('../../policies', import.meta.url));

/** The project's own policies/ files, loaded once per test file. */
export const seedPolicies = loadPolicyDirectory(POLICIES_DIR, policyDefaultsFrom(loadConfig()));

/** The seed policies as the stack deploys them to a function: one JSON file. */
export function policiesFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'policies-')), 'policies.json');
  writeFileSync(file, JSON.stringify(seedPolicies.all));
  return file;
}
