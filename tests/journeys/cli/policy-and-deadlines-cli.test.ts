import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES_DIR } from '#tests/support/policies';
import { runCli, spawnCli } from '#tests/support/run-cli';

describe('the bundled CLI in a process of its own', () => {
  // The other CLI tests call its dispatch in their own process: here the bundle every run builds is run as a person
  // runs it, and says the same, in the same words, with the same exit codes (0 done, 2 usage, 1 never for these).
  it.each([
    [['deadlines', '--policy', 'alumot', '--stage', 'stage-1', '--event', 'received', '--at', '2026-12-19T09:00:00Z'], 0],
    [['deadlines', '--policy', 'nope', '--stage', 'stage-1', '--event', 'received', '--at', '2026-12-19T09:00:00Z'], 2],
    [['no-such-verb'], 2],
    [['policy', 'check'], 0],
  ])('redress %j exits %i, as the dispatch does in the test', async (args, status) => {
    const spawned = spawnCli(args);
    expect(spawned.status).toBe(status);
    expect(spawned).toEqual(await runCli(args));
  });
});

describe('redress deadlines', () => {
  it('prints the conventions example as one JSON object and exits 0', async () => {
    const r = await runCli(['deadlines', '--policy', 'alumot', '--stage', 'stage-1', '--event', 'received', '--at', '2026-12-19T09:00:00Z']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({
      policy: 'alumot',
      stage: 'stage-1',
      event: 'received',
      at: '2026-12-19T09:00:00Z',
      deadlines: [
        { kind: 'acknowledge', dueDate: '2027-01-07', dueAt: '2027-01-07T23:59:59.999+00:00', rule: '10 working days', clause: '2.3' },
        { kind: 'respond', dueDate: '2027-01-21', dueAt: '2027-01-21T23:59:59.999+00:00', rule: '20 working days', clause: '2.3' },
      ],
    });
  });

  it('lists the policy-wide retention deadline on closure', async () => {
    const r = await runCli(['deadlines', '--policy', 'not-alone-mentoring', '--stage', 'stage-2', '--event', 'closed', '--at', '2026-06-30T23:30:00+01:00']);
    expect(JSON.parse(r.stdout).deadlines).toEqual([
      { kind: 'retention', dueDate: '2032-06-30', dueAt: '2032-06-30T23:59:59.999+01:00', rule: '6 years', clause: '10.2' },
    ]);
  });

  it.each([
    [['--policy', 'nope', '--stage', 'stage-1', '--event', 'received', '--at', '2026-12-19T09:00:00Z'], /unknown policy "nope"/],
    [['--policy', 'alumot', '--stage', 'stage-9', '--event', 'received', '--at', '2026-12-19T09:00:00Z'], /unknown stage "stage-9"/],
    [['--policy', 'alumot', '--stage', 'stage-1', '--event', 'lunch', '--at', '2026-12-19T09:00:00Z'], /unknown event "lunch"/],
    [['--policy', 'alumot', '--stage', 'stage-1', '--event', 'received', '--at', '2026-12-19T09:00:00'], /not an ISO-8601 instant with a time zone/],
    [['--policy', 'alumot', '--stage', 'stage-1', '--event', 'received', '--at', '2026-12-19'], /not an ISO-8601 instant with a time zone/],
    [['--policy', 'alumot', '--stage', 'stage-1', '--event', 'received'], /usage: redress deadlines/],
    [['--policy', 'alumot', '--stage', 'stage-1', '--event', 'received', '--at', '2026-12-19T09:00:00Z', '--colour'], /Unknown option '--colour'/],
    [['--policy', 'alumot', '--stage', 'stage-1', '--event', 'received', '--at', '2040-01-01T09:00:00Z'], /no bank-holiday data for 2040/],
  ])('refuses %j with one line on standard error and exit 2', async (args, message) => {
    const r = await runCli(['deadlines', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('redress policy check', () => {
  it('prints one line per good policy', async () => {
    const r = await runCli(['policy', 'check']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'ok alumot: 3 stages (informal, stage-1, stage-2), 4 deadline rules',
      'ok connect-north-yorkshire: 3 stages (stage-1, stage-2, stage-3), 3 deadline rules',
      'ok connected-together: 3 stages (informal, formal, appeal), 2 deadline rules',
      'ok county-council: 2 stages (stage-1, stage-2), 5 deadline rules',
      'ok not-alone-mentoring: 3 stages (stage-1, stage-2, stage-3), 8 deadline rules',
    ]);
    // No seed publishes its own postal address or telephone number: the operator is told, once per policy.
    expect(r.stderr.trim().split('\n')).toEqual(
      ['alumot', 'connect-north-yorkshire', 'connected-together', 'county-council', 'not-alone-mentoring'].map(
        (id) => `note ${id}: organisation.contact.address and organisation.contact.phone still a placeholder: letters for post print it as it is until you give the organisation's own`,
      ),
    );
  });

  it('names a role that cannot be sent its notices, with the fix (its notices go to the operators meanwhile)', async () => {
    // The council's Chief Executive without the staff mailbox the seed gives it (it is sent every stage two response).
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const file = join(dir, 'county-council.yaml');
    const text = readFileSync(join(POLICIES_DIR, 'county-council.yaml'), 'utf8');
    writeFileSync(file, text.replace(/\n    noticeEmail: chief-executive\.notices@county-council\.example/, '').replace(/\n    copyResponsesTo:\n      roles: \[director, chief-executive\]\n      clause: [^\n]+/, ''));
    const r = await runCli(['policy', 'check', file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note county-council: staff notices for chief-executive (no address, nor any role above it)');
    expect(r.stderr).toContain('set roles[].noticeEmail to send them to the role');
  });

  it('refuses a stage whose responses go to a role with no mailbox of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const file = join(dir, 'county-council.yaml');
    writeFileSync(file, readFileSync(join(POLICIES_DIR, 'county-council.yaml'), 'utf8').replace(/\n    noticeEmail: chief-executive\.notices@county-council\.example/, ''));
    const r = await runCli(['policy', 'check', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/county-council\.yaml:\d+: stages\[1\]\.copyResponsesTo\.roles\[1\]: stage-2's responses are shared with role "chief-executive", which has no address for staff notices: add noticeEmail/);
  });

  it('exits 1 with the precise message for a bad file, and still reports the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const bad = join(dir, 'not-alone-mentoring.yaml');
    writeFileSync(bad, readFileSync(join(POLICIES_DIR, 'not-alone-mentoring.yaml'), 'utf8').replace('unit: months', 'unit: moons'));
    const r = await runCli(['policy', 'check', join(POLICIES_DIR, 'alumot.yaml'), bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('ok alumot: 3 stages (informal, stage-1, stage-2), 4 deadline rules\n');
    expect(r.stderr).toMatch(/not-alone-mentoring\.yaml:\d+: stages\[2\]\.deadlines\[2\]\.unit: unknown unit "moons"/);
  });

  it('checks the folder REDRESS_POLICIES_DIR names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empty-'));
    const r = await runCli(['policy', 'check'], { REDRESS_POLICIES_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no policy files found/);
  });
});

describe('redress policy show', () => {
  it('reads the policy as a person would', async () => {
    const r = await runCli(['policy', 'show', 'county-council']);
    expect(r.status).toBe(0);
    for (const part of ['Stages', 'respond at the latest within 20 working days of receipt', 'Not handled under this policy', 'Outside bodies', 'Local Government and Social Care Ombudsman']) {
      expect(r.stdout).toContain(part);
    }
  });

  it('names the known policies when asked for an unknown one', async () => {
    const r = await runCli(['policy', 'show', 'acme']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown policy "acme"; known: alumot, connect-north-yorkshire/);
  });
});
