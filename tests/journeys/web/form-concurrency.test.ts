/**
 * Many complainants posting the form to one organisation in the same moment, over DynamoDB Local: each must get
 * a reference of their own, and the organisation's references stay gapless (npm run bench died on a 500 here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formStack, type FormStack } from '#tests/support/form-stack';

let stack: FormStack;
beforeAll(async () => {
  // Few retries for failures: a race lost to another complainant must not be one of them.
  stack = await formStack({ REDRESS_FORM_PER_IP_LIMIT: '1000', REDRESS_FORM_PER_ORG_LIMIT: '1000', REDRESS_WRITE_RETRIES: '2' });
});
afterAll(() => stack.server.stop());

describe('complaints to one organisation at once', () => {
  it('32 form posts at once: every one answered 201 with its own reference, numbered 0001 to 0032 with no gap', async () => {
    const post = (i: number) =>
      fetch(`${stack.url}/forms/county-council`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ formToken: stack.token('county-council'), name: `Person ${i}`, email: `burst.${i}@example.net`, summary: `Complaint number ${i}: the bins were not collected.`, consent: true }),
      });
    const responses = await Promise.all(Array.from({ length: 32 }, (_, i) => post(i)));
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, body: (await r.json()) as { reference?: string } })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 32 }, () => 201));
    const references = answers.map((a) => a.body.reference).sort();
    expect(references).toEqual(Array.from({ length: 32 }, (_, i) => `CCC-2026-${String(i + 1).padStart(4, '0')}`));
  });
});
