import { fileURLToPath } from 'node:url';
import { loadPolicyDirectory } from '#adapters/file/policy-files';

export const POLICIES_DIR = fileURLToPath(new URL('../../policies', import.meta.url));

/** The project's own policies/ files, loaded once per test file. */
export const seedPolicies = loadPolicyDirectory(POLICIES_DIR);
