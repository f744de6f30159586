import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';

const DEFAULT_POLICIES_DIR = fileURLToPath(new URL('../../policies', import.meta.url));

const schema = z.object({
  REDRESS_POLICIES_DIR: z.string().min(1).default(DEFAULT_POLICIES_DIR),
});

/** Where policy files are read from: REDRESS_POLICIES_DIR, or the repository's policies/ folder. */
export function policiesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(schema.parse(env).REDRESS_POLICIES_DIR);
}
