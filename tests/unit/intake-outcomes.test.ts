/** What intake does with each kind of message that is not a plain new complaint, over memory fakes. */
import { describe, expect, it } from 'vitest';
import { email, emailWithAttachments, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const notices = (stack: MemoryStack) => stack.mailer.sent.map((m) => `${m.to.join(',')}: ${m.subject}`);

async function takeWith(stack: MemoryStack, raw: string, verdicts?: Record<string, string>) {
  const key = `inbound/${Math.random()}.eml`;
  await stack.rawMail.put(key, Buffer.from(raw.replace(/\r?\n/g, '\r\n')));
  return stack.useCases.takeEmail({ rawKey: key, recipients: [], receivedAt: stack.clock.now().toISOString(), ...(verdicts ? { verdicts } : {}) });
}

describe('held, and who is told', () => {
  it.each([
    ['spam', { spam: 'FAIL' }, 'quarantined-spam', 'the mail service judged it spam'],
    ['a virus', { virus: 'FAIL' }, 'quarantined-virus', 'the mail service found a virus in it'],
  ])('%s: quarantined, the handler told, the sender never', async (_what, verdicts, reason, words) => {
    const stack = memoryStack();
    const outcomes = await takeWith(stack, email(['From: x@example.net', 'To: Shaked@alumot.uk', 'Subject: Hi']), verdicts);
    expect(outcomes).toMatchObject([{ kind: 'held', reason, policyId: 'alumot' }]);
    await stack.drain();
    expect(notices(stack)).toEqual([`ceo.notices@alumot.example: Message held for review: ${words}`]);
  });

  it('an SPF, DKIM or DMARC failure opens the case, flagged "sender not verified"', async () => {
    const stack = memoryStack();
    const [o] = await takeWith(stack, email(['From: x@example.net', 'To: Shaked@alumot.uk', 'Subject: Hi']), { spf: 'PASS', dkim: 'FAIL' });
    expect((await stack.cases.get((o as { reference: string }).reference))?.flags).toContain('sender-not-verified');
  });

  it.each([
    ['our own complaints address', 'Shaked@alumot.uk', 'own-address'],
    ['another organisation’s complaints address', 'complaints@county-council.example', 'own-address'],
    ['the operators’ address', 'ops@redress.test', 'own-address'],
  ])('mail from %s is held and nobody is told (no loops)', async (_what, from, reason) => {
    const stack = memoryStack();
    expect(await stack.deliver(email([`From: ${from}`, 'To: Shaked@alumot.uk', 'Subject: Hi']))).toMatchObject([{ kind: 'held', reason }]);
    await stack.drain();
    expect(stack.mailer.sent).toEqual([]);
  });

  it('an out-of-office that replies to no case is held, and nobody is told', async () => {
    const stack = memoryStack();
    expect(await stack.deliver(email(['From: x@example.net', 'To: Shaked@alumot.uk', 'Subject: Out of office', 'Auto-Submitted: auto-replied']))).toMatchObject([{ kind: 'held', reason: 'auto-reply' }]);
    await stack.drain();
    expect(stack.mailer.sent).toEqual([]);
  });

  it('a message over the size limit, and one that is not an email, are held and the handler told', async () => {
    const stack = memoryStack({ REDRESS_MAX_EMAIL_BYTES: '500' });
    expect(await stack.deliver(email(['From: x@example.net', 'To: Shaked@alumot.uk', 'Subject: Big'], 'x'.repeat(1000)), { recipients: ['Shaked@alumot.uk'] })).toMatchObject([{ kind: 'held', reason: 'too-large', policyId: 'alumot' }]);
    expect(await stack.deliver('not an email', { recipients: ['Shaked@alumot.uk'] })).toMatchObject([{ kind: 'held', reason: 'unparseable', policyId: 'alumot' }]);
    await stack.drain();
    expect(notices(stack).sort()).toEqual([
      'ceo.notices@alumot.example: Message held for review: it could not be read as an email',
      'ceo.notices@alumot.example: Message held for review: it is over the size limit',
    ]);
  });

  it('mail to no policy’s address is held for the operators, who are told', async () => {
    const stack = memoryStack();
    expect(await stack.deliver(email(['From: x@example.net', 'To: nobody@example.org', 'Subject: Hi']))).toMatchObject([{ kind: 'held', reason: 'unknown-recipient' }]);
    await stack.drain();
    expect(notices(stack)).toEqual(['ops@redress.test: Message held for review: it was sent to an address no policy uses']);
    expect(await stack.heldMail.list('operator')).toHaveLength(1);
  });
});

describe('delivery failures', () => {
  const bounce = (quoted: string) =>
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'To: Shaked@alumot.uk',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; pat@example.net',
      'Action: failed',
      'Status: 5.1.1',
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      quoted,
      '--b--',
      '',
    ].join('\n');

  it('a bounce of our letter marks the complainant undeliverable and tells the handler; nothing more is written there', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: pat@example.net', 'To: Shaked@alumot.uk', 'Subject: Help']));
    const reference = (o as { reference: string }).reference;
    await stack.drain();
    const ack = stack.mailer.sent.find((m) => m.to.includes('pat@example.net'));
    expect(await stack.deliver(bounce(`Message-ID: ${ack?.messageId}\nTo: pat@example.net`))).toEqual([{ kind: 'bounce-recorded', policyId: 'alumot', reference }]);
    await stack.drain();
    const c = await stack.cases.get(reference);
    expect(c?.flags).toContain('complainant-undeliverable');
    expect(notices(stack)).toContain(`ceo.notices@alumot.example: [${reference}] Mail to the complainant could not be delivered`);
    // A second complaint that day from the same address is not acknowledged either way; a signed one would not go.
    expect((await stack.cases.timeline(reference)).some((e) => e.type === 'undeliverable')).toBe(true);
  });

  it('a bounce that names no case of ours is held, and nobody is told', async () => {
    const stack = memoryStack();
    expect(await stack.deliver(bounce('Message-ID: <someone.else@example.org>'))).toMatchObject([{ kind: 'held', reason: 'bounce-unmatched' }]);
    await stack.drain();
    expect(stack.mailer.sent).toEqual([]);
  });
});

