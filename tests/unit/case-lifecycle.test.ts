/** The case lifecycle over memory fakes: staff actions, timers firing, retention, the digest, form addresses. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '#domain/policy/policy-set';
import { email, emailWithAttachments, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);

async function openEmailCase(stack: MemoryStack, to: string, headers: string[] = [], body?: string): Promise<string> {
  const [o] = await stack.deliver(email(['From: Pat Person <pat@example.net>', `To: ${to}`, 'Subject: About my sessions', ...headers], body));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

async function fireAll(stack: MemoryStack, reference: string, now: string) {
  stack.clock.set(now);
  const outcomes: string[] = [];
  // As Scheduler does (and the local clock): a timer that fired is gone.
  for (const timer of (await stack.timers.list(reference)).filter((t) => Date.parse(t.fireAt) <= Date.parse(now))) {
    outcomes.push(await stack.useCases.fireTimer(timer.input));
    stack.timers.timers.delete(timer.name);
  }
  await stack.drain();
  return outcomes;
}

describe('what operators are counted (CloudWatch metrics on AWS)', () => {
  it('counts a case opened once however often its mail comes, each letter sent, a deadline missed, and how long the oldest letter waited', async () => {
    const stack = memoryStack();
    const raw = email(['From: Pat Person <pat@example.net>', 'To: Shaked@alumot.uk', 'Subject: About my sessions', 'Message-ID: <once@example.net>']);
    await stack.deliver(raw, { key: 'inbound/once.eml' });
    await stack.deliver(raw, { key: 'inbound/once.eml' });
    expect(stack.metrics.total('CasesOpened')).toBe(1);
    stack.clock.set('2026-11-23T10:10:00Z');
    await stack.drain();
    // The acknowledgement and the handler's notice; the first run found them waiting since intake.
    expect(stack.metrics.total('LettersSent')).toBe(stack.mailer.sent.length);
    expect(stack.mailer.sent.length).toBeGreaterThanOrEqual(2);
    expect(stack.metrics.total('OldestPendingLetterSeconds')).toBeGreaterThan(0);
    expect(stack.metrics.last.get('OldestPendingLetterSeconds')).toBe(0);
    const [c] = await stack.cases.ofComplainant('alumot', 'pat@example.net');
    expect(await fireAll(stack, c?.reference as string, '2026-12-22T00:30:00Z')).toContain('escalated');
    expect(stack.metrics.total('DeadlinesMissed')).toBe(1);
  });
});

describe('escalation of a missed deadline', () => {
  it('goes to the handler and to the role above it (the Chair, above Alumot’s CEO), with the policy’s words', async () => {
    const policies = new PolicySet(
      seedPolicies.all.map((p) => (p.id === 'alumot' ? { ...p, roles: p.roles.map((r) => (r.id === 'chair' ? { ...r, noticeEmail: 'chair.notices@alumot.example' } : r)) } : p)),
    );
    const stack = memoryStack({}, policies);
    const reference = await openEmailCase(stack, 'Shaked@alumot.uk');
    // Respond within 20 working days of Monday 23 November: Monday 21 December 2026.
    // The reminder's time passed with the deadline: only the escalation goes (a late reminder would only repeat it).
    expect(await fireAll(stack, reference, '2026-12-22T00:30:00Z')).toEqual(['already-done', 'escalated']);
    const notice = stack.mailer.sent.find((m) => m.subject.startsWith(`[${reference}] Deadline missed`));
    expect(notice?.to).toEqual(['ceo.notices@alumot.example', 'chair.notices@alumot.example']);
    expect(notice?.text).toContain('This notice also goes to Chair of the Board, or a trustee the Board designates, as the role above the handler.');
  });

  it('a reminder goes to the handler alone, once', async () => {
    const stack = memoryStack();
    const reference = await openEmailCase(stack, 'Shaked@alumot.uk');
    expect(await fireAll(stack, reference, '2026-12-17T09:30:00Z')).toEqual(['reminded']);
    expect(await fireAll(stack, reference, '2026-12-17T10:30:00Z')).toEqual([]);
    expect(stack.mailer.sent.filter((m) => m.subject.startsWith(`[${reference}] Reminder`)).map((m) => m.to)).toEqual([['ceo.notices@alumot.example']]);
  });
});

describe('retention', () => {
  it('destroys the raw mail, the attachments, the complainant, the subject, the words, the incident and the timeline’s details; an anonymous record remains', async () => {
    const stack = memoryStack();
    const raw = emailWithAttachments(
      ['From: Pat Person <pat@example.net>', 'To: not.alone.mentoring@gmail.com', 'Reply-To: other@example.org', 'Subject: SUBJECT-SECRET about my mentor'],
      'BODY-SECRET happened on the bus.',
      [['form.pdf', 'application/pdf', '%PDF-1.4 ATTACHMENT-SECRET']],
    );
    const [o] = await stack.deliver(raw);
    const reference = (o as { reference: string }).reference;
    await stack.drain();
    const c0 = await stack.cases.get(reference);
    expect(c0?.attachments).toHaveLength(1);
    const files = [...stack.rawMail.files.keys()];
    expect(files).toHaveLength(2);
    await stack.useCases.staff.sign({ reference, at: at('2026-11-23T12:00:00Z'), actor: 'katie' });
    await stack.useCases.staff.close({ category: 'other', reference, at: at('2026-11-24T12:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(await fireAll(stack, reference, '2032-11-26T00:30:00Z')).toEqual(['destroyed']);
    const c = await stack.cases.get(reference);
    expect(c).toMatchObject({ complainant: { anonymous: true }, summary: '', attachments: [], participants: [], flags: [], status: 'closed' });
    for (const field of ['subject', 'incident', 'desiredOutcome', 'invoiceNumber', 'about', 'replyTo'] as const) expect(c?.[field], field).toBeUndefined();
    expect(c?.destroyedAt).toBeDefined();
    expect([...stack.rawMail.files.keys()]).toEqual([]);
    const everything = JSON.stringify([c, await stack.cases.timeline(reference)]);
    for (const secret of ['SUBJECT-SECRET', 'BODY-SECRET', 'ATTACHMENT-SECRET', 'pat@example.net', 'Pat Person', 'other@example.org', 'form.pdf']) expect(everything, secret).not.toContain(secret);
    expect((await stack.cases.timeline(reference)).some((e) => e.type === 'destroyed')).toBe(true);
  });

  it('destroys what the web form held too: the incident, the desired outcome, the invoice number', async () => {
    const stack = memoryStack();
    const opened = await stack.useCases.submitWebComplaint({
      policyId: 'not-alone-mentoring',
      form: { name: 'Web Person', phone: '01632 960 002', summary: 'WORDS-SECRET', desiredOutcome: 'OUTCOME-SECRET', invoiceNumber: 'INV-SECRET', incidentDate: '2026-11-02', incidentLocation: 'PLACE-SECRET', about: 'complaints-officer', confidential: false, consent: true, formToken: 'x', signature: 'Web Person', signatureDate: '2026-11-23' },
      submissionKey: 'k1',
      receivedAt: '2026-11-23T10:00:00.000Z',
      sourceIp: '192.0.2.9',
    });
    await stack.useCases.staff.close({ category: 'other', reference: opened.reference, at: at('2026-11-24T12:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(await fireAll(stack, opened.reference, '2032-11-26T00:30:00Z')).toEqual(['destroyed']);
    const everything = JSON.stringify([await stack.cases.get(opened.reference), await stack.cases.timeline(opened.reference)]);
    for (const secret of ['WORDS-SECRET', 'OUTCOME-SECRET', 'INV-SECRET', 'PLACE-SECRET', '2026-11-02', 'Web Person', '01632', '192.0.2.9']) expect(everything, secret).not.toContain(secret);
  });
});

describe('the morning digest', () => {
  it('is queued on a working day, and not on a bank holiday nor on one of the organisation’s closure days', async () => {
    const policies = new PolicySet(seedPolicies.all.map((p) => (p.id === 'alumot' ? { ...p, closureDays: ['2026-12-29'] } : p)));
    const stack = memoryStack({}, policies);
    await openEmailCase(stack, 'Shaked@alumot.uk');
    expect(await stack.useCases.sendDigest('alumot', at('2026-12-28T08:00:00Z'))).toBe('not-a-working-day'); // Boxing Day's substitute
    expect(await stack.useCases.sendDigest('alumot', at('2026-12-29T08:00:00Z'))).toBe('not-a-working-day'); // closed
    expect(await stack.useCases.sendDigest('alumot', at('2026-12-26T08:00:00Z'))).toBe('not-a-working-day'); // Saturday
    expect(await stack.useCases.sendDigest('alumot', at('2026-12-30T08:00:00Z'))).toBe('sent');
    stack.clock.set('2026-12-30T08:00:00Z');
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.subject.startsWith('Complaints digest')).map((m) => m.subject)).toEqual(['Complaints digest for Wednesday 30 December 2026: Alumot']);
  });

  it('queued twice the same morning is one digest', async () => {
    const stack = memoryStack();
    await openEmailCase(stack, 'Shaked@alumot.uk');
    stack.clock.set('2026-11-24T08:00:00Z');
    expect(await stack.useCases.sendDigest('alumot', at('2026-11-24T08:00:00Z'))).toBe('sent');
    expect(await stack.useCases.sendDigest('alumot', at('2026-11-24T08:05:00Z'))).toBe('already-sent');
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.subject.startsWith('Complaints digest'))).toHaveLength(1);
  });
});

describe('an address typed into the web form', () => {
  const submit = (stack: MemoryStack, key = 'k1') =>
    stack.useCases.submitWebComplaint({
      policyId: 'not-alone-mentoring',
      form: { name: 'Form Person', email: 'someone@example.net', summary: 'My sessions were cancelled.', confidential: false, consent: true, formToken: 'x' },
      submissionKey: key,
      receivedAt: '2026-11-23T10:00:00.000Z',
      sourceIp: '192.0.2.9',
    });

  it('gets one short letter asking to confirm it, carrying nothing the form said; nothing more until a reply with its code confirms it', async () => {
    const stack = memoryStack();
    const { reference } = await submit(stack);
    await stack.drain();
    const toThem = () => stack.mailer.sent.filter((m) => m.to.includes('someone@example.net'));
    expect(toThem().map((m) => m.subject)).toEqual([`[${reference}] Please confirm your email address for your complaint to Not Alone Mentoring`]);
    expect(toThem()[0]?.text).not.toContain('Form Person');
    expect(toThem()[0]?.text).not.toContain('cancelled');
    expect(stack.mailer.sent.find((m) => m.subject.startsWith(`[${reference}] New complaint`))?.text).toContain('is not yet confirmed');
    // Signed later: a second letter would go to an address nobody has confirmed, so it does not.
    await stack.useCases.staff.sign({ reference, at: at('2026-11-23T12:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(toThem()).toHaveLength(1);
    expect((await stack.cases.get(reference))?.complainant.emailConfirmed).toBe(false);
    // A reply from the address alone proves nothing (anyone can write any From): it must carry the letter's code.
    const reply = (body: string) => email(['From: someone@example.net', 'To: not.alone.mentoring@gmail.com', `Subject: Re: [${reference}] Please confirm`, `In-Reply-To: ${toThem()[0]?.messageId}`], body);
    expect(await stack.deliver(reply('Yes, this is me.'))).toEqual([{ kind: 'threaded', policyId: 'not-alone-mentoring', reference }]);
    expect((await stack.cases.get(reference))?.complainant.emailConfirmed).toBe(false);
    // They reply to it, their mail program quoting the letter: the address is theirs.
    expect(await stack.deliver(reply(`Yes, this is me.

> ${toThem()[0]?.text.replace(/\n/g, '\n> ')}`))).toEqual([{ kind: 'threaded', policyId: 'not-alone-mentoring', reference }]);
    expect((await stack.cases.get(reference))?.complainant.emailConfirmed).toBe(true);
  });

  it('the same submission twice is one case and one letter', async () => {
    const stack = memoryStack();
    const [a, b] = await Promise.all([submit(stack), submit(stack)]);
    expect(b.reference).toBe(a.reference);
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.to.includes('someone@example.net'))).toHaveLength(1);
  });
});

describe('refusals say why', () => {
  it.each([
    ['closing a closed case', async (s: MemoryStack, r: string) => { await s.useCases.staff.close({ category: 'other', reference: r, at: at('2026-11-24T12:00:00Z'), actor: 'x' }); return s.useCases.staff.close({ category: 'other', reference: r, at: at('2026-11-25T12:00:00Z'), actor: 'x' }); }, /is closed; to close it, reopen it first/],
    ['extending to an earlier date', (s: MemoryStack, r: string) => s.useCases.staff.extend({ reference: r, kind: 'respond', newDate: '2026-11-24', reason: 'x', at: at('2026-11-24T12:00:00Z'), actor: 'x' }), /must be after the current one, 2026-12-21/],
    ['meeting a deadline there is not', (s: MemoryStack, r: string) => s.useCases.staff.met({ reference: r, kind: 'meet', at: at('2026-11-24T12:00:00Z'), actor: 'x' }), /has no open meet deadline at stage-1/],
    ['marking the acknowledgement met instead of acknowledging', (s: MemoryStack, r: string) => s.useCases.staff.met({ reference: r, kind: 'acknowledge', at: at('2026-11-24T12:00:00Z'), actor: 'x' }), /an acknowledgement is recorded as an acknowledgement, which also tells the complainant/],
    ['adding the complainant as a participant', (s: MemoryStack, r: string) => s.useCases.staff['add-participant']({ reference: r, email: 'PAT@example.net', at: at('2026-11-24T12:00:00Z'), actor: 'x' }), /can already write into/],
    ['adding something that is not an address', (s: MemoryStack, r: string) => s.useCases.staff['add-participant']({ reference: r, email: 'not an address', at: at('2026-11-24T12:00:00Z'), actor: 'x' }), /is not an email address/],
  ])('%s', async (_what, act, message) => {
    const stack = memoryStack();
    const reference = await openEmailCase(stack, 'Shaked@alumot.uk');
    await expect(act(stack, reference)).rejects.toThrow(message);
  });
});
