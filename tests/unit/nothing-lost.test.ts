/**
 * Accepted means kept. A fault is injected at each step of intake and of a staff action (raw store, case
 * write, outbox, sender, timers); after the retries a real sender would make, every accepted input is a case
 * or a held message, and every letter owed is sent exactly once. Over memory fakes, so every step can fail.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { IntakeOutcome } from '#application/intake/take-email';
import { email, faulty, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const complaint = (from: string) => email([`From: Pat <${from}>`, 'To: Shaked@alumot.uk', `Subject: Complaint from ${from}`, `Message-ID: <${from}.1@example.net>`]);

/** Delivers as a mail server does: a failure is a 451, so it tries the same bytes again, up to `tries` times. */
async function deliverWithRetries(take: (inbound: { rawKey: string; recipients: string[]; receivedAt: string }) => Promise<IntakeOutcome[]>, stack: MemoryStack, raw: string, tries = 5): Promise<{ outcomes: IntakeOutcome[]; failures: number }> {
  let failures = 0;
  for (let attempt = 1; attempt <= tries; attempt++) {
    const rawKey = `inbound/retry-${attempt}-${Math.random()}.eml`;
    try {
      await stack.rawMail.put(rawKey, Buffer.from(raw.replace(/\r?\n/g, '\r\n')));
      return { outcomes: await take({ rawKey, recipients: [], receivedAt: '2026-11-23T10:00:00Z' }), failures };
    } catch {
      failures++;
    }
  }
  throw new Error('never accepted');
}

/** The letters each complainant and handler got, by subject: what "exactly once" is checked against. */
function lettersBySubject(stack: MemoryStack): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of stack.mailer.sent) counts[`${m.to.join(',')} ${m.subject}`] = (counts[`${m.to.join(',')} ${m.subject}`] ?? 0) + 1;
  return counts;
}

