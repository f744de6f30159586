/**
 * A service request turned into a complaint (issue 24, found by a fresh tester): the complaint takes what the person
 * is unhappy about (their words, bounded, escaped on the page) and the day they said it (today by default, never to
 * come, never before the request came in); the case page shows the first contact and the complaint's day apart; the
 * person's own page still tells them about the service request; and a request already dealt with is not said to
 * "carry on beside" the complaint. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { complainantView } from '#domain/case/complainant-view';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const council = seedPolicies.get('county-council');
const CR = ['county-council:customer-relations'];

/** An email to the council on Monday 23 November 2026, recorded as a service request that morning. */
async function serviceRequest(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email(['From: Pat Person <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Streetlight out'], 'The streetlight outside number 14 has been out for a week.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  await stack.useCases.staff['service-request']({ reference: o.reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
  return o.reference;
}

describe('recording a complaint about a service request', () => {
  it('keeps their words and the day they said it, a day before it was recorded', async () => {
    const stack = memoryStack();
    const reference = await serviceRequest(stack);
    const c = await stack.useCases.staff.complaint({ reference, words: 'Nobody came <b>for a week</b>.', on: '2026-12-01', at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    expect(c.serviceRequest?.becameComplaint).toEqual({ at: '2026-12-01T00:00:00.000Z', by: 'cr', countsFrom: '2026-11-23T10:00:00.000Z', words: 'Nobody came <b>for a week</b>.', recordedAt: '2026-12-03T10:00:00.000Z' });
    const summary = (await stack.cases.timeline(reference)).find((e) => e.type === 'became-complaint')?.summary;
    expect(summary).toContain('Complaint made on Tuesday 1 December 2026 about the service request first raised on Monday 23 November 2026');
    expect(summary).toContain('What they are unhappy about: Nobody came <b>for a week</b>.');
  });

  it('tells the handler of the complaint, as of any new one: its deadlines and the words it was made in', async () => {
    // A fresh tester: the person was acknowledged, and the handler, whose deadlines now ran, was told nothing.
    const stack = memoryStack();
    const reference = await serviceRequest(stack);
    await stack.drain();
    const before = stack.mailer.sent.length;
    await stack.useCases.staff.complaint({ reference, words: 'Nobody came for a week.', at: at('2026-11-25T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    const notices = stack.mailer.sent.slice(before).filter((m) => m.subject === `[${reference}] New complaint: about their service request (Streetlight out)`);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.to).toEqual(['service-manager.notices@county-council.example']);
    expect(notices[0]?.text).toContain('Nobody came for a week.');
    expect(notices[0]?.text).toMatch(/Respond by: \w+day \d+ \w+ 2026/);
  });

  it('counts from the day they said it where the policy counts from the complaint', async () => {
    const { policySchema } = await import('#domain/policy/policy-schema');
    const { PolicySet } = await import('#domain/policy/policy-set');
    const raw = structuredClone(council) as unknown as { serviceRequests: Record<string, unknown> };
    raw.serviceRequests = { ...raw.serviceRequests, complaintCountsFrom: 'complaint' };
    const stack = memoryStack({}, new PolicySet([...seedPolicies.all.filter((x) => x.id !== 'county-council'), policySchema.parse(raw)]));
    const reference = await serviceRequest(stack);
    const c = await stack.useCases.staff.complaint({ reference, words: 'Still out.', on: '2026-12-01', at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    expect(c.receivedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(c.deadlines.find((d) => d.kind === 'respond' && d.status === 'pending')?.dueDate).toBe('2026-12-15');
  });

  it('refuses no words, a day to come, and a day before the request came in, naming the field', async () => {
    const stack = memoryStack();
    const reference = await serviceRequest(stack);
    const refused = (input: { words: string; on?: string }) => stack.useCases.staff.complaint({ reference, ...input, at: at('2026-12-03T10:00:00Z'), actor: 'cr' }).then(() => undefined, (e: Error & { hint?: { input?: string } }) => [e.message, e.hint?.input]);
    expect(await refused({ words: '  ' })).toEqual(['say what the person is unhappy about, in their words: the complaint is about that', 'words']);
    expect(await refused({ words: 'x', on: '2026-12-04' })).toEqual(['Friday 4 December 2026 has not come yet: record the complaint on the day they make it', 'on']);
    expect(await refused({ words: 'x', on: '2026-11-22' })).toEqual(['the service request was received on Monday 23 November 2026: a complaint about it cannot have been made on Sunday 22 November 2026', 'on']);
    expect(await refused({ words: 'x', on: '3/12/2026' })).toEqual(['the day they complained "3/12/2026" is not a date: write it as YYYY-MM-DD, e.g. 2027-01-07', 'on']);
  });

  it('bounds their words', async () => {
    const stack = memoryStack();
    const reference = await serviceRequest(stack);
    const c = await stack.useCases.staff.complaint({ reference, words: 'a'.repeat(10_000), at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    expect(new TextEncoder().encode(c.serviceRequest?.becameComplaint?.words).length).toBeLessThanOrEqual(2_000);
  });

  it('says the request was already dealt with, not that it carries on, when it was', async () => {
    const stack = memoryStack();
    const reference = await serviceRequest(stack);
    await stack.useCases.staff['service-request-done']({ reference, done: 'The lamp was replaced.', at: at('2026-11-24T15:00:00Z'), actor: 'cr' });
    await stack.useCases.staff.complaint({ reference, words: 'It went out again.', at: at('2026-11-25T10:00:00Z'), actor: 'cr' });
    const summary = (await stack.cases.timeline(reference)).find((e) => e.type === 'became-complaint')?.summary ?? '';
    expect(summary).toContain('the service request itself was already dealt with on Tuesday 24 November 2026');
    expect(summary).not.toContain('carries on beside it');
  });
});

describe('pages after the complaint', () => {
  it('the case page shows the first contact and the complaint apart, their words escaped, and the form asks for both', async () => {
    const console_ = await consoleOverMemory();
    const stack = console_.stack;
    const reference = await serviceRequest(stack);
    const form = await console_.page(`/console/cases/${reference}/actions/complaint`, CR);
    expect(form.page).toContain('What they are unhappy about, in their words');
    expect(form.page).toContain('The day they said it');
    await stack.useCases.staff['service-request-done']({ reference, done: 'The lamp was replaced.', at: at('2026-11-24T15:00:00Z'), actor: 'cr' });
    await stack.useCases.staff.complaint({ reference, words: 'Nobody came <b>for a week</b>.', on: '2026-11-24', at: at('2026-11-25T10:00:00Z'), actor: 'cr' });
    const { page } = await console_.page(`/console/cases/${reference}`, CR);
    const text = page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('First contact (the service request) 23 November 2026');
    expect(text).toContain('Complaint made Tuesday 24 November 2026');
    expect(page).toContain('Nobody came &lt;b&gt;for a week&lt;/b&gt;.');
    expect(text).toContain('the request itself was dealt with on Tuesday 24 November 2026.');
    expect(text).not.toContain('carries on beside it');
  });

  it('the person’s own page still tells them about the service request: what they asked and what was done', async () => {
    const stack = memoryStack();
    const reference = await serviceRequest(stack);
    await stack.useCases.staff['service-request-done']({ reference, done: 'The lamp was replaced.', at: at('2026-11-24T15:00:00Z'), actor: 'cr' });
    const c = await stack.useCases.staff.complaint({ reference, words: 'It went out again.', at: at('2026-11-25T10:00:00Z'), actor: 'cr' });
    expect(complainantView(council, c, [], '2026-11-25').earlierRequest).toEqual([
      'On Monday 23 November 2026 you asked us to do something, which we recorded as a service request: Repair the streetlight.',
      'We dealt with it on Tuesday 24 November 2026: The lamp was replaced.',
      'On Wednesday 25 November 2026 you told us you were unhappy about it, and we recorded your complaint under the same reference.',
    ]);
    // What they sent: the first contact is their service request (not "your complaint"), then their complaint about
    // it in the words staff took down (a fresh tester found the request headed as the complaint and the complaint's
    // words nowhere on the page).
    expect(complainantView(council, c, [], '2026-11-25').sent.map((m) => [m.label, m.text])).toEqual([
      ['Your service request', 'The streetlight outside number 14 has been out for a week.'],
      ['Your complaint about it', 'It went out again.'],
    ]);
  });
});
