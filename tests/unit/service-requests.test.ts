/**
 * Service requests (LGSCO 1.2, 1.7, 1.8; Housing Ombudsman 1.3, 1.4; the council's "Matters not previously
 * notified ... a service request"): a contact recorded as one, or a case turned into one, is not a complaint, has
 * none of a complaint's deadlines, and its letter says what happens next and that the person can still complain,
 * and how. Turned into a complaint later, its deadlines count from the first contact (the council's policy), and
 * the timeline shows both dates. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '#domain/access/staff-member';
import { ActionRefusedError } from '#domain/case/case-change';
import { PolicySet } from '#domain/policy/policy-set';
import { policySchema, type Policy } from '#domain/policy/policy-schema';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';
import { CONSOLE_FORMS } from '#adapters/http/console-actions';
import type { Case } from '#domain/case/case';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const PAT = 'pat@example.net';
const CR: StaffMember = { id: 'cr', name: 'cr@county-council.example', email: 'cr@county-council.example', memberships: [{ policyId: 'county-council', role: 'customer-relations' }], operator: false };
const council = seedPolicies.get('county-council');

/** The council with a GOSS-style target of five working days for a service request. */
function withTarget(): PolicySet {
  const raw = structuredClone(council) as unknown as { serviceRequests: Record<string, unknown> };
  raw.serviceRequests = { ...raw.serviceRequests, target: { amount: 5, unit: 'workingDays', clause: 'GOSS service standard' } };
  const p: Policy = policySchema.parse(raw);
  return new PolicySet([...seedPolicies.all.filter((x) => x.id !== 'county-council'), p]);
}

/** An email to the council on Monday 23 November 2026 (the memory stack's morning). */
async function emailed(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', 'Subject: Streetlight out'], 'The streetlight outside number 14 has been out for a week.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

const lastToPat = (stack: MemoryStack) => stack.mailer.sent.filter((m) => m.to.includes(PAT)).at(-1);
const flat = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ');

describe('a case turned into a service request', () => {
  it('is not a complaint: its deadlines end, and the letter says what happens next and how to complain', async () => {
    const stack = memoryStack({}, withTarget());
    const reference = await emailed(stack);
    const c = await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight outside 14 Mill Lane.', at: at('2026-11-23T11:00:00Z'), actor: 'cr@county-council.example' });
    await stack.drain();
    expect(c.recordedAsComplaint).toBe(false);
    expect(c.deadlines.filter((d) => d.status === 'pending')).toEqual([]);
    expect(c.serviceRequest).toMatchObject({ firstContactAt: '2026-11-23T10:00:00.000Z', asked: 'Repair the streetlight outside 14 Mill Lane.', targetDate: '2026-11-30', steps: [] });
    const letter = lastToPat(stack);
    expect(letter?.subject).toBe(`[${reference}] We have recorded your request`);
    const text = flat(letter?.text);
    expect(text).toContain('We have recorded what you asked us to do as a service request');
    expect(text).toContain('Repair the streetlight outside 14 Mill Lane.');
    // Not a complaint: never "the manager responsible for the service you complained about" (the role's words in letters).
    expect(text).toContain('What happens next ----------------- We have passed your request to the team responsible for the service, who will deal with it.')
    expect(text).not.toContain('complained about');
    expect(text).toContain('We aim to have dealt with it by Monday 30 November 2026.');
    expect(text).toContain('you can make a complaint at any time, including now, while we deal with your request');
    expect(text).toContain('reply to this email and tell us you want to make a complaint, or email complaints@county-council.example');
    expect(text).toContain('we will count the time we take to answer your complaint from Monday 23 November 2026, when you first contacted us about it');
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'service-request')?.summary).toBe(
      'Recorded as a service request, not a complaint (section “Matters not previously notified”): Repair the streetlight outside 14 Mill Lane.; to be dealt with by Monday 30 November 2026 (section “GOSS service standard”)',
    );
  });

  it('is refused where the policy has no service requests', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Jo <jo@example.net>', 'To: Shaked@alumot.uk', 'Subject: Help'], 'Please call me back.'));
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    const refusal = await stack.useCases.staff['service-request']({ reference: o.reference, asked: 'Call back', at: at('2026-11-23T11:00:00Z'), actor: 'staff' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ActionRefusedError);
    expect((refusal as Error).message).toContain("policy has no service requests");
  });

  it('records each step, and when dealt with tells the person what was done and closes', async () => {
    const stack = memoryStack({}, withTarget());
    const reference = await emailed(stack);
    await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    await stack.drain();
    await stack.useCases.staff['service-request-step']({ reference, text: 'Job raised with the lighting contractor.', at: at('2026-11-24T09:00:00Z'), actor: 'cr' });
    const done = await stack.useCases.staff['service-request-done']({ reference, done: 'The contractor replaced the lamp on 26 November.', at: at('2026-11-26T15:00:00Z'), actor: 'cr' });
    await stack.drain();
    expect(done.status).toBe('closed');
    expect(done.closure).toBe('service-request');
    expect(done.serviceRequest?.steps.map((s) => s.text)).toEqual(['Job raised with the lighting contractor.']);
    const text = flat(lastToPat(stack)?.text);
    expect(lastToPat(stack)?.subject).toBe(`[${reference}] We have dealt with your request`);
    expect(text).toContain('What we did ----------- The contractor replaced the lamp on 26 November.');
    expect(text).toContain('If you are not happy with what we did');
    expect(text).toContain('You can make a complaint.');
    await expect(stack.useCases.staff['service-request-step']({ reference, text: 'more', at: at('2026-11-27T09:00:00Z'), actor: 'cr' })).rejects.toThrow('was dealt with on Thursday 26 November 2026');
    const { complainantView } = await import('#domain/case/complainant-view');
    expect(complainantView(withTarget().get('county-council'), done, [], '2026-11-27').next).toEqual([
      'We dealt with this as a service request, not a complaint. You can still make a complaint about it: our letter says how.',
      expect.stringMatching(/^We will keep the records of your request, and this page, until /),
    ]);
  });
});

