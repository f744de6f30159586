/**
 * A web submission's key (the form's submission id, or a JSON caller's Idempotency-Key) is chosen by the client:
 * it makes a retry safe, and must never hand one complainant another's case. Over memory fakes.
 */
import { describe, expect, it } from 'vitest';
import { SubmissionKeyReusedError } from '#application/intake/submission-key-reused-error';
import type { WebSubmission } from '#application/intake/submit-web-complaint';
import type { ComplaintForm } from '#domain/forms/complaint-form';
import { memoryStack } from '#tests/support/memory-stack';

const form = (name: string, email: string, summary: string): ComplaintForm => ({ name, email, summary, confidential: false, consent: true, formToken: '1795428000000.page-token' });

const submission = (key: string, f: ComplaintForm): WebSubmission => ({ policyId: 'county-council', form: f, submissionKey: key, receivedAt: '2026-11-23T10:00:00.000Z', sourceIp: '192.0.2.1' });

const pat = form('Pat First', 'pat@example.net', 'The bins were not collected for three weeks.');
const kim = form('Kim Second', 'kim@example.org', 'My council tax was taken twice this month.');

describe('two complainants with one submission key', () => {
  it("the second is refused as a reused key, never answered with the first one's reference or page, and the first case is untouched", async () => {
    const stack = memoryStack();
    const first = await stack.useCases.submitWebComplaint(submission('shared-key-1', pat));
    const second = stack.useCases.submitWebComplaint(submission('shared-key-1', kim));
    await expect(second).rejects.toBeInstanceOf(SubmissionKeyReusedError);
    await expect(second).rejects.not.toThrow(first.reference);
    const cases = await stack.cases.newestFirst('county-council');
    expect(cases.map((c) => [c.reference, c.complainant.email])).toEqual([[first.reference, 'pat@example.net']]);
    // Kim, told so, sends it again under a new key and gets a case of her own, the next number.
    const again = await stack.useCases.submitWebComplaint(submission('fresh-key-2', kim));
    expect(again).toMatchObject({ reference: 'CCC-2026-0002', already: false });
  });

  it('the same content under the same key (a retry after a lost answer) gets the same reference and page', async () => {
    const stack = memoryStack();
    const first = await stack.useCases.submitWebComplaint(submission('retry-key-1', pat));
    const retry = await stack.useCases.submitWebComplaint(submission('retry-key-1', { ...pat }));
    expect(retry).toMatchObject({ reference: first.reference, already: true });
    expect(retry.pageToken).toBe(first.pageToken);
    expect(await stack.cases.newestFirst('county-council')).toHaveLength(1);
  });

  it('a change of a single field under the same key is another submission: refused', async () => {
    const stack = memoryStack();
    await stack.useCases.submitWebComplaint(submission('edit-key-1', pat));
    await expect(stack.useCases.submitWebComplaint(submission('edit-key-1', { ...pat, summary: `${pat.summary} And again today.` }))).rejects.toBeInstanceOf(SubmissionKeyReusedError);
    await expect(stack.useCases.submitWebComplaint(submission('edit-key-1', { ...pat, formToken: '1795428099999.another-page' }))).rejects.toBeInstanceOf(SubmissionKeyReusedError);
  });

  it('two complainants posting one key at the same moment: one case, and the other refused, whichever wins', async () => {
    const stack = memoryStack();
    const results = await Promise.allSettled([stack.useCases.submitWebComplaint(submission('race-key-1', pat)), stack.useCases.submitWebComplaint(submission('race-key-1', kim))]);
    const opened = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(opened).toHaveLength(1);
    expect(refused.map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(SubmissionKeyReusedError)]);
    expect(await stack.cases.newestFirst('county-council')).toHaveLength(1);
  });
});
