/**
 * The web form's limits per address and per organisation count complaints taken, not posts: junk from a shared
 * address (a library, a school, a mobile network's gateway) must not lock the real complainants there out.
 * The form app over memory fakes, through hono's own request(): no server.
 */
import { describe, expect, it } from 'vitest';
import { complaintFormApp, type FormLimits } from '#adapters/http/complaint-form-app';
import { issueFormToken } from '#adapters/http/form-token';
import { MemoryRateLimiter } from '#adapters/memory/memory-rate-limiter';
import { memoryStack } from '#tests/support/memory-stack';

const SECRET = 'form-limits-test-secret-0123456789abcdef';
const NOW = Date.parse('2026-11-23T10:00:00Z');
const limits: FormLimits = { maxBodyBytes: 64 * 1024, minFillSeconds: 3, maxFormAgeSeconds: 86_400, perIpLimit: 2, perIpWindowSeconds: 600, perOrganisationLimit: 4, perOrganisationWindowSeconds: 3600 };

function formApp(addressOf: () => string) {
  const stack = memoryStack();
  const app = complaintFormApp({ policies: stack.policies, counters: stack.counters, rateLimiter: new MemoryRateLimiter(), submit: stack.useCases.submitWebComplaint, secret: SECRET, limits, log: stack.log, now: () => NOW }, addressOf);
  let n = 0;
  const post = (fields: Record<string, unknown>) => app.request('/forms/county-council', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
  const valid = () => ({ formToken: issueFormToken(SECRET, 'county-council', NOW - 60_000), name: 'Real Person', email: `real.${++n}@example.net`, summary: 'The bins were not collected for three weeks.', consent: true });
  return { stack, post, valid };
}

const junk = (valid: Record<string, unknown>): Record<string, unknown>[] => [
  { ...valid, summary: '' },
  { ...valid, email: 'not an address' },
  { ...valid, consent: false },
  { ...valid, formToken: 'forged.token' },
  { ...valid, formToken: issueFormToken(SECRET, 'county-council', NOW - 1000) },
  { ...valid, unknownField: 'x' },
  { ...valid, website: 'https://spam.example' },
];

describe('the per-address limit', () => {
  it('does not count posts that are refused or sent back: junk from a shared address leaves its real complainants their complaints', async () => {
    const { post, valid, stack } = formApp(() => '198.51.100.7');
    for (let round = 0; round < 3; round++) for (const fields of junk(valid())) expect((await post(fields)).status).not.toBe(429);
    const first = await post(valid());
    const second = await post(valid());
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await stack.cases.newestFirst('county-council')).toHaveLength(2);
  });

  it('still counts every complaint taken from one address: past the limit, 429 with Retry-After, and no case', async () => {
    const { post, valid, stack } = formApp(() => '198.51.100.8');
    expect((await post(valid())).status).toBe(201);
    expect((await post(valid())).status).toBe(201);
    const third = await post(valid());
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await stack.cases.newestFirst('county-council')).toHaveLength(2);
  });
});

describe('the per-organisation limit', () => {
  it('does not count junk either: posts sent back from many addresses leave the organisation open to complaints', async () => {
    let address = 0;
    const { post, valid } = formApp(() => `203.0.113.${++address % 250}`);
    for (let round = 0; round < 2; round++) for (const fields of junk(valid())) expect((await post(fields)).status).not.toBe(429);
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push((await post(valid())).status);
    expect(taken).toEqual([201, 201, 201, 201, 429]);
  });
});

describe('a form sent faster than a person fills one', () => {
  it('says plainly to wait a moment and send it again, keeping what they typed', async () => {
    const { post, valid } = formApp(() => '192.0.2.9');
    const response = await post({ ...valid(), formToken: issueFormToken(SECRET, 'county-council', NOW - 1000) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ field: 'formToken', message: 'This form was sent a moment after it opened, faster than we can accept. Your answers are kept: wait a few seconds, check them, and send the form again.' }],
    });
  });
});
