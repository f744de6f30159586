/**
 * A complaint on each seed policy's web form, its address confirmed: the confirm-address letter is not the
 * acknowledgement; confirming sends the real one (who handles it, the dates, the data-protection note) exactly
 * once, meets the acknowledge deadline then, makes the policy's automatic move and starts its clocks. Until
 * then staff see an acknowledgement still owed, and may not write to the unproved address. Over memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dateInWords } from '#domain/letters/dates-in-words';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const ADDRESS = 'form.person@example.net';
const RECEIVED = '2027-01-04T10:00:00.000Z'; // Monday 4 January 2027
const CONFIRMED = '2027-01-05T09:00:00.000Z'; // Tuesday 5 January 2027
const LINK = /\/confirm\/([A-Z]{2,6}-\d{4}-\d{4,6})\/([A-Za-z0-9_-]{43})\n/;
const CODE = /Your reply must include this code: ([0-9A-Z]{5}-[0-9A-Z]{5})\n/;

interface Expected {
  readonly policyId: string;
  /** The stage the case is at once acknowledged (Not Alone Mentoring moves on by itself, 7.1). */
  readonly stage: string;
  readonly handler: string;
  /** Dates the acknowledgement must give, in words. */
  readonly says: readonly string[];
  /** The deadlines pending after the acknowledgement, as kind dueDate. */
  readonly pending: readonly string[];
  readonly acknowledgeDue: string;
}

// Received Monday 4 January, confirmed Tuesday 5 January 2027 (deadline counting: /work/shared/conventions/deadlines.md).
const SEEDS: readonly Expected[] = [
  {
    policyId: 'not-alone-mentoring',
    stage: 'stage-2',
    handler: 'Katie Smith, our complaints officer, will look into your complaint.',
    // 7.1 and 7.2 run from the move to investigation, made when the acknowledgement goes (Tuesday 5 January).
    says: ['If we need to meet you to talk about your complaint, we will do so by Thursday 14 January 2027.', 'We will send you our full response by Tuesday 19 January 2027.'],
    pending: ['meet 2027-01-14', 'respond 2027-01-19'],
    acknowledgeDue: '2027-01-07',
  },
  {
    policyId: 'county-council',
    stage: 'stage-1',
    handler: 'will look into your complaint.',
    says: ['We will send you our full response by Monday 18 January 2027.', 'you will have our response by Monday 1 February 2027 at the latest'],
    pending: ['respond 2027-01-18', 'respond-max 2027-02-01'],
    acknowledgeDue: '2027-01-07',
  },
  {
    policyId: 'alumot',
    stage: 'stage-1',
    handler: 'will look into your complaint.',
    says: ['We will send you our full response by Monday 1 February 2027.'],
    pending: ['respond 2027-02-01'],
    acknowledgeDue: '2027-01-18',
  },
  {
    policyId: 'connected-together',
    stage: 'formal',
    handler: 'will look into your complaint.',
    says: ['We will then aim to send you our full response within 15 working days of that.'],
    pending: [],
    acknowledgeDue: '2027-01-07',
  },
  {
    policyId: 'connect-north-yorkshire',
    stage: 'stage-2',
    handler: 'will look into your complaint.',
    says: ['We will send you our full response by Monday 1 February 2027.'],
    pending: ['respond 2027-02-01'],
    acknowledgeDue: '2027-01-11',
  },
];

async function submitForm(stack: MemoryStack, policyId: string, extra: Record<string, string> = {}) {
  stack.clock.set(RECEIVED);
  const signed = policyId === 'not-alone-mentoring' ? { signature: 'Form Person', signatureDate: '2027-01-04' } : {};
  const opened = await stack.useCases.submitWebComplaint({
    policyId,
    form: { name: 'Form Person', email: ADDRESS, phone: '01632 960 001', summary: 'My sessions were cancelled without notice.', confidential: false, consent: true, formToken: 'x', ...signed, ...extra },
    submissionKey: `k-${policyId}`,
    receivedAt: RECEIVED,
    sourceIp: '192.0.2.9',
  });
  await stack.drain();
  const letters = toThem(stack);
  expect(letters.map((m) => m.subject)).toEqual([expect.stringMatching(/Please confirm your email address/)]);
  const text = letters[0]?.text ?? '';
  const link = LINK.exec(text);
  const code = CODE.exec(text)?.[1];
  if (!link || !code) throw new Error(`no link or code in:\n${text}`);
  return { ...opened, token: link[2] as string, code, messageId: letters[0]?.messageId as string };
}

const toThem = (stack: MemoryStack) => stack.mailer.sent.filter((m) => m.to.includes(ADDRESS));
const acknowledgements = (stack: MemoryStack) => toThem(stack).filter((m) => /We have received your (signed )?complaint$/.test(m.subject));
const pendingOf = (c: { deadlines: readonly { kind: string; dueDate: string; status: string }[] }) =>
  c.deadlines.filter((d) => d.status === 'pending' && d.kind !== 'retention').map((d) => `${d.kind} ${d.dueDate}`).sort();