describe('a fault at each step of intake', () => {
  it.each([
    ['reading the raw message', (s: MemoryStack) => ({ rawMail: faulty(s.rawMail, 'open') })],
    ['the inbound look-up', (s: MemoryStack) => ({ counters: faulty(s.counters, 'inbound') })],
    ['reading the reference counter', (s: MemoryStack) => ({ counters: faulty(s.counters, 'lastReference') })],
    ['the case write (a crash, or the store unreachable)', (s: MemoryStack) => ({ cases: faulty(s.cases, 'write') })],
    ['the case write, twice in a row', (s: MemoryStack) => ({ cases: faulty(s.cases, 'write', (n) => n <= 2) })],
  ])('%s: the retry makes one case, with one acknowledgement and one notice, and no reference is used up', async (_step, inject) => {
    const stack = memoryStack();
    const take = stack.withPorts(inject(stack)).takeEmail;
    const first = await deliverWithRetries(take, stack, complaint('pat@example.net'));
    expect(first.failures).toBeGreaterThan(0);
    expect(first.outcomes).toMatchObject([{ kind: 'case-opened', reference: 'ALU-2026-0001', acknowledged: true }]);
    // The next complaint gets the next number: the failed attempt took none.
    const [next] = await stack.deliver(complaint('kim@example.net'));
    expect(next).toMatchObject({ reference: 'ALU-2026-0002' });
    await stack.drain();
    expect(lettersBySubject(stack)).toEqual({
      'pat@example.net [ALU-2026-0001] We have received your complaint': 1,
      'ceo.notices@alumot.example [ALU-2026-0001] New complaint: Complaint from pat@example.net': 1,
      'kim@example.net [ALU-2026-0002] We have received your complaint': 1,
      'ceo.notices@alumot.example [ALU-2026-0002] New complaint: Complaint from kim@example.net': 1,
    });
  });

  it('a resend of the same bytes at once, after an attempt that crashed: taken in, never answered as a duplicate in progress', async () => {
    const stack = memoryStack();
    const crashing = stack.withPorts({ cases: faulty(stack.cases, 'write') }).takeEmail;
    await expect(deliverWithRetries(crashing, stack, complaint('pat@example.net'), 1)).rejects.toThrow('never accepted');
    const [again] = await stack.deliver(complaint('pat@example.net'));
    expect(again).toMatchObject({ kind: 'case-opened', reference: 'ALU-2026-0001' });
  });

  it('20 copies of one message at once, the first of which fails: one case, one acknowledgement', async () => {
    const stack = memoryStack();
    const take = stack.withPorts({ cases: faulty(stack.cases, 'write') }).takeEmail;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => deliverWithRetries(take, stack, complaint('pat@example.net'))));
    const references = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? r.value.outcomes.map((o) => (o as { reference: string }).reference) : [])));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect([...references]).toEqual(['ALU-2026-0001']);
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.to.includes('pat@example.net'))).toHaveLength(1);
  });

  it('30 different complaints to one organisation at once: 30 cases numbered 0001 to 0030, none skipped, none twice', async () => {
    const stack = memoryStack();
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => stack.deliver(complaint(`p${i}@example.net`))));
    const references = outcomes.map(([o]) => (o as { reference: string }).reference).sort();
    expect(references).toEqual(Array.from({ length: 30 }, (_, i) => `ALU-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('a held message whose hold failed is held once on the retry, with one notice', async () => {
    const stack = memoryStack();
    const take = stack.withPorts({ heldMail: faulty(stack.heldMail, 'hold') }).takeEmail;
    const raw = email(['From: x@example.net', 'To: nobody@unknown.example', 'Subject: stray']);
    const { outcomes } = await deliverWithRetries(take, stack, raw);
    expect(outcomes).toMatchObject([{ kind: 'held', reason: 'unknown-recipient' }]);
    await stack.deliver(raw);
    await stack.drain();
    expect(await stack.heldMail.list('operator')).toHaveLength(1);
    expect(stack.mailer.sent.filter((m) => m.to.includes('ops@redress.test'))).toHaveLength(1);
  });
});

describe('the mail service down', () => {
  it('intake succeeds and nothing waits on it; the letters wait in the outbox, shown on the case, and go when it is back, in order, once each', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_RETRY_BASE_SECONDS: '30' });
    stack.mailer.down = true;
    const [a] = await stack.deliver(complaint('pat@example.net'));
    expect(a).toMatchObject({ kind: 'case-opened', reference: 'ALU-2026-0001', acknowledged: true });
    // The timers do not wait on the mail: they are set by the same sender run.
    const report = await stack.useCases.sendDueLetters();
    expect(report).toMatchObject({ sent: 0, timersSet: 1, failed: 1 });
    expect((await stack.timers.list('ALU-2026-0001')).length).toBeGreaterThan(0);
    const waiting = await stack.outbox.ofCase('ALU-2026-0001');
    expect(waiting.filter((e) => e.kind === 'letter').map((e) => [e.kind === 'letter' && e.letter.purpose, e.status, e.attempts])).toEqual([
      ['acknowledgement', 'pending', 1],
      // Held back behind the letter before it: a case's letters go in the order they were written.
      ['new-case-notice', 'pending', 0],
    ]);
    // Tried again with backoff while it stays down: 30 s, then 60 s.
    stack.clock.advance(31_000);
    expect(await stack.useCases.sendDueLetters()).toMatchObject({ sent: 0, failed: 1 });
    stack.clock.advance(10_000);
    expect(await stack.useCases.sendDueLetters()).toMatchObject({ sent: 0, failed: 0 });
    stack.mailer.down = false;
    stack.clock.advance(60_000);
    await stack.drain();
    expect(stack.mailer.sent.map((m) => m.subject)).toEqual(['[ALU-2026-0001] We have received your complaint', '[ALU-2026-0001] New complaint: Complaint from pat@example.net']);
    const timeline = await stack.cases.timeline('ALU-2026-0001');
    expect(timeline.filter((e) => e.type === 'mail-out').map((e) => e.summary)).toEqual(['Sent acknowledgement to pat@example.net', 'Sent new case notice to ceo.notices@alumot.example']);
  });

  it('a letter that keeps failing is given up after the last attempt, operators are told, the case says so, and it can be sent again', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_MAX_ATTEMPTS: '3', REDRESS_OUTBOX_RETRY_BASE_SECONDS: '1' });
    const rejecting = faulty(stack.mailer, 'send', () => true, () => Object.assign(new Error('Email address is not verified'), { name: 'MessageRejected' }));
    const sender = stack.withPorts({ mailer: rejecting });
    await stack.deliver(complaint('pat@example.net'));
    // The notice waits behind the acknowledgement (a case's letters go in order) until that one is given up.
    for (let i = 0; i < 8; i++) {
      await sender.sendDueLetters();
      stack.clock.advance(10_000);
    }
    const dead = await stack.outbox.dead(10);
    expect(dead.map((e) => [e.id, e.attempts, e.lastError])).toEqual([
      ['ALU-2026-0001.new-case-notice.opened', 3, 'MessageRejected: Email address is not verified'],
      ['ALU-2026-0001.acknowledgement.stage-1-received', 3, 'MessageRejected: Email address is not verified'],
    ].sort().reverse());
    expect((await stack.cases.timeline('ALU-2026-0001')).filter((e) => e.type === 'letter-failed')).toHaveLength(2);
    expect(stack.log.lines.filter((l) => l.level === 'error' && l.message === 'outbox entry given up after its last attempt')).toHaveLength(2);
    // The operators' notices wait in the outbox too, and go once the mail service takes mail again.
    await stack.drain();
    expect(stack.mailer.sent.map((m) => [m.to, m.subject])).toEqual([
      [['ops@redress.test'], 'Redress could not send a letter on ALU-2026-0001'],
      [['ops@redress.test'], 'Redress could not send a letter on ALU-2026-0001'],
    ]);
    await stack.useCases.retryLetter('ALU-2026-0001.acknowledgement.stage-1-received');
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.to.includes('pat@example.net'))).toHaveLength(1);
    await expect(stack.useCases.retryLetter('ALU-2026-0001.acknowledgement.stage-1-received')).rejects.toThrow(/only a dead entry can be retried/);
  });

  it('a sender that crashed mid-send (its lease held) does not block the next: the lease runs out and another sends it', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_LEASE_SECONDS: '120' });
    await stack.deliver(complaint('pat@example.net'));
    const [entry] = await stack.outbox.pending(1);
    await stack.outbox.lease(entry?.id as string, stack.clock.now().toISOString(), new Date(stack.clock.now().getTime() + 120_000).toISOString());
    expect(await stack.useCases.sendDueLetters()).toMatchObject({ sent: 0 });
    stack.clock.advance(121_000);
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.to.includes('pat@example.net'))).toHaveLength(1);
  });
});

describe('a sender killed between the send and the mark', () => {
  const ACK = 'ALU-2026-0001.acknowledgement.stage-1-received';
  const toPat = (stack: MemoryStack) => stack.mailer.sent.filter((m) => m.to.includes('pat@example.net'));
  const ackEvents = async (stack: MemoryStack) => (await stack.cases.timeline('ALU-2026-0001')).filter((e) => e.type === 'mail-out' && e.detail?.outboxId === ACK);
  /** An outbox whose markSent never returns: the sender dies (or the store stays away) after SES took the letter, before it is recorded. */
  const killedAtTheMark = (stack: MemoryStack) => new Proxy(stack.outbox, { get: (target, property) => (property === 'markSent' ? () => new Promise<never>(() => undefined) : (Reflect.get(target, property) as (...a: unknown[]) => unknown).bind(target)) });
  /** SES itself: it cannot be asked what it took (its Send event, recorded on the entry, stands for that). */
  const unaskable = (stack: MemoryStack) => new Proxy(stack.mailer, { get: (target, property) => (property === 'acceptedEarlier' ? async () => undefined : (Reflect.get(target, property) as (...a: unknown[]) => unknown).bind(target)) });

  it('the mark fails once after SES took the letter (the store blinked): it is tried again until it lands, and the letter goes once, on the timeline once', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_LEASE_SECONDS: '120' });
    await stack.deliver(complaint('pat@example.net'));
    await stack.withPorts({ outbox: faulty(stack.outbox, 'markSent') }).sendDueLetters().catch(() => undefined);
    stack.clock.advance(121_000);
    await stack.drain();
    expect(toPat(stack)).toHaveLength(1);
    expect(await ackEvents(stack)).toHaveLength(1);
  });

  it('killed after SES took it: the next sender, once the lease has run out, finds it among what the mail service took and records it, sending it again to no one', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_LEASE_SECONDS: '120' });
    await stack.deliver(complaint('pat@example.net'));
    void stack.withPorts({ outbox: killedAtTheMark(stack) }).sendDueLetters();
    await new Promise((resolve) => setImmediate(resolve));
    expect(toPat(stack)).toHaveLength(1);
    // Before the lease runs out nobody touches it; after, the next sender does.
    await stack.drain();
    expect(toPat(stack)).toHaveLength(1);
    stack.clock.advance(121_000);
    await stack.drain();
    expect(toPat(stack)).toHaveLength(1);
    const events = await ackEvents(stack);
    expect(events.map((e) => e.detail?.providerMessageId)).toEqual([toPat(stack)[0]?.providerMessageId]);
    expect(events[0]?.detail).toMatchObject({ foundAlreadySent: true });
    // The case's other letter, held back behind it, goes too.
    expect(stack.mailer.sent.filter((m) => m.subject.startsWith('[ALU-2026-0001] New complaint'))).toHaveLength(1);
  });

  it('on AWS, where SES cannot be asked, its Send event recorded on the entry does the same', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_LEASE_SECONDS: '120' });
    await stack.deliver(complaint('pat@example.net'));
    void stack.withPorts({ outbox: killedAtTheMark(stack), mailer: unaskable(stack) }).sendDueLetters();
    await new Promise((resolve) => setImmediate(resolve));
    const [first] = toPat(stack);
    expect(await stack.outbox.recordAccepted(ACK, first?.providerMessageId as string)).toBe(true);
    stack.clock.advance(121_000);
    await stack.withPorts({ mailer: unaskable(stack) }).sendDueLetters();
    expect(toPat(stack)).toHaveLength(1);
    expect((await ackEvents(stack)).map((e) => e.detail?.providerMessageId)).toEqual([first?.providerMessageId]);
  });

  it('what remains: with no word from the mail service by the time the lease runs out, the letter is sent again, and its timeline entry says an earlier attempt was cut off', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_LEASE_SECONDS: '120' });
    await stack.deliver(complaint('pat@example.net'));
    void stack.withPorts({ outbox: killedAtTheMark(stack), mailer: unaskable(stack) }).sendDueLetters();
    await new Promise((resolve) => setImmediate(resolve));
    stack.clock.advance(121_000);
    await stack.withPorts({ mailer: unaskable(stack) }).sendDueLetters();
    expect(toPat(stack)).toHaveLength(2);
    const events = await ackEvents(stack);
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toMatchObject({ earlierAttemptCutOff: expect.any(String) });
    expect(events[0]?.summary).toBe('Sent acknowledgement to pat@example.net (an earlier attempt was cut off before it was recorded: it may have gone twice)');
  });

  it('a Send event for a letter already recorded, or for no letter, changes nothing', async () => {
    const stack = memoryStack();
    await stack.deliver(complaint('pat@example.net'));
    await stack.drain();
    expect(await stack.outbox.recordAccepted(ACK, 'another-id')).toBe(false);
    expect(await stack.outbox.recordAccepted('no-such-letter', 'another-id')).toBe(false);
    expect((await stack.outbox.get(ACK))?.providerMessageId).toBe(toPat(stack)[0]?.providerMessageId);
  });
});

describe('a fault at each step of a staff action', () => {
  const at = DateTime.fromISO('2026-11-23T12:00:00Z');
  it.each([
    ['the case write', (s: MemoryStack) => ({ cases: faulty(s.cases, 'write') })],
    ['the acknowledgement look-up', (s: MemoryStack) => ({ counters: faulty(s.counters, 'acknowledgedToday') })],
  ])('%s fails: the action is refused whole, and done again it sends its letter once', async (_step, inject) => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Pat <pat@example.net>', 'To: not.alone.mentoring@gmail.com', 'Subject: Missed sessions']));
    const reference = (o as { reference: string }).reference;
    await stack.drain();
    await expect(stack.withPorts(inject(stack)).staff.sign({ reference, at, actor: 'katie' })).rejects.toThrow(/injected fault/);
    expect((await stack.cases.get(reference))?.signed).toBe(false);
    await stack.useCases.staff.sign({ reference, at, actor: 'katie' });
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.subject === `[${reference}] We have received your signed complaint`)).toHaveLength(1);
  });

  it('setting the timers fails: the change is kept, the timer intent stays in the outbox and is carried out on the next run', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Pat <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Bins']));
    const reference = (o as { reference: string }).reference;
    await stack.drain();
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'We looked at the records and found the sessions ran as booked.', remedies: [], actions: [], at, actor: 'manager' });
    await stack.drain();
    await stack.useCases.staff.escalate({ reference, at, actor: 'officer' });
    const failing = stack.withPorts({ timers: faulty(stack.timers, 'reconcile') });
    expect(await failing.sendDueLetters()).toMatchObject({ timersSet: 0, failed: 1 });
    expect((await stack.timers.list(reference)).some((t) => t.input.stage === 'stage-2')).toBe(false);
    stack.clock.advance(31_000);
    await stack.drain();
    expect((await stack.timers.list(reference)).map((t) => `${t.input.stage} ${t.input.kind} ${t.input.purpose}`)).toEqual(
      expect.arrayContaining(['stage-2 respond deadline', 'stage-2 respond reminder']),
    );
    expect((await stack.timers.list(reference)).some((t) => t.input.stage === 'stage-1')).toBe(false);
  });

  it('a timer fired twice at once sends one notice', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Pat <pat@example.net>', 'To: Shaked@alumot.uk', 'Subject: Help']));
    const reference = (o as { reference: string }).reference;
    await stack.drain();
    const [timer] = (await stack.timers.list(reference)).filter((t) => t.input.purpose === 'deadline');
    stack.clock.set('2026-12-30T00:00:00Z');
    const outcomes = await Promise.all([stack.useCases.fireTimer(timer!.input), stack.useCases.fireTimer(timer!.input)]);
    expect(outcomes.sort()).toEqual(['already-done', 'escalated']);
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.subject.startsWith(`[${reference}] Deadline missed`))).toHaveLength(1);
  });
});
