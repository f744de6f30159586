/**
 * The console's two other functions end to end, as API Gateway reaches them on AWS: each alone, with none of the
 * console's pages in front of it. The reports function (GET /console/reports/…) and the held-mail release
 * function (POST /console/held/<id>/release) read the session the console's pages signed, and the release makes
 * the same origin and CSRF checks as every console form. Against DynamoDB Local and s3rver on loopback; Secrets
 * Manager alone has no local server, so it is mocked and its requests asserted.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '#adapters/dynamodb/create-table';
import { DynamoDbCases } from '#adapters/dynamodb/dynamodb-cases';
import { DynamoDbHeldMail } from '#adapters/dynamodb/dynamodb-held-mail';
import { DynamoDbStaffSessions } from '#adapters/dynamodb/dynamodb-staff-sessions';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { S3RawMailStore } from '#adapters/s3/s3-raw-mail-store';
import { loadConfig } from '#config/config';
import { casesTable, dynamoDbClient } from '#composition/cases-table';
import { httpApiEvent } from '#tests/support/http-api-event';
import { lambdaContext } from '#tests/support/lambda-context';
import { policiesFile } from '#tests/support/policies';

const table = `t-${randomUUID()}`;
const BUCKET = 'raw-mail';
const SESSION_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:redress-session-secret';
const SESSION_SECRET = 'test-session-secret-0123456789-0123456789';
const PUBLIC = 'https://complaints.example.org';
const SIGN_OUT = 'https://redress-staff.auth.eu-west-2.amazoncognito.com/logout';
const secrets = mockClient(SecretsManagerClient);
const saved = { ...process.env };
let s3: S3rver;
let s3Endpoint: string;

beforeAll(async () => {
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: mkdtempSync(join(tmpdir(), 's3rver-')) });
  s3Endpoint = `http://127.0.0.1:${((await s3.run()) as { port: number }).port}`;
  Object.assign(process.env, {
    REDRESS_STACK: 'aws',
    REDRESS_POLICIES_FILE: policiesFile(),
    REDRESS_TABLE: table,
    REDRESS_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    REDRESS_S3_ENDPOINT: s3Endpoint,
    REDRESS_RAW_MAIL_BUCKET: BUCKET,
    REDRESS_SESSION_SECRET_ARN: SESSION_SECRET_ARN,
    REDRESS_PUBLIC_URL: PUBLIC,
    REDRESS_OIDC_LOGOUT_URL: SIGN_OUT,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  secrets.on(GetSecretValueCommand, { SecretId: SESSION_SECRET_ARN }).resolves({ SecretString: SESSION_SECRET });
  await ensureTable(dynamoDbClient(loadConfig()), table);
  const client = new S3Client({ region: 'eu-west-2', endpoint: s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  client.destroy();
});
afterAll(async () => {
  // Each function read the session key once, at its cold start, and nothing else.
  expect(secrets.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: SESSION_SECRET_ARN }, { SecretId: SESSION_SECRET_ARN }]);
  secrets.restore();
  await s3?.close();
  process.env = saved;
});

/** The cookie the console's pages set at sign-in, with its session kept in the table as they keep it. */
async function sessionCookie(groups: string[], csrf = 'the-session-csrf-token', options: { kept?: boolean } = {}): Promise<string> {
  const sid = randomUUID();
  const expiresAt = Date.now() + 30 * 60_000;
  if (options.kept ?? true) await new DynamoDbStaffSessions(casesTable(loadConfig())).open(sid, 'u-1', expiresAt);
  const value = seal({ sid, sub: 'u-1', name: 'Sam Staff', email: 'sam@example.org', groups, csrf }, SESSION_SECRET, expiresAt);
  return `${SESSION_COOKIE}=${value}`;
}

type Answer = { statusCode: number; headers?: Record<string, string>; body?: string };
const answer = (r: unknown) => r as Answer;

