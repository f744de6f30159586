import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';

/** The keys the local stack signs with, where the environment sets none: made once per data folder. */
export interface LocalSecrets {
  /** Signs the web form's start time (REDRESS_FORM_SECRET). */
  readonly form: string;
  /** Signs the console's session cookie, and (as a key derived from it) the local file links (REDRESS_SESSION_SECRET). */
  readonly session: string;
  /** The console's client secret at the local OpenID Connect provider, which both sides read (REDRESS_OIDC_CLIENT_SECRET). */
  readonly oidcClient: string;
}

const SECRETS_FILE = 'secrets.json';
const key = z.string().check(z.minLength(32, 'must be at least 32 characters'));
const stored = z.object({ form: key, session: key, oidcClient: key });

/**
 * The local stack's signing keys, from `<data folder>/secrets.json`: made on first start with 256 random bits
 * each, readable by the owner only (0600), and read as they are afterwards, so cookies and links outlive a
 * restart. Never a constant in code: a public default would let anyone forge a session or a file link.
 * Made atomically (written aside, then linked into place), so two processes starting together (npm start and
 * the CLI) end up with the same keys.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SECRETS_FILE);
  const made: LocalSecrets = { form: fresh(), session: fresh(), oidcClient: fresh() };
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, JSON.stringify(made, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
  chmodSync(file, 0o600);
  const problem = (what: string) => new Error(`${file}: ${what}. Delete the file to have new keys made (staff then sign in again).`);
  let text: unknown;
  try {
    text = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw problem(`not JSON (${(error as Error).message})`);
  }
  const parsed = stored.safeParse(text);
  if (!parsed.success) throw problem(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function fresh(): string {
  return randomBytes(32).toString('base64url');
}
