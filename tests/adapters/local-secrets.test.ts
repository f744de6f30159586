/**
 * The local stack's signing keys: made on first start in the data folder (owner-only), the same after a restart,
 * different in every data folder, never a default in the configuration. A cookie or file link signed with the
 * string that used to be the default opens nothing.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localSecrets } from '#adapters/file/local-secrets';
import { seal } from '#adapters/http/sealed-cookie';
import { SealedFileLinks } from '#adapters/http/sealed-file-links';
import { composeLocalStack } from '#composition/local-stack';
import { loadConfig } from '#config/config';
import { quietLog } from '#tests/support/test-stack';
import { seedPolicies } from '#tests/support/policies';

const dataDir = () => mkdtempSync(join(tmpdir(), 'secrets-'));

describe("the local stack's keys", () => {
  it('are made on first start, 256 random bits each, in a file only its owner can read, and read again on the next', () => {
    const [one, two] = [dataDir(), dataDir()];
    const first = localSecrets(one);
    expect(statSync(join(one, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(localSecrets(one)).toEqual(first);
    const other = localSecrets(two);
    const all = [...Object.values(first), ...Object.values(other)];
    expect(new Set(all).size).toBe(6);
    for (const value of all) expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are no default of the configuration: unset, the configuration has none, and the stack takes the data folder’s', () => {
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_DATA_DIR: dataDir() });
    expect([config.REDRESS_FORM_SECRET, config.REDRESS_SESSION_SECRET, config.REDRESS_OIDC_CLIENT_SECRET]).toEqual([undefined, undefined, undefined]);
    expect(readFileSync(new URL('../../shared/config/config.ts', import.meta.url), 'utf8')).not.toMatch(/local-(development|console)-[a-z-]*secret/);
    const stack = composeLocalStack(config, { log: quietLog, policies: seedPolicies });
    const kept = localSecrets(config.REDRESS_DATA_DIR);
    expect([stack.config.REDRESS_FORM_SECRET, stack.config.REDRESS_SESSION_SECRET, stack.config.REDRESS_OIDC_CLIENT_SECRET]).toEqual([kept.form, kept.session, kept.oidcClient]);
    // Set in the environment, a key is used as it is.
    expect(composeLocalStack({ ...config, REDRESS_SESSION_SECRET: 'x'.repeat(40) }, { log: quietLog, policies: seedPolicies }).config.REDRESS_SESSION_SECRET).toBe('x'.repeat(40));
  });

  it('a file link signed with the old public default opens nothing; one the stack made still opens after a restart', async () => {
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_DATA_DIR: dataDir() });
    const stack = composeLocalStack(config, { log: quietLog, policies: seedPolicies });
    const storageKey = 'attachments/inbound/x.eml/0-letter.pdf';
    await stack.rawMail.put(storageKey, Buffer.from('%PDF-1.4 the confidential letter'));
    const oldKey = 'local-development-session-secret-0123456789#file-links';
    const forged = seal({ k: storageKey, n: 'letter.pdf', t: 'application/pdf', h: createHmac('sha256', oldKey).update('sid-1').digest('base64url') }, oldKey, Date.now() + 60_000);
    expect(await stack.console().downloads?.(forged, 'sid-1')).toBeUndefined();

    // A link as the console makes it when someone allowed opens the case, with the stack's own key.
    const link = await new SealedFileLinks(stack.config.REDRESS_SESSION_SECRET, 'http://localhost:3000', 300, () => Date.now()).linkTo({ filename: 'letter.pdf', contentType: 'application/pdf', size: 32, storageKey, dangerous: false }, 'sid-1');
    const restarted = composeLocalStack(config, { log: quietLog, policies: seedPolicies });
    const opened = await restarted.console().downloads?.(link.split('/').pop() as string, 'sid-1');
    if (!opened || 'redirectTo' in opened) throw new Error('the file, locally');
    expect(opened.filename).toBe('letter.pdf');
    opened.content.destroy();
  });
});
