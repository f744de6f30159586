/**
 * One case's whole life through the command line against the real local servers (DynamoDB Local and the SES
 * emulator), as a complaints officer would drive it: ../shared/conventions/case-actions.md is the contract.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#local/dynamodb-local';
import { cliStackEnv } from '#tests/support/cli-stack-env';
import { runCli } from '#tests/support/run-cli';
import { startSesEmulator } from '#local/ses-emulator';
import { sentEmails } from '#tests/support/ses-outbox';

let ses: RunningServer;
const env: Record<string, string> = {};
beforeAll(async () => {
  ses = await startSesEmulator(0);
  Object.assign(env, await cliStackEnv(ses.endpoint));
});
afterAll(() => ses.stop());

const json = async (args: string[]) => {
  const r = await runCli([...args, '--json'], env);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { stage: string; status: string; deadlines: { stage: string; kind: string; dueDate: string; status: string }[]; letters: { kind: string; status: string }[] };
};

describe('a Not Alone Mentoring complaint from email to closure, by the CLI', () => {
  it('sends every letter the policy calls for, and refuses what it does not allow with exit 3', async () => {
    const from = `life.${Date.now()}@example.net`;
    const path = join(mkdtempSync(join(tmpdir(), 'life-')), 'c.eml');
    writeFileSync(path, [`From: Lee Life <${from}>`, 'Subject: Cancelled sessions', `Message-ID: <life.${Date.now()}@example.net>`, '', 'My sessions were cancelled.', ''].join('\r\n'));
    const reference = (await runCli(['ingest', path, '--to', 'not.alone.mentoring@gmail.com', '--at', '2026-11-23T10:00:00Z'], env)).stdout.split(' ')[0] as string;

    expect(await json(['case', 'sign', reference, '--at', '2026-11-24T10:00:00Z', '--by', 'katie'])).toMatchObject({ stage: 'stage-2', status: 'open' });
    const refused = await runCli(['case', 'outcome', reference, 'upheld', '--summary', 'We got it wrong.', '--at', '2026-12-04T15:00:00Z', '--by', 'katie'], env);
    expect([refused.status, refused.stderr.trim()]).toEqual([3, 'redress: the policy requires an apology where a complaint is upheld (clause 7.4): include an apology among the remedies (--remedy apology)']);
    const decided = await json(['case', 'outcome', reference, 'upheld', '--summary', 'We got it wrong.', '--remedy', 'apology', '--action', 'Brief the volunteers', '--due', '2027-01-15', '--at', '2026-12-04T15:00:00Z', '--by', 'katie']);
    expect(decided.deadlines).toContainEqual({ stage: 'stage-2', kind: 'appeal-window', dueDate: '2026-12-24', status: 'pending' });
    expect(await json(['case', 'escalate', reference, '--at', '2026-12-10T09:00:00Z', '--by', 'katie'])).toMatchObject({ stage: 'stage-3' });
    await json(['case', 'outcome', reference, 'not-upheld', '--summary', 'The stage two actions stand.', '--at', '2026-12-21T11:00:00Z', '--by', 'trustee']);
    const closed = await json(['case', 'close', reference, '--category', 'mentoring', '--at', '2026-12-22T09:00:00Z', '--by', 'katie']);
    expect(closed.status).toBe('closed');
    expect(closed.deadlines).toContainEqual({ stage: 'stage-3', kind: 'retention', dueDate: '2032-12-22', status: 'pending' });

    const shown = await json(['case', 'show', reference]);
    expect(shown.letters.map((l) => [l.kind, l.status])).toEqual([
      ['signature-request', 'sent'],
      ['acknowledgement', 'sent'],
      ['outcome', 'sent'],
      ['next-stage-acknowledgement', 'sent'],
      ['final-outcome', 'sent'],
    ]);
    const mail = await sentEmails(ses.endpoint, from);
    expect(mail.map((m) => m.subject)).toEqual([
      `[${reference}] Please sign your complaint`,
      `[${reference}] We have received your signed complaint`,
      `[${reference}] Our decision on your complaint`,
      `[${reference}] We have received your request for an appeal`,
      `[${reference}] Our final decision on your complaint`,
    ]);
    expect(mail[4]?.body.text).toContain('Citizens Advice: free, independent advice on what you can do next.\n\n- Website: https://www.citizensadvice.org.uk/\n\nYou need to contact them by Thursday 21 January 2027.');

    // The complainant's page: the address every letter gave, a new one that replaces it, then taken down.
    const link = /own page: (\S+)/.exec(mail[1]?.body.text ?? '')?.[1];
    expect((await runCli(['case', 'page', reference], env)).stdout).toBe(`${link}\n`);
    const renewed = (await runCli(['case', 'page', reference, '--new', '--by', 'katie'], env)).stdout.trim();
    expect(renewed).toMatch(/^http:\/\/localhost:3000\/cases\/[A-Za-z0-9_-]{43}$/);
    expect(renewed).not.toBe(link);
    expect((await runCli(['case', 'page', reference, '--revoke', '--by', 'katie'], env)).stdout).toBe(`${reference}: no page (make one with case page ${reference} --new)\n`);

    const usage = await runCli(['case', 'outcome', reference, 'maybe'], env);
    expect(usage.status).toBe(2);
    const preview = await runCli(['letter', 'preview', '--policy', 'not-alone-mentoring', '--kind', 'final-outcome', '--case', reference], env);
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('Subject: [' + reference + '] Our final decision on your complaint');
  });

  it('a phone complaint entered by staff: its reference, routing by whom it is about, and its letter drafted for the post', async () => {
    const r = await runCli(['case', 'open', '--policy', 'alumot', '--name', 'Pat Phone', '--phone', '01632 960000', '--summary', 'The CEO was rude.', '--about', 'ceo', '--at', '2026-11-23T10:00:00Z', '--by', 'trustee'], env);
    expect(r.status).toBe(0);
    const reference = r.stdout.trim();
    expect(reference).toMatch(/^ALU-2026-\d{4}$/);
    const opened = JSON.parse((await runCli(['case', 'show', reference, '--json'], env)).stdout) as { handler: string; letters: unknown[] };
    expect(opened).toMatchObject({ handler: 'chair', letters: [] });
    const acknowledged = await runCli(['case', 'acknowledge', reference, '--at', '2026-11-24T10:00:00Z', '--by', 'trustee'], env);
    expect(acknowledged.status).toBe(0);
    expect((await runCli(['case', 'show', reference], env)).stdout).toContain('      | Dear Pat Phone,');
    const usage = await runCli(['case', 'open', '--policy', 'alumot', '--name', 'X', '--summary', 'y', '--channel', 'fax'], env);
    expect(usage.status).toBe(2);
  });
});