describe('the console reports function', () => {
  it('sends a visitor with no session to sign in, where the console pages would take them', async () => {
    const { handler } = await import('#functions/console-reports');
    const r = answer(await handler(httpApiEvent('GET', '/console/reports/county-council'), lambdaContext()));
    expect(r.statusCode).toBe(302);
    expect(r.headers?.location).toBe('/console/sign-in?return=%2Fconsole%2Freports%2Fcounty-council');
  });

  it("shows the council's report to its Chief Executive, with the console's headers, and its figures as CSV", async () => {
    const { handler } = await import('#functions/console-reports');
    const cookie = await sessionCookie(['county-council:chief-executive']);
    const page = answer(await handler(httpApiEvent('GET', '/console/reports/county-council', { headers: { cookie }, query: 'year=2025' }), lambdaContext()));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Complaints in 2025: County Council');
    expect(page.headers?.['content-security-policy']).toContain('img-src data:;');
    // Its sign-out form is answered with a redirect to Cognito's logout, which the CSP must let through.
    expect(page.headers?.['content-security-policy']).toContain("form-action 'self' https://redress-staff.auth.eu-west-2.amazoncognito.com;");
    expect(page.headers?.['x-frame-options']).toBe('DENY');
    const csv = answer(await handler(httpApiEvent('GET', '/console/reports/county-council', { headers: { cookie }, query: 'year=2025&format=csv' }), lambdaContext()));
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers?.['content-disposition']).toContain('county-council-complaints-2025.csv');
  });

  it('sends a signed cookie whose session the server no longer keeps (signed out) to sign in', async () => {
    const { handler } = await import('#functions/console-reports');
    const cookie = await sessionCookie(['county-council:chief-executive'], undefined, { kept: false });
    const r = answer(await handler(httpApiEvent('GET', '/console/reports/county-council', { headers: { cookie }, query: 'year=2025' }), lambdaContext()));
    expect(r.statusCode).toBe(302);
    expect(r.headers?.location).toBe('/console/sign-in?return=%2Fconsole%2Freports%2Fcounty-council');
  });

  it('refuses the report (403) to a member it is not for', async () => {
    const { handler } = await import('#functions/console-reports');
    const cookie = await sessionCookie(['county-council:service-manager']);
    expect(answer(await handler(httpApiEvent('GET', '/console/reports/county-council', { headers: { cookie } }), lambdaContext())).statusCode).toBe(403);
    expect(answer(await handler(httpApiEvent('GET', '/console/reports/county-council/monitoring', { headers: { cookie }, query: 'year=2025' }), lambdaContext())).statusCode).toBe(403);
  });
});

describe('the held-mail release function', () => {
  const raw = (from: string) => Buffer.from([`From: Pat Held <${from}>`, 'To: complaints@nobody.example', 'Subject: My bins again', `Message-ID: <${randomUUID()}@example.net>`, '', 'The bins were not collected for three weeks.', ''].join('\r\n'));
  const held = async () => {
    const config = loadConfig();
    const id = randomUUID();
    const from = `pat.${id.slice(0, 8)}@example.net`;
    const rawKey = `inbound/${id}`;
    await new S3RawMailStore(new S3Client({ region: 'eu-west-2', endpoint: s3Endpoint, forcePathStyle: true }), BUCKET).put(rawKey, raw(from));
    await new DynamoDbHeldMail(casesTable(config)).hold({ id, scope: 'operator', reason: 'unknown-recipient', rawKey, receivedAt: new Date().toISOString(), from, subject: 'My bins again' }, [], new Date().toISOString());
    return { id, from };
  };
  const release = (id: string, headers: Record<string, string>, csrf = 'the-session-csrf-token') =>
    httpApiEvent('POST', `/console/held/${id}/release`, { body: `csrf=${csrf}&policy=alumot`, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

  it('refuses a release with no session, from another site, or without the session’s CSRF token, and releases nothing', async () => {
    const { handler } = await import('#functions/held-release');
    const { id } = await held();
    const cookie = await sessionCookie(['operator']);
    expect(answer(await handler(release(id, {}), lambdaContext())).statusCode).toBe(302);
    expect(answer(await handler(release(id, { cookie, 'sec-fetch-site': 'cross-site' }), lambdaContext())).statusCode).toBe(403);
    expect(answer(await handler(release(id, { cookie, 'sec-fetch-site': 'same-origin' }, 'another-token'), lambdaContext())).statusCode).toBe(403);
    expect((await new DynamoDbHeldMail(casesTable(loadConfig())).get(id))?.settled).toBeUndefined();
  });

  it('an operator releases mail sent to no organisation into a case, read from raw mail in S3', async () => {
    const { handler } = await import('#functions/held-release');
    const { id, from } = await held();
    const r = answer(await handler(release(id, { cookie: await sessionCookie(['operator']), 'sec-fetch-site': 'same-origin' }), lambdaContext()));
    expect(r.statusCode).toBe(303);
    const reference = decodeURIComponent(/released=([^&]+)/.exec(r.headers?.location ?? '')?.[1] ?? '');
    expect(reference).toMatch(/^ALU-\d{4}-\d{4}$/);
    const config = loadConfig();
    const opened = await new DynamoDbCases(casesTable(config), 86_400).get(reference);
    expect(opened?.complainant.email).toBe(from);
    expect((await new DynamoDbHeldMail(casesTable(config)).get(id))?.settled).toMatchObject({ status: 'released', reference, by: 'sam@example.org' });
  });

  it('shows the held-mail page with what stopped a release of a message the person cannot see', async () => {
    const { handler } = await import('#functions/held-release');
    const { id } = await held();
    const r = answer(await handler(release(id, { cookie: await sessionCookie(['alumot:staff']), 'sec-fetch-site': 'same-origin' }), lambdaContext()));
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('There is no such held message that you can see.');
  });
});