describe.each(SEEDS)('a complaint on the $policyId web form', (seed) => {
  it('is not acknowledged by the confirm-address letter: the acknowledgement is still owed, and the timeline and the answer say so', async () => {
    const stack = memoryStack();
    const opened = await submitForm(stack, seed.policyId);
    expect(opened.acknowledged).toBe(false);
    const c = await stack.cases.get(opened.reference);
    expect(c?.acknowledgedAt).toBeUndefined();
    expect(c?.deadlines.find((d) => d.kind === 'acknowledge')).toMatchObject({ status: 'pending', dueDate: seed.acknowledgeDue });
    const timeline = await stack.cases.timeline(opened.reference);
    expect(timeline.some((e) => e.type === 'acknowledged')).toBe(false);
    expect(timeline.map((e) => e.summary)).toContain(`Letter sent to ${ADDRESS} asking the complainant to confirm it is theirs: the acknowledgement goes there once they do`);
  });

  it("tells the handler in a notice named for the web form (never the complainant's words), with the acknowledgement still owed", async () => {
    const stack = memoryStack();
    const { reference } = await submitForm(stack, seed.policyId, { summary: 'URGENT from the Chief Executive: pay the refund now' });
    const notice = stack.mailer.sent.find((m) => m.subject.startsWith(`[${reference}] New complaint`));
    expect(notice?.subject).toBe(`[${reference}] New complaint from the web form`);
    expect(notice?.text.replace(/\s+/g, ' ')).toContain(`The acknowledgement is still owed (by ${dateInWords(seed.acknowledgeDue)}): if the address is not confirmed in time, acknowledge the complaint by telephone or post`);
  });

  it('confirmed by the link, gets the acknowledgement with its dates; the deadline is met then, and the clocks run', async () => {
    const stack = memoryStack();
    const { reference, token } = await submitForm(stack, seed.policyId);
    stack.clock.set(CONFIRMED);
    await stack.useCases.complainant.confirmAddress({ reference, token, at: new Date(CONFIRMED) });
    await stack.drain();
    const [ack, ...more] = acknowledgements(stack);
    expect(more).toEqual([]);
    const text = ack?.text.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(`We have recorded it under reference ${reference}`);
    expect(text).toContain('Thank you for confirming your email address, and for your complaint to ');
    expect(text).toContain(seed.handler);
    for (const words of seed.says) expect(text).toContain(words);
    const note = stack.policies.get(seed.policyId).intake.dataProtectionNote?.text;
    expect(text).toContain((note ?? 'We hold the information you give us securely').replace(/\s+/g, ' ').slice(0, 60));

    const c = await stack.cases.get(reference);
    expect(c?.stage).toBe(seed.stage);
    expect(c?.acknowledgedAt).toBe(CONFIRMED);
    expect(c?.deadlines.find((d) => d.kind === 'acknowledge')).toMatchObject({ status: 'met', doneAt: CONFIRMED, dueDate: seed.acknowledgeDue });
    expect(pendingOf(c as NonNullable<typeof c>)).toEqual([...seed.pending].sort());
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.filter((e) => e.type === 'acknowledged').map((e) => e.summary)).toEqual(['Acknowledgement sent to the complainant, who has confirmed their email address']);
  });

  it('confirmed twice, or by the link and a reply with the code at once, gets one acknowledgement', async () => {
    const stack = memoryStack();
    const { reference, token, code, messageId } = await submitForm(stack, seed.policyId);
    stack.clock.set(CONFIRMED);
    const reply = email([`From: ${ADDRESS}`, `To: ${stack.policies.get(seed.policyId).intake.addresses[0]}`, `Subject: Re: [${reference}] Please confirm`, `In-Reply-To: ${messageId}`], `Yes. ${code}`);
    await Promise.all([stack.useCases.complainant.confirmAddress({ reference, token, at: new Date(CONFIRMED) }), stack.deliver(reply), stack.useCases.complainant.confirmAddress({ reference, token, at: new Date(CONFIRMED) })]);
    await stack.useCases.complainant.confirmAddress({ reference, token, at: new Date('2027-01-06T09:00:00Z') });
    await stack.drain();
    expect(acknowledgements(stack)).toHaveLength(1);
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });
});

