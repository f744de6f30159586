/**
 * Deadlines firing on the local stack: timers kept in DynamoDB Local, fired by the local clock as
 * `redress clock run-due` does, notices in the SES emulator. The clock is moved, never waited for.
 */
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDueTimers } from '#local/local-clock';
import { buildDigest, digestLetter } from '#domain/digest/build-digest';
import { complaintEmail, deliver } from '#tests/support/deliver';
import { seedPolicies } from '#tests/support/policies';
import { sentEmails } from '#tests/support/ses-outbox';
import { quietLog, testStack, type TestStack } from '#tests/support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await testStack({}, { start: '2026-11-23T12:00:00Z' });
});

const clock = { set now(at: Date) { stack.clock.set(at); }, get now(): Date { return stack.clock.now(); } };
const staff = () => stack.useCases.staff;
const timers = { list: (reference: string) => stack.localTimers.list(reference) };
const service = { fire: (input: Parameters<TestStack['useCases']['fireTimer']>[0]) => stack.useCases.fireTimer(input) };

/** A staff action, then the outbox sender sends its letters and sets its timers (as `npm start` does). */
async function act<T>(action: Promise<T>): Promise<T> {
  const result = await action;
  await stack.sendLetters();
  return result;
}

async function openCase(to: string, extra: Parameters<typeof complaintEmail>[0] = { to }): Promise<{ reference: string; from: string }> {
  const mail = complaintEmail({ ...extra, to });
  const [outcome] = await deliver(stack, mail.raw);
  if (outcome?.kind !== 'case-opened') throw new Error(JSON.stringify(outcome));
  return { reference: outcome.reference, from: mail.from };
}

/** A complaint by web form with only a telephone number: nobody can be acknowledged by email. */
async function openByPhone(policyId: string): Promise<string> {
  const opened = await act(
    stack.useCases.submitWebComplaint({
      policyId,
      form: { name: 'Phone Only', phone: '01632 960 002', summary: 'Sessions were cancelled without notice.', confidential: false, consent: true, formToken: 'checked-by-the-handler' },
      submissionKey: `phone-${Math.random()}`,
      receivedAt: clock.now.toISOString(),
      sourceIp: '127.0.0.1',
    }),
  );
  return opened.reference;
}

async function runDue(at: string) {
  clock.now = new Date(at);
  const fired = await runDueTimers(stack.localTimers, stack.useCases.fireTimer, clock.now, quietLog);
  await stack.sendLetters();
  return fired;
}

const notices = async (reference: string, what: string) => (await sentEmails(stack.sesEndpoint)).filter((e) => e.subject.startsWith(`[${reference}] ${what}`));
const at = (iso: string) => DateTime.fromISO(iso);

