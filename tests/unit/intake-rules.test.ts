/**
 * Every rule of email intake over memory fakes of the ports: fast, and each test fails if its rule breaks
 * (they were written by breaking the rule on purpose and watching them fail).
 */
import { describe, expect, it } from 'vitest';
import { ItemTooLargeError } from '#application/ports/store-errors';
import type { IntakeOutcome } from '#application/intake/take-email';
import { email, faulty, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

function opened(outcomes: IntakeOutcome[]): string {
  expect(outcomes).toHaveLength(1);
  const [o] = outcomes;
  if (o?.kind !== 'case-opened') throw new Error(`expected a new case, got ${JSON.stringify(o)}`);
  return o.reference;
}

const sentTo = (stack: MemoryStack, address: string) => stack.mailer.sent.filter((m) => m.to.includes(address));

describe('the confidential marker', () => {
  it.each([
    ['Confidential complaint: my mentor', true],
    ['[CONFIDENTIAL-COMPLAINT] about staff', true],
    ['Re: confidential   complaint!', true],
    ['nonconfidential complaint', false],
    ['Confidential complaints procedure question', false],
    ['A complaint, confidential', false],
  ])('"%s" is confidential: %s', async (subject, confidential) => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(email(['From: a@example.net', 'To: Shaked@alumot.uk', `Subject: ${subject}`])));
    expect((await stack.cases.get(reference))?.confidential).toBe(confidential);
  });
});

describe('threading', () => {
  it('a reply joins its case only within the same organisation: the same complainant writing to another organisation about it gets a case there', async () => {
    const stack = memoryStack();
    const first = opened(await stack.deliver(email(['From: pat@example.net', 'To: Shaked@alumot.uk', 'Subject: Help', 'Message-ID: <p1@example.net>'])));
    await stack.drain();
    const ack = sentTo(stack, 'pat@example.net')[0];
    const reply = email(['From: pat@example.net', 'To: complaints@county-council.example', 'Subject: Re: Help', `In-Reply-To: ${ack?.messageId}`, `References: ${ack?.messageId}`]);
    const [outcome] = await stack.deliver(reply);
    expect(outcome).toMatchObject({ kind: 'case-opened', policyId: 'county-council' });
    const other = await stack.cases.get((outcome as { reference: string }).reference);
    expect(other?.flags).toContain('quotes-another-case');
    expect((await stack.cases.timeline(first)).filter((e) => e.type === 'mail-in')).toEqual([]);
  });

  it('a reply from the complainant joins, and from a stranger does not; a participant staff added may write into it', async () => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(email(['From: pat@example.net', 'To: complaints@county-council.example', 'Subject: Bins'])));
    const quoting = (from: string) => email([`From: ${from}`, 'To: complaints@county-council.example', `Subject: Re: [${reference}] Bins`], `More from ${from}`);
    expect(await stack.deliver(quoting('pat@example.net'))).toEqual([{ kind: 'threaded', policyId: 'county-council', reference }]);
    const [stranger] = await stack.deliver(quoting('advocate@example.org'));
    expect(stranger).toMatchObject({ kind: 'case-opened' });
    await stack.useCases.staff['add-participant']({ reference, email: 'Advocate@Example.org', at: (await import('luxon')).DateTime.fromISO('2026-11-23T11:00:00Z'), actor: 'officer' });
    expect(await stack.deliver(quoting('advocate@example.org') + '\nagain')).toEqual([{ kind: 'threaded', policyId: 'county-council', reference }]);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.filter((e) => e.type === 'mail-in').map((e) => e.actor)).toEqual(['pat@example.net', 'advocate@example.org']);
    expect(timeline.some((e) => e.type === 'participant-added')).toBe(true);
  });
});

