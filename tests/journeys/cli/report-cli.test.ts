/**
 * `redress report` (../shared/conventions/report.md) against DynamoDB Local: the figures come from the report
 * records each case write keeps beside the case, read back with one query.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoDbClient } from '#composition/cases-table';
import { loadConfig } from '#config/config';
import type { RunningServer } from '#local/dynamodb-local';
import { cliStackEnv } from '#tests/support/cli-stack-env';
import { runCli } from '#tests/support/run-cli';
import { startSesEmulator } from '#local/ses-emulator';

let ses: RunningServer;
const env: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'report-'));

async function ingest(n: number, at: string): Promise<string> {
  const path = join(dir, `${n}.eml`);
  writeFileSync(path, [`From: Person ${n} <report.${n}.${Date.now()}@example.net>`, `Subject: Bins ${n}`, `Message-ID: <report.${n}.${Date.now()}@example.net>`, '', 'The bins were missed.', ''].join('\r\n'));
  const r = await runCli(['ingest', path, '--to', 'complaints@county-council.example', '--at', at], env);
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.split(' ')[0] as string;
}

beforeAll(async () => {
  ses = await startSesEmulator(0);
  Object.assign(env, await cliStackEnv(ses.endpoint));
  const answered = await ingest(1, '2026-11-23T10:00:00Z');
  expect((await runCli(['case', 'outcome', answered, 'not-upheld', '--summary', 'The crew came on the day.', '--at', '2026-12-01T15:00:00Z', '--by', 'manager'], env)).status).toBe(0);
  const atOnce = await ingest(2, '2026-11-24T10:00:00Z');
  expect((await runCli(['case', 'early-resolution', atOnce, '--summary', 'Collected that afternoon.', '--at', '2026-11-24T15:00:00Z', '--by', 'cr'], env)).status).toBe(0);
  await ingest(3, '2026-11-25T10:00:00Z');
});
afterAll(() => ses.stop());

describe('redress report', () => {
  it('prints the raw figures as JSON with the contract keys, each stage in the policy order', async () => {
    const r = await runCli(['report', '--policy', 'county-council', '--year', '2026', '--format', 'json'], env);
    expect(r.status).toBe(0);
    const figures = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(figures).toMatchObject({
      policy: 'county-council',
      year: 2026,
      received: 2,
      earlyResolutions: 1,
      withdrawn: 0,
      redirected: 0,
      escalated: 0,
      stages: [
        // Monday 23 November to Tuesday 1 December: 6 working days; the policy's 10 met.
        { stage: 'stage-1', entered: 3, acknowledged: 3, acknowledgedOnTime: 3, responded: 1, respondedOnTime: 1, averageWorkingDaysToRespond: 6, outcomes: { upheld: 0, 'partly-upheld': 0, 'not-upheld': 1 } },
        { stage: 'stage-2', entered: 0, responded: 0, averageWorkingDaysToRespond: null },
      ],
      previousYear: null,
    });
    expect((await runCli(['report', '--policy', 'county-council', '--year', '2025', '--format', 'json'], env)).stdout).toContain('"received":0');
  });

  it('writes the CSV for publication with small counts in words, and the HTML for the board to a file', async () => {
    const csv = await runCli(['report', '--policy', 'county-council', '--year', '2026', '--format', 'csv', '--publish'], env);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('"section","item","2026"');
    expect(csv.stdout).toContain('"Summary","Complaints received","fewer than 5"');
    expect(csv.stdout).toContain('"Summary","Withdrawn","0"');
    const out = join(dir, 'report.html');
    const html = await runCli(['report', '--policy', 'county-council', '--year', '2026', '--out', out], env);
    expect(html.stderr).toBe(`wrote the 2026 report for county-council (html) to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('<h1>Complaints in 2026: County Council</h1>');
    expect(readFileSync(out, 'utf8')).not.toContain('example.net');
  });

  it("exports each case's monitoring fields for staff to a file only its owner can read, and says so on each case", async () => {
    const out = join(dir, 'monitoring.csv');
    const r = await runCli(['export', '--policy', 'county-council', '--year', '2026', '--out', out, '--by', 'cr@county-council.example'], env);
    expect(r.stderr).toBe(`wrote the monitoring fields of 3 cases to ${out}; each case has the export on its timeline\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^"CCC-2026-\d{4}","2026-11-23","Person 1","report\.1\.\d+@example\.net"/);
    const reference = /^"(CCC-2026-\d{4})"/.exec(lines[1] as string)?.[1] as string;
    expect((await runCli(['case', 'show', reference], env)).stdout).toMatch(/Exported with the monitoring fields for 2026.*cr@county-council\.example|cr@county-council\.example.*Exported with the monitoring fields for 2026/);
  });

  it('chases an agreed action past its date in the digest, from the index of actions in DynamoDB, until it is done', async () => {
    const reference = await ingest(4, '2026-11-26T10:00:00Z');
    expect((await runCli(['case', 'outcome', reference, 'upheld', '--summary', 'We missed it.', '--action', 'Add the street to the round', '--due', '2026-12-10', '--at', '2026-12-02T15:00:00Z', '--by', 'manager'], env)).status).toBe(0);
    const digest = (await runCli(['digest', '--policy', 'county-council', '--now', '2026-12-14T08:00:00Z'], env)).stdout;
    expect(digest).toContain('Actions past their date (1)');
    expect(digest).toContain(`${reference}: action 1, agreed at Stage one, was due Thursday 10 December 2026 (2 working days overdue)`);
    expect((await runCli(['case', 'action-done', reference, '1', '--at', '2026-12-14T10:00:00Z', '--by', 'manager'], env)).status).toBe(0);
    expect((await runCli(['digest', '--policy', 'county-council', '--now', '2026-12-15T08:00:00Z'], env)).stdout).not.toContain('Actions past their date');
  });

  it('rebuilds the report records of cases stored before they existed, from the index of cases, idempotently', async () => {
    const dynamodb = dynamoDbClient(loadConfig(env));
    const partition = { ':pk': { S: 'REPORT#county-council#2026' } };
    const stored = await dynamodb.send(new QueryCommand({ TableName: env.REDRESS_TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: partition }));
    for (const item of stored.Items ?? []) await dynamodb.send(new DeleteItemCommand({ TableName: env.REDRESS_TABLE, Key: { PK: item.PK as AttributeValue, SK: item.SK as AttributeValue } }));
    const received = async () => (JSON.parse((await runCli(['report', '--policy', 'county-council', '--year', '2026', '--format', 'json'], env)).stdout) as { received: number }).received;
    expect(await received()).toBe(0);
    expect((await runCli(['report', 'rebuild', '--policy', 'county-council'], env)).stdout).toBe('rebuilt the report records and pending actions of 4 cases of county-council\n');
    expect(await received()).toBe(3);
    expect((await runCli(['report', 'rebuild', '--policy', 'county-council'], env)).status).toBe(0);
    expect(await received()).toBe(3);
    dynamodb.destroy();
  });

  it('refuses what it cannot do in one line', async () => {
    expect(await runCli(['report', '--policy', 'county-council'], env)).toMatchObject({ status: 2, stderr: 'redress: usage: redress report --policy ID --year YYYY [--format html|csv|json] [--out FILE] [--publish]\n' });
    expect(await runCli(['report', '--policy', 'county-council', '--year', '2026', '--format', 'json', '--publish'], env)).toMatchObject({ status: 2, stderr: 'redress: --format json is the raw figures for staff; publish the html or csv\n' });
  });
});