describe('a missed acknowledgement (Not Alone Mentoring, from the signed complaint)', () => {
  it('signing acknowledges a complainant who has email at once: nothing left to chase', async () => {
    clock.now = new Date('2026-11-23T12:00:00Z');
    const { reference, from } = await openCase('not.alone.mentoring@gmail.com');
    const signed = await act(staff().sign({ reference, at: at('2026-11-23T12:00:00Z'), actor: 'katie' }));
    // Acknowledged, and on to investigation by itself (7.1): only the investigation's deadlines are left to chase.
    expect(signed.deadlines.map((d) => [d.stage, d.kind, d.status])).toEqual([['stage-1', 'acknowledge', 'met'], ['stage-2', 'meet', 'pending'], ['stage-2', 'respond', 'pending']]);
    expect((await sentEmails(stack.sesEndpoint, from)).map((e) => e.subject)).toEqual([
      `[${reference}] Please sign your complaint`,
      `[${reference}] We have received your signed complaint`,
    ]);
    expect((await timers.list(reference)).map((t) => `${t.input.stage} ${t.input.kind}`)).not.toContain('stage-1 acknowledge');
  });

  it('reminds the handler the working day before, then escalates when it passes: once, however often it fires', async () => {
    clock.now = new Date('2026-11-23T12:00:00Z');
    const reference = await openByPhone('not-alone-mentoring');
    await act(staff().sign({ reference, at: at('2026-11-23T12:00:00Z'), actor: 'katie' }));
    expect((await timers.list(reference)).map((t) => [t.input.purpose, t.fireAt])).toEqual([
      ['reminder', '2026-11-25T09:00:00.000+00:00'],
      ['deadline', '2026-11-27T00:00:00.000+00:00'],
    ]);

    const early = await runDue('2026-11-25T08:00:00Z');
    expect(early.filter((f) => f.timer.input.reference === reference)).toEqual([]);

    const reminded = await runDue('2026-11-25T09:30:00Z');
    expect(reminded.filter((f) => f.timer.input.reference === reference).map((f) => f.outcome)).toEqual(['reminded']);
    expect(await notices(reference, 'Reminder: acknowledge the complaint by Thursday 26 November 2026')).toHaveLength(1);

    const escalated = await runDue('2026-11-27T01:00:00Z');
    expect(escalated.filter((f) => f.timer.input.reference === reference).map((f) => f.outcome)).toEqual(['escalated']);
    const [notice] = await notices(reference, 'Deadline missed: acknowledge the complaint');
    expect(notice?.destination.to).toEqual(['complaints-officer.notices@not-alone-mentoring.example']);
    expect(notice?.body.text).toContain('The deadline to acknowledge the complaint was Thursday 26 November 2026 (3 working days, clause 6.4)');
    const c = await stack.cases.get(reference);
    expect(c?.deadlines.find((d) => d.kind === 'acknowledge')?.status).toBe('missed');
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'escalated')).toHaveLength(1);

    // The same timer again (a redelivery): the case is read again, the deadline is already missed, nothing more is sent.
    const input = escalated.find((f) => f.timer.input.reference === reference)?.timer.input;
    expect(await service.fire(input!)).toBe('already-done');
    await stack.sendLetters();
    expect(await notices(reference, 'Deadline missed')).toHaveLength(1);
    expect(await runDue('2026-11-27T02:00:00Z').then((f) => f.filter((x) => x.timer.input.reference === reference))).toEqual([]);
  });

  it('a deadline met in time produces no escalation', async () => {
    clock.now = new Date('2026-11-23T12:00:00Z');
    const { reference } = await openCase('Shaked@alumot.uk');
    await act(staff().met({ reference, kind: 'respond', at: at('2026-11-24T10:00:00Z'), actor: 'ceo' }));
    expect(await timers.list(reference)).toEqual([]);
    await runDue('2026-11-30T09:00:00Z');
    expect(await notices(reference, 'Deadline missed')).toEqual([]);
    expect(await notices(reference, 'Reminder')).toEqual([]);
  });

  it('a timer for deadlines that changed since it was set does nothing', async () => {
    clock.now = new Date('2026-11-23T12:00:00Z');
    const { reference } = await openCase('Shaked@alumot.uk');
    const [old] = await timers.list(reference);
    await act(staff().extend({ reference, kind: 'respond', newDate: '2027-02-26', reason: 'complex', at: at('2026-11-23T12:00:00Z'), actor: 'ceo' }));
    expect(await service.fire(old!.input)).toBe('superseded');
  });
});

describe('a missed response where the policy has a holding letter (Not Alone Mentoring 7.5)', () => {
  it('escalates with a draft holding letter proposing a new date', async () => {
    clock.now = new Date('2026-11-23T12:00:00Z');
    const { reference } = await openCase('not.alone.mentoring@gmail.com');
    // Signed on Tuesday 24 November: acknowledged, and on to investigation by itself (7.1).
    await act(staff().sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' }));
    // Tuesday 24 November + 10 working days = Tuesday 8 December; the new date another 10 = Tuesday 22 December.
    await runDue('2026-12-09T00:30:00Z');
    const [notice] = await notices(reference, 'Deadline missed: send the full response');
    expect(notice?.body.text).toContain('Holding letter (clause 7.5)');
    expect(notice?.body.text).toContain('proposing Tuesday 22 December 2026');
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'note')?.detail).toMatchObject({ proposedDate: '2026-12-22' });
  });
});