describe('one acknowledgement per sender, per organisation, per day', () => {
  it('a second complaint from the same sender to the same organisation that day is not acknowledged again', async () => {
    const stack = memoryStack();
    const a = opened(await stack.deliver(email(['From: sam@example.net', 'To: Shaked@alumot.uk', 'Subject: One'])));
    const b = opened(await stack.deliver(email(['From: sam@example.net', 'To: Shaked@alumot.uk', 'Subject: Two'])));
    await stack.drain();
    expect(sentTo(stack, 'sam@example.net').map((m) => m.subject)).toEqual([`[${a}] We have received your complaint`]);
    expect((await stack.cases.get(b))?.acknowledgedAt).toBeUndefined();
  });

  it('the same sender is acknowledged by a different organisation the same day', async () => {
    const stack = memoryStack();
    const a = opened(await stack.deliver(email(['From: sam@example.net', 'To: Shaked@alumot.uk', 'Subject: One'])));
    const b = opened(await stack.deliver(email(['From: sam@example.net', 'To: complaints@county-council.example', 'Subject: Two'])));
    await stack.drain();
    expect(sentTo(stack, 'sam@example.net').map((m) => m.subject)).toEqual([`[${a}] We have received your complaint`, `[${b}] We have received your complaint`]);
  });

  it.each([
    ['plus and case variants', ['Jo+1@Example.com', 'jo@example.com', 'JO+complaints@EXAMPLE.COM']],
    ["Gmail's dots, and googlemail.com", ['jo.smith@gmail.com', 'josmith@googlemail.com', 'J.O.Smith+x@Gmail.com']],
  ])('%s of one mailbox are one sender: one acknowledgement that day', async (_what, addresses) => {
    const stack = memoryStack();
    const references = [];
    for (const [i, from] of addresses.entries()) references.push(opened(await stack.deliver(email([`From: ${from}`, 'To: Shaked@alumot.uk', `Subject: Number ${i}`]))));
    await stack.drain();
    const acknowledgements = stack.mailer.sent.filter((m) => m.subject.endsWith('We have received your complaint'));
    expect(acknowledgements.map((m) => m.subject)).toEqual([`[${references[0]}] We have received your complaint`]);
    // Letters still go to the address as it came.
    expect(acknowledgements[0]?.to).toEqual([addresses[0]?.toLowerCase()]);
  });

  it('dots elsewhere than Gmail name different people: each is acknowledged', async () => {
    const stack = memoryStack();
    opened(await stack.deliver(email(['From: jo.smith@example.com', 'To: Shaked@alumot.uk', 'Subject: One'])));
    opened(await stack.deliver(email(['From: josmith@example.com', 'To: Shaked@alumot.uk', 'Subject: Two'])));
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.subject.endsWith('We have received your complaint'))).toHaveLength(2);
  });

  it('the same sender to the same organisation on the next day is acknowledged again', async () => {
    const stack = memoryStack();
    const a = opened(await stack.deliver(email(['From: sam@example.net', 'To: Shaked@alumot.uk', 'Subject: One']), { receivedAt: '2026-11-23T10:00:00Z' }));
    const b = opened(await stack.deliver(email(['From: sam@example.net', 'To: Shaked@alumot.uk', 'Subject: Two']), { receivedAt: '2026-11-24T10:00:00Z' }));
    await stack.drain();
    expect(sentTo(stack, 'sam@example.net').map((m) => m.subject)).toEqual([`[${a}] We have received your complaint`, `[${b}] We have received your complaint`]);
  });
});

describe('who sent it, and where letters may go', () => {
  it('a Reply-To to a third party is recorded and shown, never written to: letters go to the From address', async () => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(email(['From: Pat <pat@example.net>', 'Reply-To: victim@example.org', 'To: Shaked@alumot.uk', 'Subject: Hello'])));
    await stack.drain();
    const c = await stack.cases.get(reference);
    expect(c?.complainant).toMatchObject({ email: 'pat@example.net', addressSource: 'from' });
    expect(c?.replyTo).toBe('victim@example.org');
    expect(c?.flags).toContain('reply-to-differs');
    expect(sentTo(stack, 'victim@example.org')).toEqual([]);
    expect(sentTo(stack, 'pat@example.net')).toHaveLength(1);
    // Staff are shown it, so that a person can decide what to do about it.
    expect(sentTo(stack, 'ceo.notices@alumot.example')[0]?.text).toContain('The message asked for replies to victim@example.org, a different address');
  });

  it.each([
    ['no From, a Sender', ['Sender: Sam <sam@example.net>', 'Reply-To: other@example.org'], 'sam@example.net', 'sender'],
    ['no From or Sender, a Reply-To', ['Reply-To: Ray <ray@example.net>'], 'ray@example.net', 'reply-to'],
    ['two From headers', ['From: a@example.net', 'From: b@example.net', 'Sender: s@example.net'], 's@example.net', 'sender'],
    ['nothing but the envelope', [], 'env@example.net', 'envelope'],
  ])('%s: the sender falls back and the case says which was used', async (_what, headers, address, source) => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(email([...headers, 'To: Shaked@alumot.uk', 'Subject: Hello']), { envelopeFrom: 'env@example.net' }));
    const c = await stack.cases.get(reference);
    expect(c?.complainant).toMatchObject({ anonymous: false, email: address, addressSource: source });
    expect(c?.flags).toContain('sender-from-fallback');
  });

  it('a name with control characters is stored without them', async () => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(email(['From: "Pat\u202eevil\u0007" <pat@example.net>', 'To: Shaked@alumot.uk', 'Subject: Hi'])));
    expect((await stack.cases.get(reference))?.complainant.name).toBe('Pat evil');
  });
});

