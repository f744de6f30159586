/**
 * `npm start` as a person runs it: the local stack comes up on the ports it is given and says it is ready; mail
 * sent with the ready command becomes a case; the form answers; Ctrl-C stops it; started again, the case is
 * still there (DynamoDB Local keeps its data under REDRESS_DATA_DIR).
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/free-port';
import { npmStart, type RunningStart } from '#tests/support/npm-start';
import { spawnCli } from '#tests/support/run-cli';

const env: Record<string, string> = {};
let running: RunningStart | undefined;

async function start(): Promise<string> {
  running = await npmStart(env);
  return running.banner;
}

async function stop(): Promise<number | null> {
  return (await running?.stop()) ?? null;
}

beforeAll(async () => {
  Object.assign(env, {
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'npm-start-')),
    REDRESS_SMTP_PORT: String(await freePort()),
    REDRESS_HTTP_PORT: String(await freePort()),
    REDRESS_SES_PORT: String(await freePort()),
    REDRESS_DYNAMODB_PORT: String(await freePort()),
    REDRESS_OIDC_PORT: String(await freePort()),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
});
afterAll(async () => {
  await stop();
});

describe('npm start', () => {
  it('runs the whole pipeline, stops on Ctrl-C, and keeps its cases across a restart', async () => {
    const banner = await start();
    for (const line of [`smtp://localhost:${env.REDRESS_SMTP_PORT}`, `http://localhost:${env.REDRESS_HTTP_PORT}/`, `http://localhost:${env.REDRESS_SES_PORT}/`, 'npm run --silent redress -- send-sample']) {
      expect(banner).toContain(line);
    }
    expect(spawnCli(['send-sample'], env).stdout).toContain(`over SMTP on port ${env.REDRESS_SMTP_PORT}`);
    const list = spawnCli(['case', 'list'], env).stdout;
    expect(list).toMatch(/^NAM-\d{4}-0001\tawaiting-signature\tstage-1\t/);
    const outbox = (await (await fetch(`http://127.0.0.1:${env.REDRESS_SES_PORT}/store`)).json()) as { emails: { subject: string }[] };
    expect(outbox.emails.map((e) => e.subject)).toContain(`[${list.split('\t')[0]}] Please sign your complaint`);
    expect((await fetch(`http://127.0.0.1:${env.REDRESS_HTTP_PORT}/forms/alumot`)).status).toBe(200);
    // The console sends a person to the local sign-in, whose staff and passwords the banner lists.
    expect(banner).toMatch(/alumot\.chair\s+\S{12}\s+alumot:chair/);
    const signIn = await fetch(`http://127.0.0.1:${env.REDRESS_HTTP_PORT}/console`, { redirect: 'manual' });
    expect([signIn.status, signIn.headers.get('location')]).toEqual([302, '/console/sign-in?return=%2Fconsole']);
    const toProvider = await fetch(`http://127.0.0.1:${env.REDRESS_HTTP_PORT}/console/sign-in`, { redirect: 'manual' });
    expect(toProvider.headers.get('location')).toMatch(new RegExp(`^http://localhost:${env.REDRESS_OIDC_PORT}/auth\\?.*code_challenge_method=S256`));
    // Complaints are personal data: the data folder and DynamoDB Local's files are the owner's alone.
    for (const dir of ['', 'dynamodb', 'mail']) expect(statSync(join(env.REDRESS_DATA_DIR as string, dir)).mode & 0o777, dir).toBe(0o700);
    // Its signing keys were made on this first start, the owner's alone, and are kept across the restart.
    const keys = join(env.REDRESS_DATA_DIR as string, 'secrets.json');
    expect(statSync(keys).mode & 0o777).toBe(0o600);
    const made = readFileSync(keys, 'utf8');

    expect(await stop()).toBe(0);
    expect(spawnCli(['case', 'list'], env).stderr).toMatch(/start the local stack with `npm start`/);

    await start();
    expect(spawnCli(['case', 'list'], env).stdout).toBe(list);
    expect(readFileSync(keys, 'utf8')).toBe(made);
  }, 480_000);
});