describe('the end of an appeal window with no appeal, and the retention date', () => {
  it('closes the case itself, starts the retention clock, and six years on destroys the personal data', async () => {
    clock.now = new Date('2026-11-23T12:00:00Z');
    const { reference } = await openCase('not.alone.mentoring@gmail.com', { to: 'not.alone.mentoring@gmail.com', body: 'PERSONAL-DETAIL-42 happened.', fromName: 'Retention Ruthven' });
    // The console's name search finds it until the personal data goes.
    expect((await stack.cases.byName('not-alone-mentoring', 'retention ruth', 10)).map((c) => c.reference)).toEqual([reference]);
    await act(staff().sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' }));
    // Outcome on Friday 4 December: the appeal window is 14 working days, to Friday 25 December's substitute... counted:
    // 7,8,9,10,11,14,15,16,17,18,21,22,23,24 December -> Thursday 24 December 2026.
    const withOutcome = await act(staff().outcome({ reference, decision: 'not-upheld', summary: 'We looked at the records and found the sessions ran as booked.', remedies: [], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' }));
    expect(withOutcome.deadlines.find((d) => d.kind === 'appeal-window')?.dueDate).toBe('2026-12-24');

    await runDue('2026-12-25T00:30:00Z');
    const closed = await stack.cases.get(reference);
    expect(closed).toMatchObject({ status: 'closed' });
    const retention = closed?.deadlines.find((d) => d.kind === 'retention');
    expect(retention?.dueDate).toBe('2032-12-25');
    expect((await timers.list(reference)).map((t) => t.input.kind)).toEqual(['retention']);
    expect(await notices(reference, 'Closed: no appeal within the window')).toHaveLength(1);

    const rawKeys = (await stack.cases.timeline(reference)).map((e) => e.detail?.rawKey).filter((k): k is string => typeof k === 'string');
    expect(rawKeys).toHaveLength(1);
    await runDue('2032-12-26T00:30:00Z');
    const destroyed = await stack.cases.get(reference);
    expect(destroyed).toMatchObject({ complainant: { anonymous: true }, summary: '', status: 'closed', outcome: { decision: 'not-upheld' } });
    expect(destroyed?.destroyedAt).toBeDefined();
    expect(await stack.cases.byName('not-alone-mentoring', 'retention ruth', 10)).toEqual([]);
    await expect(stack.rawMail.size(rawKeys[0] as string)).rejects.toThrow(/ENOENT/);
    const timeline = await stack.cases.timeline(reference);
    expect(JSON.stringify(timeline)).not.toContain('PERSONAL-DETAIL-42');
    expect(JSON.stringify(timeline)).not.toMatch(/@example\.net/);
    expect(timeline.some((e) => e.type === 'destroyed')).toBe(true);
  });
});

describe('the digest', () => {
  it('lists each case once where it is most urgent, in working days; a confidential case by reference and dates only', async () => {
    clock.now = new Date('2027-03-01T09:00:00Z');
    const plain = await openCase('Shaked@alumot.uk', { to: 'Shaked@alumot.uk', subject: 'The volunteer did not come', fromName: 'Pat Plain' });
    const secret = await openCase('Shaked@alumot.uk', { to: 'Shaked@alumot.uk', subject: 'Confidential complaint: about my file', fromName: 'Sol Secret', body: 'SECRET-BODY' });
    // A review recorded as asked for on Friday 15 January: acknowledge in 10 working days (29 January), respond in
    // 20 (12 February). Both were already past, so their timers fire on the clock's next tick and escalate them.
    await act(staff().outcome({ reference: plain.reference, decision: 'not-upheld', summary: 'We looked at the records and found the sessions ran as booked.', remedies: [], actions: [], at: at('2027-01-14T10:00:00Z'), actor: 'ceo' }));
    await act(staff().escalate({ reference: plain.reference, at: at('2027-01-15T10:00:00Z'), actor: 'chair' }));

    const policy = seedPolicies.get('alumot');
    const now = at('2027-03-02T08:00:00Z');
    const digest = buildDigest(policy, await stack.cases.open(policy.id), now);
    const letter = digestLetter(policy, digest!);
    // The review's acknowledgement went by email when it was asked for, so only its response is overdue.
    const sectionOf = (reference: string) => digest?.sections.find((s) => s.lines.some((l) => l.reference === reference))?.heading;
    expect([sectionOf(plain.reference), sectionOf(secret.reference)]).toEqual(['Overdue', 'New since yesterday']);
    expect(digest?.sections.flatMap((s) => s.lines.map((l) => l.reference)).filter((r) => r === plain.reference)).toHaveLength(1);
    expect(letter.text).toContain(`${plain.reference}: Stage Two (review by an appeal panel), respond by Friday 12 February 2027 (12 working days overdue); new since yesterday`);
    expect(letter.text).toMatch(new RegExp(`${secret.reference} \\(confidential\\): Stage One, respond by [A-Za-z]+ \\d+ [A-Za-z]+ 2027 \\(\\d+ working days left\\)`));
    expect(letter.text).not.toContain('SECRET-BODY');
    expect(letter.text).not.toContain('Sol Secret');
    expect(letter.html).not.toContain('about my file');
    expect(letter.subject).toBe('Complaints digest for Tuesday 2 March 2027: Alumot');
  });

  it('is sent once a working day, and not at all when there is nothing to say or it is not a working day', async () => {
    // Its own open case, so that this test needs no other to have run first.
    clock.now = new Date('2027-03-01T10:00:00Z');
    await openCase('Shaked@alumot.uk');
    const now = at('2027-03-02T08:00:00Z');
    expect(await stack.useCases.sendDigest('alumot', now)).toBe('sent');
    expect(await stack.useCases.sendDigest('alumot', now.plus({ minutes: 5 }))).toBe('already-sent');
    await stack.sendLetters();
    const sent = (await sentEmails(stack.sesEndpoint)).filter((e) => e.subject === 'Complaints digest for Tuesday 2 March 2027: Alumot');
    expect(sent).toHaveLength(1);
    // The handlers of its formal stages: the CEO and the Chair (the seed's placeholder address).
    expect(sent[0]?.destination.to).toEqual(['ceo.notices@alumot.example', 'chair.notices@alumot.example']);
    expect(await stack.useCases.sendDigest('connected-together', now)).toBe('nothing-to-say');
    expect(await stack.useCases.sendDigest('alumot', at('2027-03-06T08:00:00Z'))).toBe('not-a-working-day');
  });
});
