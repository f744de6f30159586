/** Every intake rule, against DynamoDB Local and the SES emulator. */
import { describe, expect, it, beforeAll } from 'vitest';
import type { IntakeOutcome } from '#application/intake/take-email';
import { complaintEmail, deliver } from '#tests/support/deliver';
import { sentEmails } from '#tests/support/ses-outbox';
import { testStack, type TestStack } from '#tests/support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await testStack({ REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
});

function only(outcomes: IntakeOutcome[]): IntakeOutcome {
  expect(outcomes).toHaveLength(1);
  return outcomes[0] as IntakeOutcome;
}

async function opened(result: IntakeOutcome[]): Promise<string> {
  const outcome = only(result);
  expect(outcome.kind).toBe('case-opened');
  return (outcome as { reference: string }).reference;
}

describe('confidential marker', () => {
  it.each([
    'Confidential complaint: my mentor',
    '[CONFIDENTIAL COMPLAINT] about staff',
    'Re: confidential complaint - follow up',
    'CONFIDENTIAL-COMPLAINT',
  ])('"%s" makes the case confidential and its staff notice carries no content', async (subject) => {
    const mail = complaintEmail({ to: 'Shaked@alumot.uk', subject, body: 'SECRET-DETAIL-123 happened.' });
    const reference = await opened(await deliver(stack, mail.raw));
    const c = await stack.cases.get(reference);
    expect(c?.confidential).toBe(true);
    const notice = (await sentEmails(stack.sesEndpoint)).find((e) => e.subject === `[${reference}] New confidential complaint`);
    expect(notice).toBeDefined();
    expect(notice?.body.text).not.toContain('SECRET-DETAIL-123');
    expect(notice?.body.text).not.toContain(mail.from);
    expect(notice?.body.html).not.toContain('SECRET-DETAIL-123');
  });

  it('a subject that only mentions confidentiality is not marked', async () => {
    const mail = complaintEmail({ to: 'Shaked@alumot.uk', subject: 'Complaint about confidentiality of my file' });
    const reference = await opened(await deliver(stack, mail.raw));
    expect((await stack.cases.get(reference))?.confidential).toBe(false);
  });
});

describe('threading', () => {
  it('a reply from the complainant to our acknowledgement joins the case', async () => {
    const first = complaintEmail({ to: 'complaints@county-council.example', subject: 'Pothole never fixed' });
    const reference = await opened(await deliver(stack, first.raw));
    const ack = (await sentEmails(stack.sesEndpoint, first.from))[0];
    expect(ack).toBeDefined();
    const ourId = (await stack.cases.timeline(reference)).find((e) => e.type === 'mail-out' && String(e.detail?.to) === first.from)?.detail?.messageId;
    const reply = complaintEmail({
      to: 'complaints@county-council.example',
      from: first.from,
      subject: `Re: ${ack?.subject}`,
      headers: [`In-Reply-To: ${ourId}`, `References: ${first.messageId} ${ourId}`],
      body: 'Here are the photos you asked for.',
    });
    expect(only(await deliver(stack, reply.raw))).toEqual({ kind: 'threaded', policyId: 'county-council', reference });
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.filter((e) => e.type === 'mail-in')).toHaveLength(1);
    expect(await stack.cases.newestFirst('county-council').then((cs) => cs.filter((c) => c.complainant.email === first.from))).toHaveLength(1);
  });

  it('a reference in the subject from the complainant joins the case', async () => {
    const first = complaintEmail({ to: 'complaints@county-council.example' });
    const reference = await opened(await deliver(stack, first.raw));
    const again = complaintEmail({ to: 'complaints@county-council.example', from: first.from, subject: `More about ${reference}` });
    expect(only(await deliver(stack, again.raw))).toMatchObject({ kind: 'threaded', reference });
  });

  it("someone else quoting a case's reference gets a case of their own, flagged", async () => {
    const first = complaintEmail({ to: 'complaints@county-council.example', body: 'PRIVATE-ORIGINAL' });
    const reference = await opened(await deliver(stack, first.raw));
    const intruder = complaintEmail({ to: 'complaints@county-council.example', subject: `Re: [${reference}] We have received your complaint` });
    const own = await opened(await deliver(stack, intruder.raw));
    expect(own).not.toBe(reference);
    expect((await stack.cases.get(own))?.flags).toContain('quotes-another-case');
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'mail-in')).toHaveLength(0);
  });
});

