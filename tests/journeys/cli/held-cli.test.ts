import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { cliStackEnv } from '#tests/support/cli-stack-env';
import { runCli } from '#tests/support/run-cli';
import { startSesEmulator } from '#local/ses-emulator';
import { sentEmails } from '#tests/support/ses-outbox';

const dir = mkdtempSync(join(tmpdir(), 'cli-held-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\r\n'));
  return path;
}

let ses: RunningServer;
const env: Record<string, string> = {};
beforeAll(async () => {
  ses = await startSesEmulator(0);
  Object.assign(env, await cliStackEnv(ses.endpoint));
});
afterAll(() => ses.stop());

const waitingIds = async (args: string[]) => (JSON.parse((await runCli(['held', 'list', ...args, '--json'], env)).stdout) as { id: string }[]).map((h) => h.id);

describe('held messages: list, release into a case, discard', () => {
  it('releases mail sent to an address no policy claims into the organisation staff choose, once, and acknowledges the sender', async () => {
    const stray = file('stray.eml', [
      'From: Robin Stray <robin.stray@example.net>',
      'To: complaints@alumot.example',
      'Subject: [Confidential complaint] the night shift',
      'Message-ID: <stray-1@example.net>',
      '',
      'I wrote to an old address. The night shift left the door unlocked.',
      '',
    ]);
    expect((await runCli(['ingest', stray, '--to', 'old-address@alumot.example', '--at', '2026-11-23T10:00:00Z'], env)).stdout).toBe('no case: held (unknown-recipient) for operators\n');
    const [id] = await waitingIds(['--operator']);
    expect(id).toBeDefined();
    const list = (await runCli(['held', 'list'], env)).stdout;
    expect(list).toContain(`${id}\toperator\t2026-11-23 10:00\tunknown-recipient\twaiting\trobin.stray@example.net\t[Confidential complaint] the night shift`);

    const noPolicy = await runCli(['held', 'release', id as string], env);
    expect(noPolicy.status).toBe(3);
    expect(noPolicy.stderr).toBe('redress: this message was sent to an address no policy claims: say whose complaint it is (--policy ID)\n');

    const released = await runCli(['held', 'release', id as string, '--policy', 'alumot', '--by', 'ops.kim', '--at', '2026-11-24T09:00:00Z'], env);
    expect(released.stderr).toBe('');
    const reference = /released into (ALU-\d{4}-\d{4})\n$/.exec(released.stdout)?.[1] as string;
    expect(reference).toBeDefined();
    expect((await runCli(['held', 'release', id as string, '--policy', 'alumot'], env)).stdout).toBe(`${id}: released into ${reference}\n`);

    expect((JSON.parse((await runCli(['case', 'show', reference, '--json'], env)).stdout) as { confidential: boolean }).confidential).toBe(true);
    const shown = (await runCli(['case', 'show', reference], env)).stdout;
    expect(shown).toContain('robin.stray@example.net');
    expect(shown).toContain('Complaint received by email; held (unknown-recipient) and released into a case by ops.kim');
    expect(shown).toContain('The night shift left the door unlocked.');
    const toComplainant = await sentEmails(ses.endpoint, 'robin.stray@example.net');
    expect(toComplainant.map((m) => m.subject)).toEqual([expect.stringContaining(reference)]);

    expect(await waitingIds(['--operator'])).toEqual([]);
    expect((await runCli(['held', 'list', '--operator', '--settled'], env)).stdout).toContain(`${id}\toperator\t2026-11-23 10:00\tunknown-recipient\treleased into ${reference}`);
  });

  it('discards an out-of-office reply with its reason, and will not release it afterwards', async () => {
    const away = file('away.eml', [
      'From: Sam Away <sam.away@example.net>',
      'To: complaints@county-council.example',
      'Subject: Out of office',
      'Auto-Submitted: auto-replied',
      'Message-ID: <away-1@example.net>',
      '',
      'I am away until Monday.',
      '',
    ]);
    expect((await runCli(['ingest', away, '--to', 'complaints@county-council.example', '--at', '2026-11-23T11:00:00Z'], env)).stdout).toContain('held (auto-reply)');
    const [id] = await waitingIds(['--policy', 'county-council']);
    const noReason = await runCli(['held', 'discard', id as string], env);
    expect(noReason.status).toBe(2);
    const discarded = await runCli(['held', 'discard', id as string, '--reason', 'an out-of-office reply', '--by', 'cro.lee'], env);
    expect(discarded.stdout).toContain(`${id}\tcounty-council\t2026-11-23 11:00\tauto-reply\tdiscarded: an out-of-office reply`);
    expect(await waitingIds(['--policy', 'county-council'])).toEqual([]);
    const release = await runCli(['held', 'release', id as string], env);
    expect(release.status).toBe(3);
    expect(release.stderr).toMatch(/^redress: this message was discarded by cro\.lee on \d{4}-\d\d-\d\d \("an out-of-office reply"\), so it cannot be released\n$/);
    expect((await runCli(['held', 'release', 'no-such-id'], env)).stderr).toBe('redress: no held message no-such-id; `held list` shows them\n');
  });
});
