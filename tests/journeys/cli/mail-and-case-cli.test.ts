import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { startSesEmulator } from '#local/ses-emulator';
import { cliStackEnv } from '#tests/support/cli-stack-env';
import { runCli } from '#tests/support/run-cli';
import { sentEmails } from '#tests/support/ses-outbox';

const dir = mkdtempSync(join(tmpdir(), 'cli-mail-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content.replace(/\n/g, '\r\n'));
  return path;
}

// This file's own SES emulator: what it asserts was sent, no other file can have sent.
let ses: RunningServer;
beforeAll(async () => {
  ses = await startSesEmulator(0);
});
afterAll(() => ses.stop());

describe('redress parse-email', () => {
  it('prints what Redress reads in an email as one JSON object', async () => {
    const path = file(
      'c.eml',
      [
        'From: "Dana Q" <Dana.Q@Example.net>',
        'To: Shaked@alumot.uk',
        'Subject: =?UTF-8?Q?Re:_[CONFIDENTIAL_COMPLAINT]_ALU-2026-0007_=E2=80=93_follow_up?=',
        'Date: Mon, 23 Nov 2026 10:00:00 +0000',
        'Message-ID: <m1@example.net>',
        'In-Reply-To: <ours@redress.localhost>',
        'References: <first@example.net> <ours@redress.localhost>',
        'Auto-Submitted: no',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Hello <b>there</b></p>',
        '--b',
        'Content-Type: application/pdf; name="form.pdf"',
        'Content-Disposition: attachment; filename="form.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4').toString('base64'),
        '--b--',
        '',
      ].join('\n'),
    );
    const r = await runCli(['parse-email', path]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      from: { address: 'dana.q@example.net', name: 'Dana Q' },
      to: [{ address: 'shaked@alumot.uk', name: '' }],
      subject: 'Re: [CONFIDENTIAL COMPLAINT] ALU-2026-0007 – follow up',
      date: '2026-11-23T10:00:00.000Z',
      messageId: '<m1@example.net>',
      inReplyTo: '<ours@redress.localhost>',
      references: ['<first@example.net>', '<ours@redress.localhost>'],
      text: 'Hello there',
      attachments: [{ filename: 'form.pdf', contentType: 'application/pdf', size: 8 }],
      classification: { autoReply: false, evidence: [], signs: [], possiblyAutomatic: false, subjectReadsAutomatic: false, bounce: false, confidential: true, caseReference: 'ALU-2026-0007' },
    });
  });

  it.each([
    ['not an email', 'hello, this has no headers at all\n', /cannot read this email: no header section found/],
    ['an empty file', '', /cannot read this email/],
  ])('refuses %s with one line and exit 2', async (_label, content, message) => {
    const r = await runCli(['parse-email', file(`bad-${randomUUID()}.eml`, content)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('says when the file cannot be read', async () => {
    const r = await runCli(['parse-email', join(dir, 'missing.eml')]);
    expect([r.status, r.stderr.trim()]).toEqual([2, `redress: cannot read ${join(dir, 'missing.eml')}: ENOENT`]);
  });
});

describe('redress ingest and case verbs against the local stack', () => {
  const env: Record<string, string> = {};
  beforeAll(async () => Object.assign(env, await cliStackEnv(ses.endpoint)));

  it('ingests a file, prints the reference, lists and shows the case with its timeline', async () => {
    const path = file('complaint.eml', ['From: Lou <lou.cli@example.net>', 'Subject: Rude staff', 'Message-ID: <cli1@example.net>', '', 'The receptionist was rude.', ''].join('\n'));
    const ingest = await runCli(['ingest', path, '--to', 'complaints@county-council.example', '--at', '2026-11-23T10:00:00Z'], env);
    expect(ingest.stderr).toBe('');
    expect(ingest.stdout).toMatch(/^CCC-\d{4}-0001 \(acknowledged\)\n$/);
    const reference = ingest.stdout.split(' ')[0] as string;

    const again = await runCli(['ingest', path, '--to', 'complaints@county-council.example', '--at', '2026-11-23T10:05:00Z'], env);
    expect(again.stdout).toBe(ingest.stdout);

    const list = await runCli(['case', 'list', '--policy', 'county-council'], env);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);
    expect(list.stdout).toContain(`${reference}\topen\tstage-1`);
    expect(list.stdout).toContain('respond by');

    expect((await runCli(['case', 'list', '--from', 'LOU.CLI@example.net'], env)).stdout.split('\t')[0]).toBe(reference);
    expect((await runCli(['case', 'list', '--from', 'someone.else@example.net'], env)).stdout).toBe('no cases\n');

    const show = await runCli(['case', 'show', reference.toLowerCase()], env);
    expect(show.status).toBe(0);
    for (const part of ['Complainant: Lou, lou.cli@example.net', 'The receptionist was rude.', 'acknowledge', 'received (lou.cli@example.net)', 'acknowledged (redress)']) {
      expect(show.stdout).toContain(part);
    }
  });

  it('shows a hostile name and subject with their control characters made visible, never obeyed by the terminal', async () => {
    const hostile = file(
      'hostile.eml',
      [
        'From: "Pat \u001b[31mRED\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u202eevil" <pat.hostile@example.net>',
        'Subject: =?UTF-8?B?' + Buffer.from('Hello\rOVERWRITTEN\u000b\u0085\u001b[2J').toString('base64') + '?=',
        'Message-ID: <hostile@example.net>',
        '',
        'Line one\u001b[2J\r\nline two \u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007',
        '',
      ].join('\n'),
    );
    const reference = (await runCli(['ingest', hostile, '--to', 'complaints@county-council.example', '--at', '2026-11-23T11:00:00Z'], env)).stdout.split(' ')[0] as string;
    const list = (await runCli(['case', 'list', '--from', 'pat.hostile@example.net'], env)).stdout;
    const show = (await runCli(['case', 'show', reference], env)).stdout;
    for (const out of [list, show]) {
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(show).toContain('Subject: Hello\\x0dOVERWRITTEN');
    expect(show).toContain('Line one\\x1b[2J');
  });

  it('reports mail to an unknown address as held for operators', async () => {
    const path = file('stray.eml', ['From: x@example.net', 'Subject: hi', '', 'hi', ''].join('\n'));
    expect((await runCli(['ingest', path, '--to', 'nobody@example.org'], env)).stdout).toBe('no case: held (unknown-recipient) for operators\n');
  });

  it('says to start the stack when it is not running', async () => {
    const r = await runCli(['case', 'list'], { ...env, REDRESS_DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot reach the local stack at http:\/\/127\.0\.0\.1:9: start the local stack with `npm start`/);
  });
});

describe('redress case, timers and clock verbs against the local stack', () => {
  const env: Record<string, string> = {};
  beforeAll(async () => Object.assign(env, await cliStackEnv(ses.endpoint)));

  it('sign, move to investigation, and watch a missed meeting escalated by clock run-due', async () => {
    const from = `clock.${Date.now()}@example.net`;
    const path = file('nam.eml', [`From: Cleo Clock <${from}>`, 'Subject: Missed sessions', `Message-ID: <clock.${Date.now()}@example.net>`, '', 'Three sessions missed.', ''].join('\n'));
    const reference = (await runCli(['ingest', path, '--to', 'not.alone.mentoring@gmail.com', '--at', '2026-11-23T10:00:00Z'], env)).stdout.split(' ')[0] as string;
    expect(reference).toMatch(/^NAM-\d{4}-0001$/);

    // Signing acknowledges at once (the complainant has email), and the policy moves it on to investigation (7.1).
    expect((await runCli(['case', 'sign', reference, '--at', '2026-11-23T12:00:00Z', '--by', 'katie'], env)).stdout).toBe(
      `${reference}: open, stage stage-2, handled by complaints-officer\n  meet by 2026-12-02 (7 working days, clause 7.1)\n  respond by 2026-12-07 (10 working days, clause 7.2)\n`,
    );
    expect((await runCli(['timers', 'list', reference], env)).stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 5).join(' '))).toEqual([
      `2026-12-03T00:00:00.000+00:00 deadline ${reference} stage-2 meet`,
      `2026-12-03T09:00:00.000+00:00 reminder ${reference} stage-2 respond`,
      `2026-12-08T00:00:00.000+00:00 deadline ${reference} stage-2 respond`,
    ]);

    expect((await runCli(['clock', 'run-due', '--now', '2026-12-03T06:00:00Z'], env)).stdout).toBe(`2026-12-03T00:00:00.000+00:00\t${reference}\tdeadline meet\tescalated\n`);
    expect((await runCli(['clock', 'run-due', '--now', '2026-12-03T06:00:00Z'], env)).stdout).toBe('nothing due\n');
    const escalations = (await sentEmails(ses.endpoint)).filter((e) => e.subject.startsWith(`[${reference}] Deadline missed`));
    expect(escalations.map((e) => e.subject)).toEqual([`[${reference}] Deadline missed: meet the complainant (due Wednesday 2 December 2026)`]);
    expect((await runCli(['case', 'show', reference], env)).stdout).toContain('meet 2026-12-02 (7 working days, clause 7.1) missed');
    // Refused by the case's state: one line saying why, exit 3 (conventions/case-actions.md).
    const again = await runCli(['case', 'sign', reference, '--at', '2026-11-24T12:00:00Z'], env);
    expect([again.status, again.stderr.trim()]).toEqual([3, `redress: ${reference} is already signed`]);
  });

  it('prints the digest', async () => {
    const r = await runCli(['digest', '--policy', 'not-alone-mentoring', '--now', '2026-12-03T08:00:00Z'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Subject: Complaints digest for Thursday 3 December 2026: Not Alone Mentoring\n/);
    expect(r.stdout).toMatch(/Overdue \(1\)/);
    expect(r.stdout).toMatch(/working days? overdue/);
    const send = async (args: string[] = []) => (await runCli(['digest', '--policy', 'not-alone-mentoring', '--now', '2026-12-03T08:00:00Z', '--send', ...args], env)).stdout.trim().split('\n').at(-1);
    expect(await send()).toBe('sent');
    expect(await send()).toBe('already sent today: nothing sent again');
  });

  it('refuses a lifecycle change the case does not allow, in one line', async () => {
    const r = await runCli(['case', 'close', 'NAM-2026-0099'], env);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('redress: no case NAM-2026-0099; check the reference (case list shows them)');
  });
});