describe('automatic mail', () => {
  it.each([
    ['Auto-Submitted: auto-replied', 'Out of office'],
    ['X-Autoreply: yes', 'Re: hello'],
    ['X-Autorespond: yes', 'Re: hello'],
    ['Precedence: auto_reply', 'Re: hello'],
  ])('%s / "%s" (a machine, by its headers) never opens a case, is never acknowledged, and nobody is told', async (headerLine, subject) => {
    const mail = complaintEmail({ to: 'enquiries.connect@gmail.com', subject, headers: [headerLine] });
    expect(only(await deliver(stack, mail.raw))).toMatchObject({ kind: 'held', reason: 'auto-reply' });
    expect(await sentEmails(stack.sesEndpoint, mail.from)).toEqual([]);
  });

  it.each([
    ['Precedence: bulk', 'Newsletter'],
    ['X-Auto-Response-Suppress: All', 'Out of office hours helpline never answers'],
  ])('%s / "%s" (looks automatic, nothing proves it) is held and staff told, the sender not acknowledged', async (headerLine, subject) => {
    const mail = complaintEmail({ to: 'enquiries.connect@gmail.com', subject, headers: [headerLine] });
    const outcome = only(await deliver(stack, mail.raw));
    expect(outcome).toMatchObject({ kind: 'held', reason: 'possibly-automatic' });
    expect(await sentEmails(stack.sesEndpoint, mail.from)).toEqual([]);
    expect((await stack.heldMail.get((outcome as { heldId: string }).heldId))?.evidence?.length).toBeGreaterThan(0);
  });

  it.each([
    ['X-Auto-Response-Suppress: All', 'Re: hello'],
    ['X-Mailer: ordinary', 'Automatic reply: away until Monday'],
    ['X-Mailer: ordinary', 'Out of Office: back on 1 December'],
  ])('%s / "%s" (a subject, or a header people’s mail carries, proves nothing) opens a case and is acknowledged', async (headerLine, subject) => {
    const mail = complaintEmail({ to: 'enquiries.connect@gmail.com', subject, headers: [headerLine] });
    await opened(await deliver(stack, mail.raw));
    expect(await sentEmails(stack.sesEndpoint, mail.from)).toHaveLength(1);
  });

  it('mail from our own complaints address never opens a case', async () => {
    const mail = complaintEmail({ to: 'enquiries.connect@gmail.com', from: 'not.alone.mentoring@gmail.com' });
    expect(only(await deliver(stack, mail.raw))).toMatchObject({ kind: 'held', reason: 'own-address' });
  });

  it('a bounce for a case marks the complainant undeliverable and tells staff', async () => {
    const first = complaintEmail({ to: 'enquiries.connect@gmail.com' });
    const reference = await opened(await deliver(stack, first.raw));
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      `To: enquiries.connect@gmail.com`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <bounce.${Date.now()}@mx.example.net>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'I am sorry to have to inform you that your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      `Final-Recipient: rfc822; ${first.from}`,
      'Action: failed',
      'Status: 5.1.1',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      'From: enquiries.connect@gmail.com',
      `Subject: [${reference}] We have received your complaint`,
      '--b1--',
      '',
    ].join('\n');
    expect(only(await deliver(stack, bounce))).toEqual({ kind: 'bounce-recorded', policyId: 'connect-north-yorkshire', reference });
    const c = await stack.cases.get(reference);
    expect(c?.flags).toContain('complainant-undeliverable');
    const notices = (await sentEmails(stack.sesEndpoint)).filter((e) => e.subject === `[${reference}] Mail to the complainant could not be delivered`);
    expect(notices).toHaveLength(1);
  });
});

describe('one acknowledgement per sender per organisation per day', () => {
  it('a second complaint the same day opens a case but sends no second acknowledgement', async () => {
    const from = `daily.${Date.now()}@example.net`;
    const one = await opened(await deliver(stack, complaintEmail({ to: 'complaints@connected-together.example', from, subject: 'First' }).raw));
    const two = only(await deliver(stack, complaintEmail({ to: 'complaints@connected-together.example', from, subject: 'Second' }).raw));
    expect(two).toMatchObject({ kind: 'case-opened', acknowledged: false });
    expect(one).not.toBe((two as { reference: string }).reference);
    expect(await sentEmails(stack.sesEndpoint, from)).toHaveLength(1);
  });
});

describe('SES verdicts', () => {
  it.each([
    [{ spam: 'FAIL' as const }, 'quarantined-spam'],
    [{ virus: 'FAIL' as const }, 'quarantined-virus'],
  ])('%j is quarantined, staff told, nothing acknowledged', async (verdicts, reason) => {
    const mail = complaintEmail({ to: 'complaints@connected-together.example' });
    expect(only(await deliver(stack, mail.raw, { verdicts }))).toMatchObject({ kind: 'held', reason, policyId: 'connected-together' });
    expect(await sentEmails(stack.sesEndpoint, mail.from)).toEqual([]);
    const held = await stack.heldMail.list('connected-together');
    expect(held.some((h) => h.reason === reason && h.from === mail.from)).toBe(true);
    expect((await sentEmails(stack.sesEndpoint)).some((e) => e.subject.startsWith('Message held for review') && e.body.text?.includes(mail.from))).toBe(true);
  });

  it('an SPF, DKIM or DMARC failure flags the case "sender not verified"', async () => {
    const mail = complaintEmail({ to: 'complaints@connected-together.example' });
    const reference = await opened(await deliver(stack, mail.raw, { verdicts: { spam: 'PASS', virus: 'PASS', spf: 'FAIL', dkim: 'PASS', dmarc: 'GRAY' } }));
    expect((await stack.cases.get(reference))?.flags).toContain('sender-not-verified');
  });
});