describe('attachments', () => {
  const withAttachments = (files: [string, string][]) =>
    emailWithAttachments(['From: pat@example.net', 'To: Shaked@alumot.uk', 'Subject: With files'], 'See attached.', files.map(([name, type]) => [name, type, `content of ${name}`] as const));

  it('are stored beside the message; a dangerous one, and those over the limit, flag the case', async () => {
    const stack = memoryStack({ REDRESS_MAX_ATTACHMENTS: '2' });
    const [o] = await stack.deliver(withAttachments([['form.pdf', 'application/pdf'], ['run.exe', 'application/octet-stream'], ['third.pdf', 'application/pdf']]));
    const c = await stack.cases.get((o as { reference: string }).reference);
    expect(c?.attachments.map((a) => [a.filename, a.dangerous])).toEqual([['form.pdf', false], ['run.exe', true]]);
    expect(c?.flags).toEqual(expect.arrayContaining(['dangerous-attachment', 'attachments-over-limit']));
  });
});

describe('the outbox’s backoff', () => {
  it('doubles from the base to the cap: 30 s, 60 s, 120 s, then no more than the cap', async () => {
    const stack = memoryStack({ REDRESS_OUTBOX_RETRY_BASE_SECONDS: '30', REDRESS_OUTBOX_RETRY_MAX_SECONDS: '100', REDRESS_OUTBOX_MAX_ATTEMPTS: '10' });
    stack.mailer.down = true;
    await stack.deliver(email(['From: pat@example.net', 'To: Shaked@alumot.uk', 'Subject: Help']));
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await stack.useCases.sendDueLetters();
      const ack = (await stack.outbox.pending(10)).find((e) => e.id.includes('acknowledgement'));
      delays.push((Date.parse(ack?.nextAttemptAt as string) - stack.clock.now().getTime()) / 1000);
      stack.clock.set(ack?.nextAttemptAt as string);
    }
    expect(delays).toEqual([30, 60, 100, 100]);
  });
});
