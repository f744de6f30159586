/**
 * Raw mail no case or held message owns, over the memory fakes: every message's receipt is noted before it is
 * stored and settled once intake keeps it, so the sweep finds what is left with one index query.
 */
import { describe, expect, it } from 'vitest';
import { email, emailWithAttachments, faulty, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const complaint = (id: string) => email([`From: Pat Person <${id}@example.net>`, 'To: complaints@county-council.example', 'Subject: The bins', `Message-ID: <${id}@example.net>`], 'The bins were not collected.');

/** As the SMTP listener and the intake function do: the receipt, the raw message, then intake (unless it crashes first). */
async function receive(stack: MemoryStack, rawKey: string, raw: string, take = true) {
  const inbound = { rawKey, recipients: ['complaints@county-council.example'], receivedAt: stack.clock.now().toISOString() };
  await stack.useCases.noteMailReceipt(inbound);
  await stack.rawMail.put(rawKey, Buffer.from(raw.replace(/\r?\n/g, '\r\n')));
  return take ? stack.useCases.takeReceivedEmail(inbound) : [];
}

const later = (stack: MemoryStack, minutes: number) => stack.clock.set(new Date(stack.clock.now().getTime() + minutes * 60_000));

describe('the unclaimed-mail sweep', () => {
  it('takes in a message stored before a crash, after the grace period: nothing accepted is lost', async () => {
    const stack = memoryStack({ REDRESS_UNCLAIMED_MAIL_GRACE_MINUTES: '60' });
    await receive(stack, 'inbound/crashed.eml', complaint('crashed'), false);
    later(stack, 30);
    // Still within the grace period: an intake may be taking it in right now.
    expect(await stack.useCases.sweepUnclaimedMail()).toEqual({ kept: 0, destroyed: 0, failed: 0 });
    later(stack, 31);
    expect(await stack.useCases.sweepUnclaimedMail()).toEqual({ kept: 1, destroyed: 0, failed: 0 });
    const [c] = await stack.cases.ofComplainant('county-council', 'crashed@example.net');
    expect((await stack.cases.timeline(c?.reference as string)).some((e) => e.detail?.rawKey === 'inbound/crashed.eml')).toBe(true);
    expect(stack.tables.receipts.size).toBe(0);
    expect(await stack.useCases.sweepUnclaimedMail()).toEqual({ kept: 0, destroyed: 0, failed: 0 });
  });

  it('leaves nothing to sweep when intake keeps a message, even when a retry of the same copy finds it taken in already', async () => {
    const stack = memoryStack();
    await receive(stack, 'inbound/once.eml', complaint('once'));
    await receive(stack, 'inbound/once.eml', complaint('once'));
    expect(stack.tables.receipts.size).toBe(0);
    expect(stack.rawMail.files.has('inbound/once.eml')).toBe(true);
  });

  it('destroys a copy of a message kept before (sent twice), with the files stored beside it', async () => {
    const stack = memoryStack();
    const raw = emailWithAttachments(['From: Pat Person <twice@example.net>', 'To: complaints@county-council.example', 'Subject: The bins', 'Message-ID: <twice@example.net>'], 'The bins.', [['photo.jpg', 'image/jpeg', 'JPEG']]);
    await receive(stack, 'inbound/first.eml', raw);
    await receive(stack, 'inbound/second.eml', raw);
    expect([...stack.rawMail.files.keys()].filter((k) => k.includes('second'))).toHaveLength(2);
    later(stack, 61);
    expect(await stack.useCases.sweepUnclaimedMail()).toEqual({ kept: 0, destroyed: 1, failed: 0 });
    expect([...stack.rawMail.files.keys()].filter((k) => k.includes('second'))).toEqual([]);
    expect([...stack.rawMail.files.keys()].filter((k) => k.includes('first'))).toHaveLength(2);
    expect(await stack.cases.ofComplainant('county-council', 'twice@example.net')).toHaveLength(1);
  });

  it('forgets a receipt whose message was never stored whole (its sender was never answered, and sends again)', async () => {
    const stack = memoryStack();
    await stack.useCases.noteMailReceipt({ rawKey: 'inbound/half.eml', recipients: [], receivedAt: stack.clock.now().toISOString() });
    later(stack, 61);
    expect(await stack.useCases.sweepUnclaimedMail()).toEqual({ kept: 0, destroyed: 1, failed: 0 });
    expect(stack.tables.receipts.size).toBe(0);
  });

  it('leaves a message intake keeps failing on, says so as an error, and destroys it once the deployment’s retention has passed', async () => {
    const stack = memoryStack({ REDRESS_RETENTION_YEARS: '6' });
    await receive(stack, 'inbound/stuck.eml', complaint('stuck'), false);
    const failing = stack.withPorts({ cases: faulty(stack.cases, 'write', () => true) });
    later(stack, 61);
    expect(await failing.sweepUnclaimedMail()).toEqual({ kept: 0, destroyed: 0, failed: 1 });
    expect(stack.log.lines.some((l) => l.level === 'error' && l.message.includes('unclaimed raw mail could not be taken in'))).toBe(true);
    expect(stack.rawMail.files.has('inbound/stuck.eml')).toBe(true);
    stack.clock.set('2032-11-24T10:00:00Z');
    expect(await failing.sweepUnclaimedMail()).toEqual({ kept: 0, destroyed: 1, failed: 0 });
    expect(stack.rawMail.files.has('inbound/stuck.eml')).toBe(false);
    expect(stack.tables.receipts.size).toBe(0);
  });
});