describe('automatic mail is never a complaint', () => {
  const arf = (to: string) =>
    [
      'From: staff@hotmail.com',
      `To: ${to}`,
      'Subject: complaint about message from 192.0.2.1',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report.',
      '--b',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: SomeGenerator/1.0',
      'Version: 1',
      '--b--',
      '',
    ].join('\n');
  const mdn = (to: string, inReplyTo = '') =>
    [
      'From: pat@example.net',
      `To: ${to}`,
      'Subject: Read: Your complaint',
      ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`] : []),
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message was read.',
      '--b',
      'Content-Type: message/disposition-notification',
      '',
      'Final-Recipient: rfc822; pat@example.net',
      'Disposition: manual-action/MDN-sent-manually; displayed',
      '--b--',
      '',
    ].join('\n');

  it('an abuse feedback report (ARF) is held, never a case, never acknowledged', async () => {
    const stack = memoryStack();
    expect(await stack.deliver(arf('Shaked@alumot.uk'))).toMatchObject([{ kind: 'held', reason: 'auto-reply' }]);
    await stack.drain();
    expect(stack.mailer.sent).toEqual([]);
  });

  it('a read receipt (MDN) is held; one about a case is recorded on it as automatic, with no notice', async () => {
    const stack = memoryStack();
    expect(await stack.deliver(mdn('Shaked@alumot.uk'))).toMatchObject([{ kind: 'held', reason: 'auto-reply' }]);
    const reference = opened(await stack.deliver(email(['From: pat@example.net', 'To: Shaked@alumot.uk', 'Subject: Help'])));
    await stack.drain();
    const ack = sentTo(stack, 'pat@example.net')[0];
    const sent = stack.mailer.sent.length;
    expect(await stack.deliver(mdn('Shaked@alumot.uk', ack?.messageId))).toEqual([{ kind: 'threaded', policyId: 'alumot', reference }]);
    await stack.drain();
    expect(stack.mailer.sent).toHaveLength(sent);
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'mail-in')?.detail).toMatchObject({ automatic: true });
  });
});

describe('items near the store limits', () => {
  it('a 450 KB subject still opens a case: the subject is bounded in the case, the notice too, and the case says so', async () => {
    const stack = memoryStack();
    const subject = 'S'.repeat(450 * 1024);
    const reference = opened(await stack.deliver(email(['From: pat@example.net', 'To: Shaked@alumot.uk', `Subject: ${subject}`])));
    const c = await stack.cases.get(reference);
    expect(Buffer.byteLength(c?.subject ?? '')).toBeLessThanOrEqual(998);
    expect(c?.flags).toContain('text-shortened');
    await stack.drain();
    const notice = stack.mailer.sent.find((m) => m.subject.startsWith(`[${reference}] New complaint`));
    expect(notice?.subject.length).toBeLessThan(1100);
    expect(notice?.text.length).toBeLessThan(12_000);
  });

  it('a 300 KB body with a 300 KB name: the case item stays under DynamoDB’s 400 KB', async () => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(email([`From: "${'N'.repeat(300 * 1024)}" <pat@example.net>`, 'To: Shaked@alumot.uk', 'Subject: Long'], 'B'.repeat(300 * 1024))));
    const c = await stack.cases.get(reference);
    expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(400 * 1024);
    expect(c?.complainant.name?.length).toBeLessThanOrEqual(200);
  });

  it('a message whose case the store still refuses is held and operators told, not retried forever, and no reference is used up', async () => {
    const stack = memoryStack();
    const cases = faulty(stack.cases, 'write', () => true, () => new ItemTooLargeError('case ALU-2026-0001', 'Item size has exceeded the maximum allowed size'));
    const [outcome] = await stack.withPorts({ cases }).takeEmail(await stored(stack, email(['From: pat@example.net', 'To: Shaked@alumot.uk', 'Subject: Big'])));
    expect(outcome).toMatchObject({ kind: 'held', reason: 'too-large-for-store', policyId: 'alumot' });
    await stack.drain();
    expect(stack.mailer.sent.map((m) => [m.subject, m.to])).toEqual([['Message held for review: it is too large to store as a case', ['ceo.notices@alumot.example', 'ops@redress.test']]]);
    expect(await stack.counters.lastReference('ALU', 2026)).toBe(0);
  });
});

async function stored(stack: MemoryStack, raw: string) {
  const key = `inbound/${Math.random()}.eml`;
  await stack.rawMail.put(key, Buffer.from(raw.replace(/\r?\n/g, '\r\n')));
  return { rawKey: key, recipients: [], receivedAt: stack.clock.now().toISOString() };
}