describe('duplicates', () => {
  it('the same bytes delivered twice give one case and one acknowledgement', async () => {
    const mail = complaintEmail({ to: 'complaints@connected-together.example' });
    const first = only(await deliver(stack, mail.raw));
    const second = only(await deliver(stack, mail.raw));
    expect(second).toEqual({ ...first, already: true });
    expect(await sentEmails(stack.sesEndpoint, mail.from)).toHaveLength(1);
  });

  it('the same SES message id delivered again gives one case', async () => {
    const mail = complaintEmail({ to: 'complaints@connected-together.example' });
    const deliveryId = `ses-${Date.now()}`;
    const first = only(await deliver(stack, mail.raw, { deliveryId }));
    expect(only(await deliver(stack, mail.raw, { deliveryId }))).toEqual({ ...first, already: true });
  });

  it('the same message ingested 10 times at once: one case, one acknowledgement', async () => {
    const mail = complaintEmail({ to: 'complaints@connected-together.example' });
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(stack, mail.raw)));
    const references = new Set(results.flatMap((r) => r.map((o) => (o as { reference: string }).reference)));
    expect(references.size).toBe(1);
    const cases = (await stack.cases.newestFirst('connected-together')).filter((c) => c.complainant.email === mail.from);
    expect(cases).toHaveLength(1);
    expect(await sentEmails(stack.sesEndpoint, mail.from)).toHaveLength(1);
  });

  it('twelve different complaints to one organisation at once: consecutive references, none skipped, none twice', async () => {
    const own = await testStack();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => deliver(own, complaintEmail({ to: 'complaints@connected-together.example', from: `burst${i}@example.net` }).raw, { keepLetters: true })));
    const references = results.map((r) => (r[0] as { reference: string }).reference).sort();
    expect(references).toEqual(Array.from({ length: 12 }, (_, i) => `CTC-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('two different messages sharing a Message-ID are two cases', async () => {
    const messageId = `<shared.${Date.now()}@example.net>`;
    const a = complaintEmail({ to: 'complaints@connected-together.example', messageId, body: 'first text' });
    const b = complaintEmail({ to: 'complaints@connected-together.example', messageId, body: 'second text' });
    const one = await opened(await deliver(stack, a.raw));
    const two = await opened(await deliver(stack, b.raw));
    expect(one).not.toBe(two);
  });
});

describe('routing by recipient', () => {
  it('mail to an unknown address is kept and reported to operators', async () => {
    const mail = complaintEmail({ to: 'nobody@unknown.example' });
    expect(only(await deliver(stack, mail.raw))).toMatchObject({ kind: 'held', reason: 'unknown-recipient' });
    expect((await stack.heldMail.list('operator')).some((h) => h.from === mail.from)).toBe(true);
    expect((await sentEmails(stack.sesEndpoint, 'ops@redress.test')).some((e) => e.body.text?.includes(mail.from))).toBe(true);
  });

  it('the envelope recipient picks the policy over the headers', async () => {
    const mail = complaintEmail({ to: 'nobody@unknown.example' });
    expect(only(await deliver(stack, mail.raw, { recipients: ['ENQUIRIES.CONNECT@gmail.com'] }))).toMatchObject({ kind: 'case-opened', policyId: 'connect-north-yorkshire' });
  });
});

describe('bad input loses nothing', () => {
  it('input with no header section is held as unparseable, and staff are told', async () => {
    const result = only(await deliver(stack, 'this is not an email at all', { recipients: ['complaints@county-council.example'] }));
    expect(result).toMatchObject({ kind: 'held', reason: 'unparseable', policyId: 'county-council' });
    const held = await stack.heldMail.list('county-council');
    const entry = held.find((h) => h.reason === 'unparseable');
    expect(entry).toBeDefined();
    expect(await stack.rawMail.size(entry!.rawKey)).toBeGreaterThan(0);
  });

  it('a message over the size limit is held unparsed', async () => {
    const small = await testStack({ REDRESS_MAX_EMAIL_BYTES: '2000' });
    const mail = complaintEmail({ to: 'complaints@county-council.example', body: 'x'.repeat(5000) });
    expect(only(await deliver(small, mail.raw, { recipients: ['complaints@county-council.example'] }))).toMatchObject({ kind: 'held', reason: 'too-large' });
  });
});

describe('policy rules at intake', () => {
  it('Not Alone Mentoring: an unsigned email waits for signature and the acknowledgement asks for it', async () => {
    const mail = complaintEmail({ to: 'not.alone.mentoring@gmail.com' });
    const reference = await opened(await deliver(stack, mail.raw));
    const c = await stack.cases.get(reference);
    expect(c).toMatchObject({ status: 'awaiting-signature', signed: false, deadlines: [] });
    const [ack] = await sentEmails(stack.sesEndpoint, mail.from);
    expect(ack?.subject).toBe(`[${reference}] Please sign your complaint`);
    expect(ack?.body.text).toContain('Our complaints policy asks for a signed complaint before we can start looking into it (clause 6.1, 6.4).');
    expect(ack?.body.text).toContain('within 3 working days of receiving it');
  });

  it('Alumot: the acknowledgement names the handler and the respond date; the data-protection note is there', async () => {
    const mail = complaintEmail({ to: 'Shaked@alumot.uk' });
    const reference = await opened(await deliver(stack, mail.raw, { receivedAt: '2026-12-19T09:00:00Z' }));
    const [ack] = await sentEmails(stack.sesEndpoint, mail.from);
    expect(ack?.subject).toBe(`[${reference}] We have received your complaint`);
    expect(ack?.body.text).toContain('Our Chief Executive, Shaked Nir, will look into your complaint.');
    expect(ack?.body.text).toContain('full response by Thursday 21 January 2027');
    expect(ack?.body.text).toContain('How we use your information');
    expect(ack?.body.text).toContain('If you are not happy with our response, you can ask for a review by our appeal panel. Our response will tell you how.');
  });

  it('Connect: stage 2 leaves the reply date to staff, so the letter gives the policy file\'s default until they set one', async () => {
    const mail = complaintEmail({ to: 'enquiries.connect@gmail.com' });
    const reference = await opened(await deliver(stack, mail.raw, { receivedAt: '2026-11-23T10:00:00Z' }));
    const [ack] = await sentEmails(stack.sesEndpoint, mail.from);
    expect(ack?.body.text).toContain('We will send you our full response by Monday 21 December 2026.');
    expect((await stack.cases.get(reference))?.deadlines.find((d) => d.kind === 'respond')).toMatchObject({ setBy: 'default', clause: 'Stage 2 – Investigation' });
  });

  it('a message with no sender is anonymous: Alumot records it, flags it not investigated, acknowledges nobody', async () => {
    const raw = ['To: Shaked@alumot.uk', 'Subject: anonymous tip', `Message-ID: <anon.${Date.now()}@x>`, '', 'Something is wrong.', ''].join('\n');
    const reference = await opened(await deliver(stack, raw));
    const c = await stack.cases.get(reference);
    expect(c?.complainant).toEqual({ anonymous: true });
    expect(c?.flags).toContain('anonymous-not-investigated');
    const notice = (await sentEmails(stack.sesEndpoint)).find((e) => e.subject.startsWith(`[${reference}] New complaint`));
    expect(notice?.body.text).toContain('anonymous: recorded but not investigated');
  });
});

describe('letters are safe', () => {
  it('escapes every complainant value in HTML and keeps header injection out of the subject', async () => {
    const mail = complaintEmail({
      to: 'complaints@county-council.example',
      fromName: '"<script>alert(1)</script>"',
      subject: '=?UTF-8?B?' + Buffer.from('Hi\r\nBcc: victim@example.com').toString('base64') + '?=',
      body: '<img src=x onerror=alert(1)> & more',
    });
    const reference = await opened(await deliver(stack, mail.raw));
    const [ack] = await sentEmails(stack.sesEndpoint, mail.from);
    // Markup is no name: the acknowledgement does not print it at all; staff see it, escaped.
    expect(ack?.body.html).not.toContain('script');
    expect(ack?.body.text).toContain('Dear complainant,');
    const notice = (await sentEmails(stack.sesEndpoint)).find((e) => e.subject.startsWith(`[${reference}] New complaint`));
    expect(notice?.body.html).not.toContain('<script>');
    expect(notice?.body.html).toContain('&#60;script&#62;');
    expect(notice?.body.html).not.toContain('<img src=x');
    expect(notice?.subject).not.toMatch(/[\r\n]/);
    // The handler's own staff mailbox (the seed's placeholder), never the complaints address (on AWS that is SES's
    // inbound address, and the notice would come straight back in).
    expect(notice?.destination.to).toEqual(['service-manager.notices@county-council.example']);
  });
});