describe('Not Alone Mentoring, after confirmation', () => {
  it('moves on to investigation by itself (7.1) and tells its handler', async () => {
    const stack = memoryStack();
    const { reference, code } = await submitForm(stack, 'not-alone-mentoring');
    stack.clock.set(CONFIRMED);
    await stack.deliver(email([`From: ${ADDRESS}`, 'To: not.alone.mentoring@gmail.com', `Subject: Re: [${reference}] Please confirm`], `Yes, code ${code}`));
    await stack.drain();
    expect(acknowledgements(stack)).toHaveLength(1);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.some((e) => e.type === 'stage-changed' && e.summary.startsWith('Moved from Complaint to Investigation'))).toBe(true);
    // The handler's notice of the reply that confirmed the address shows the case as it now is: no acknowledgement owed.
    const replyNotice = stack.mailer.sent.find((m) => m.subject === `[${reference}] New message on the case`);
    expect(replyNotice?.text).toContain('Stage: Investigation');
    expect(replyNotice?.text).not.toContain('Acknowledge by');
    expect(stack.mailer.sent.some((m) => m.to.includes('complaints-officer.notices@not-alone-mentoring.example') && m.subject.startsWith(`[${reference}]`) && /Investigation/.test(m.subject + m.text))).toBe(true);
  });

  it('unsigned, asks for the signature once confirmed (its clock waits for it), and acknowledges when it is signed', async () => {
    const stack = memoryStack();
    const { reference, token } = await submitForm(stack, 'not-alone-mentoring', { signature: '', signatureDate: '' });
    expect((await stack.cases.get(reference))?.status).toBe('awaiting-signature');
    stack.clock.set(CONFIRMED);
    await stack.useCases.complainant.confirmAddress({ reference, token, at: new Date(CONFIRMED) });
    await stack.drain();
    expect(toThem(stack).map((m) => m.subject).at(-1)).toMatch(/sign/i);
    expect(acknowledgements(stack)).toHaveLength(0);
    await stack.useCases.staff.sign({ reference, at: DateTime.fromISO('2027-01-06T10:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(acknowledgements(stack)).toHaveLength(1);
    expect((await stack.cases.get(reference))?.stage).toBe('stage-2');
  });
});

describe('confirmed after the acknowledgement was due', () => {
  it('still acknowledges, with dates still to come; staff see it was late', async () => {
    const stack = memoryStack();
    const { reference, token } = await submitForm(stack, 'county-council');
    // Confirmed on Tuesday 12 January, three working days after the acknowledgement was due (Thursday 7th).
    const late = '2027-01-12T09:00:00.000Z';
    stack.clock.set(late);
    await stack.useCases.complainant.confirmAddress({ reference, token, at: new Date(late) });
    await stack.drain();
    const [ack] = acknowledgements(stack);
    expect(ack?.text.replace(/\s+/g, ' ')).toContain('We will send you our full response by Monday 18 January 2027.');
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.filter((e) => e.type === 'acknowledged').map((e) => e.summary)).toEqual(['Acknowledgement sent to the complainant, who has confirmed their email address (late: it was due by Thursday 7 January 2027)']);
  });

  it('gives no response date that has passed', async () => {
    const stack = memoryStack();
    const { reference, token } = await submitForm(stack, 'county-council');
    const late = '2027-01-20T09:00:00.000Z'; // after the 18th, the response date
    stack.clock.set(late);
    await stack.useCases.complainant.confirmAddress({ reference, token, at: new Date(late) });
    await stack.drain();
    const text = acknowledgements(stack)[0]?.text.replace(/\s+/g, ' ') ?? '';
    expect(text).not.toContain('18 January 2027');
    expect(text).toContain('We will let you know when you can expect our full response.');
  });
});

describe('the morning digest, while the address is not confirmed', () => {
  it('lists the acknowledgement still owed, and why it has not gone', async () => {
    const stack = memoryStack();
    const { reference } = await submitForm(stack, 'county-council');
    stack.clock.set('2027-01-05T08:00:00Z');
    expect(await stack.useCases.sendDigest('county-council', DateTime.fromISO('2027-01-05T08:00:00Z'))).toBe('sent');
    await stack.drain();
    const digest = stack.mailer.sent.find((m) => m.subject.startsWith('Complaints digest'));
    expect(digest?.text.replace(/\s+/g, ' ')).toContain(
      `${reference}: Stage one, acknowledge by Thursday 7 January 2027 (2 working days left); email address not confirmed yet: it goes by itself when they confirm, or acknowledge by post or phone`,
    );
  });
});

describe('staff acknowledging while the address is not confirmed', () => {
  it('is refused, saying why and what to do instead; by post or phone it is recorded and nothing goes to the address', async () => {
    const stack = memoryStack();
    const { reference, token } = await submitForm(stack, 'county-council');
    const request = { reference, at: DateTime.fromISO('2027-01-06T10:00:00Z'), actor: 'officer' };
    await expect(stack.useCases.staff.acknowledge(request)).rejects.toThrow(/not confirmed/);
    await stack.useCases.staff.acknowledge({ ...request, byPostOrPhone: true });
    await stack.drain();
    expect(toThem(stack)).toHaveLength(1);
    const c = await stack.cases.get(reference);
    expect(c?.deadlines.find((d) => d.kind === 'acknowledge')?.status).toBe('met');
    // Confirmed later: no second acknowledgement.
    await stack.useCases.complainant.confirmAddress({ reference, token, at: new Date('2027-01-07T09:00:00Z') });
    await stack.drain();
    expect(acknowledgements(stack)).toHaveLength(0);
  });
});