describe('a service request turned into a complaint', () => {
  it('keeps the first contact date for the complaint’s deadlines (the council), and the timeline shows both', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    await stack.drain();
    // Ten days later the person complains: the council counts from the first contact, Monday 23 November.
    const c = await stack.useCases.staff.complaint({ reference, words: 'The light is still out and no one told me.', at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    expect(c.recordedAsComplaint).toBeUndefined();
    expect(c.receivedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(c.serviceRequest?.becameComplaint).toEqual({ at: '2026-12-03T10:00:00.000Z', by: 'cr', countsFrom: '2026-11-23T10:00:00.000Z', words: 'The light is still out and no one told me.' });
    const pending = c.deadlines.filter((d) => d.status === 'pending').map((d) => [d.kind, d.dueDate]);
    // Stage one from Monday 23 November: respond in 10 working days, at most 20 (as a complaint made that day).
    expect(pending).toEqual([
      ['respond', '2026-12-07'],
      ['respond-max', '2026-12-21'],
    ]);
    // The complaint's own deadlines only: those the service request ended are replaced, not kept beside them.
    expect(c.deadlines.filter((d) => d.kind === 'acknowledge')).toMatchObject([{ dueDate: '2026-11-26', doneAt: '2026-12-03T10:00:00.000Z', status: 'missed' }]);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'became-complaint')?.summary).toBe(
      'Complaint made on Thursday 3 December 2026 about the service request first raised on Monday 23 November 2026: its deadlines count from the first contact, Monday 23 November 2026 (the policy counts a complaint from when the person first expressed dissatisfaction); the service request carries on beside it. What they are unhappy about: The light is still out and no one told me.',
    );
    const ack = lastToPat(stack);
    expect(ack?.subject).toBe(`[${reference}] We have received your complaint`);
    expect(flat(ack?.text)).toContain('We will send you our full response by Monday 7 December 2026.');
  });

  it('counts from the day of the complaint where the policy says so', async () => {
    const raw = structuredClone(council) as unknown as { serviceRequests: Record<string, unknown> };
    raw.serviceRequests = { ...raw.serviceRequests, complaintCountsFrom: 'complaint' };
    const stack = memoryStack({}, new PolicySet([...seedPolicies.all.filter((x) => x.id !== 'county-council'), policySchema.parse(raw)]));
    const reference = await emailed(stack);
    await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    const c = await stack.useCases.staff.complaint({ reference, words: 'The light is still out and no one told me.', at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    expect(c.receivedAt).toBe('2026-12-03T10:00:00.000Z');
    expect(c.serviceRequest?.firstContactAt).toBe('2026-11-23T10:00:00.000Z');
    expect(c.deadlines.find((d) => d.kind === 'respond' && d.status === 'pending')?.dueDate).toBe('2026-12-17');
  });

  it('nothing blocks a complaint while the service request is open (LGSCO 1.7), and the request carries on', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    await stack.useCases.staff.complaint({ reference, words: 'The light is still out and no one told me.', at: at('2026-11-24T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    const done = await stack.useCases.staff['service-request-done']({ reference, done: 'The lamp was replaced.', at: at('2026-11-26T15:00:00Z'), actor: 'cr' });
    await stack.drain();
    // Still the complaint it became: open, with its deadlines; the letter says the complaint carries on.
    expect(done.status).toBe('open');
    expect(done.deadlines.some((d) => d.kind === 'respond' && d.status === 'pending')).toBe(true);
    expect(flat(lastToPat(stack)?.text)).toContain('Your complaint about this carries on under the same reference.');
    await expect(stack.useCases.staff.complaint({ reference, words: 'The light is still out and no one told me.', at: at('2026-11-27T10:00:00Z'), actor: 'cr' })).rejects.toThrow('became a complaint on Tuesday 24 November 2026');
  });

  it('a request dealt with and closed opens again as the complaint', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    await stack.useCases.staff['service-request-done']({ reference, done: 'The lamp was replaced.', at: at('2026-11-24T15:00:00Z'), actor: 'cr' });
    const c = await stack.useCases.staff.complaint({ reference, words: 'The light is still out and no one told me.', at: at('2026-11-25T10:00:00Z'), actor: 'cr' });
    expect(c.status).toBe('open');
    expect(c.closure).toBeUndefined();
    expect(c.deadlines.filter((d) => d.kind === 'retention' && d.status === 'pending')).toEqual([]);
  });
});

describe('a contact recorded as a service request from the start (the console’s record page)', () => {
  it('opens with no complaint deadline and no acknowledgement, and the service request letter drafted for post', async () => {
    const stack = memoryStack();
    const opened = await stack.useCases.record(
      CR,
      { policyId: 'county-council', receivedAt: at('2026-11-23T09:30:00Z'), channel: 'phone', name: 'Pat Phone', phone: '01632 960000', address: '14 Mill Lane\nYork YO26 9TR', preferredChannel: 'post', subject: 'Pothole', summary: 'A pothole outside 14 Mill Lane needs filling.', confidential: false, serviceRequest: true },
      DateTime.fromJSDate(stack.clock.now()),
    );
    const c = await stack.cases.get(opened.reference);
    expect(c?.serviceRequest).toMatchObject({ firstContactAt: '2026-11-23T09:30:00.000Z', asked: 'Pothole: A pothole outside 14 Mill Lane needs filling.', recordedBy: 'cr@county-council.example' });
    expect(c?.deadlines).toEqual([]);
    expect(c?.acknowledgedAt).toBeUndefined();
    const timeline = await stack.cases.timeline(opened.reference);
    const drafted = timeline.find((e) => e.type === 'letter-drafted');
    expect(drafted?.detail?.kind).toBe('service-request');
    const text = flat(String(drafted?.detail?.text));
    expect(text).toContain('Our reference: ' + opened.reference);
    expect(text).toContain('A pothole outside 14 Mill Lane needs filling.');
    expect(text).toContain('and tell us you want to make a complaint');
    expect(text).not.toContain('reply to this email');
    expect(timeline.some((e) => e.type === 'deadlines-set')).toBe(false);
  });

  it('is refused for a policy without service requests', async () => {
    const stack = memoryStack();
    const chair: StaffMember = { id: 'chair', name: 'chair', email: 'chair@alumot.example', memberships: [{ policyId: 'alumot', role: 'chair' }], operator: false };
    await expect(
      stack.useCases.record(chair, { policyId: 'alumot', receivedAt: at('2026-11-23T09:30:00Z'), channel: 'phone', name: 'Jo', phone: '01632 960001', summary: 'Call me', confidential: false, serviceRequest: true }, DateTime.fromJSDate(stack.clock.now())),
    ).rejects.toThrow('policy has no service requests: record it as a complaint');
  });
});

describe('the person’s own page while it is a service request', () => {
  it('says it is being dealt with as one, by its target, and that they can still complain; never a complaint’s dates', async () => {
    const { complainantView } = await import('#domain/case/complainant-view');
    const stack = memoryStack({}, withTarget());
    const reference = await emailed(stack);
    const c = await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    const view = complainantView(withTarget().get('county-council'), c, [], '2026-11-24');
    // The page calls it their request, not their complaint.
    expect(view.called).toBe('request');
    expect(view.next).toEqual([
      'We have recorded this as a service request, not a complaint, and we are dealing with it. We will write to you when it is done: we aim to have dealt with it by Monday 30 November 2026.',
      'You can still make a complaint about it, or about anything else we have done, at any time. Our letter says how.',
    ]);
    // Once they complain, the complaint's own dates.
    const complaint = await stack.useCases.staff.complaint({ reference, words: 'The light is still out and no one told me.', at: at('2026-11-24T10:00:00Z'), actor: 'cr' });
    const asComplaint = complainantView(withTarget().get('county-council'), complaint, [], '2026-11-24');
    expect(asComplaint.next[0]).toBe('We will send you our full response by Monday 7 December 2026.');
    expect(asComplaint.called).toBeUndefined();
  });
});

describe('a service request is not acknowledged as a complaint', () => {
  it('refuses the acknowledgement, pointing to recording the complaint', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    await expect(stack.useCases.staff.acknowledge({ reference, byPostOrPhone: false, at: at('2026-11-23T12:00:00Z'), actor: 'cr' })).rejects.toThrow(`${reference} is a service request, not a complaint: if they are complaining about it, record the complaint, which acknowledges it`);
  });

  it('is not offered on the case page while it is a service request', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    const policy = seedPolicies.get('county-council');
    const form = CONSOLE_FORMS.acknowledge;
    if (form === 'command-line-only') throw new Error('acknowledge has a console form');
    expect(form.offered((await stack.cases.get(reference)) as Case, policy)).toBe(true);
    await stack.useCases.staff['service-request']({ reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
    expect(form.offered((await stack.cases.get(reference)) as Case, policy)).toBe(false);
  });
});
