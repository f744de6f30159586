/** End to end: mail over SMTP to the local listener becomes a case and an acknowledgement in the SES emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpListener } from '#local/smtp-listener';
import type { RunningServer } from '#local/dynamodb-local';
import { sendRaw } from '#tests/support/send-smtp';
import { sentEmails } from '#tests/support/ses-outbox';
import { quietLog, testStack, type TestStack } from '#tests/support/test-stack';

let stack: TestStack;
let smtp: RunningServer;
let port: number;

beforeAll(async () => {
  stack = await testStack();
  smtp = await startSmtpListener({ port: 0, maxEmailBytes: 1_000_000, maxRecipients: 50, rawMail: stack.rawMail, noteReceipt: stack.useCases.noteMailReceipt, take: stack.useCases.takeReceivedEmail, log: quietLog, now: () => stack.clock.now() });
  port = smtp.port as number;
});
afterAll(() => smtp.stop());

describe('a 250 means stored, with every letter owed', () => {
  const raw = (id: string) =>
    [`From: Ray Retry <${id}@example.net>`, 'To: complaints@county-council.example', 'Subject: Lights out', `Message-ID: <${id}@example.net>`, '', 'The street lights are out.', ''].join('\r\n');

  async function listener(take: Parameters<typeof startSmtpListener>[0]['take']) {
    const server = await startSmtpListener({ port: 0, maxEmailBytes: 1_000_000, maxRecipients: 50, rawMail: stack.rawMail, noteReceipt: stack.useCases.noteMailReceipt, take, log: quietLog, now: () => stack.clock.now() });
    return { server, port: server.port as number };
  }

  it.each([
    ['fails before anything is stored', false],
    ['crashes after the case is stored, before the reply', true],
  ])('an intake that %s answers 451; the sender’s resend at once is taken in: one case, one acknowledgement; the sweep destroys the copy no case owns', async (_what, writeFirst) => {
    let calls = 0;
    const { server, port: p } = await listener(async (inbound) => {
      calls++;
      if (calls === 1) {
        if (writeFirst) await stack.useCases.takeEmail(inbound);
        throw new Error('connection to the store lost');
      }
      return stack.useCases.takeReceivedEmail(inbound);
    });
    try {
      const id = `retry-${writeFirst}`;
      await expect(sendRaw(p, `${id}@example.net`, ['complaints@county-council.example'], raw(id))).rejects.toMatchObject({ responseCode: 451 });
      await sendRaw(p, `${id}@example.net`, ['complaints@county-council.example'], raw(id));
      await stack.sendLetters();
      const mine = await stack.cases.ofComplainant('county-council', `${id}@example.net`);
      expect(mine).toHaveLength(1);
      const sent = await sentEmails(stack.sesEndpoint, `${id}@example.net`);
      expect(sent.map((e) => e.subject)).toEqual([`[${mine[0]?.reference}] We have received your complaint`]);

      // Two copies were stored; the case owns one (the first, when the write was made before the crash). After
      // the grace period the sweep finds the other by its receipt and destroys it; the case's own copy stays.
      const [owned] = (await stack.cases.timeline(mine[0]?.reference as string)).map((e) => e.detail?.rawKey).filter((k): k is string => typeof k === 'string');
      const before = await stack.rawMail.keysUnder('inbound/');
      const now = stack.clock.now();
      stack.clock.set(new Date(now.getTime() + 2 * 3_600_000));
      try {
        expect(await stack.useCases.sweepUnclaimedMail()).toEqual({ kept: writeFirst ? 1 : 0, destroyed: 1, failed: 0 });
      } finally {
        stack.clock.set(now);
      }
      const after = await stack.rawMail.keysUnder('inbound/');
      expect(after).toHaveLength(before.length - 1);
      expect(after).toContain(owned);
      expect(await stack.cases.ofComplainant('county-council', `${id}@example.net`)).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});

describe('email intake over SMTP', () => {
  it('opens a case and acknowledges it with the planner’s respond date', async () => {
    const raw = [
      'From: Dana Complainant <dana.e2e@example.net>',
      'To: Shaked@alumot.uk',
      'Subject: The session was cancelled without notice',
      'Message-ID: <e2e-1@example.net>',
      'Date: Sat, 19 Dec 2026 09:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'My session on Friday was cancelled without notice. I would like an apology.',
      '',
    ].join('\r\n');
    await sendRaw(port, 'dana.e2e@example.net', ['Shaked@alumot.uk'], raw);
    // The 250 came after the case and its letters were stored; the outbox sender sends them.
    await stack.sendLetters();

    const cases = await stack.cases.newestFirst('alumot');
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    expect(c.reference).toMatch(/^ALU-\d{4}-0001$/);
    expect(c).toMatchObject({ stage: 'stage-1', status: 'open', channel: 'email', handlerRole: 'ceo', confidential: false });
    expect(c.complainant).toEqual({ anonymous: false, email: 'dana.e2e@example.net', name: 'Dana Complainant', addressSource: 'from' });
    const respond = c.deadlines.find((d) => d.kind === 'respond');
    expect(c.deadlines.find((d) => d.kind === 'acknowledge')?.status).toBe('met');

    const [ack] = await sentEmails(stack.sesEndpoint, 'dana.e2e@example.net');
    expect(ack?.subject).toBe(`[${c.reference}] We have received your complaint`);
    expect(ack?.from).toContain('Shaked@alumot.uk');
    expect(ack?.body.text).toContain(c.reference);
    const inWords = new Date(`${respond!.dueDate}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
    expect(ack?.body.text).toContain(`full response by ${inWords.replace(',', '')}`);

    const timeline = await stack.cases.timeline(c.reference);
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['received', 'deadlines-set', 'acknowledged', 'mail-out']));
  });
});

describe('staff replying to a notice over SMTP (issue 21 item 3)', () => {
  it('the notice comes from the staff-notices sender; the reply, sent to it, is recorded on the case as staff mail: no case, no acknowledgement', async () => {
    const handler = 'service-manager.notices@county-council.example';
    const complaint = ['From: Lee Lamp <lee.lamp@example.net>', 'To: complaints@county-council.example', 'Subject: Lamp post down', 'Message-ID: <lee-1@example.net>', '', 'The lamp post on Elm Road fell over.', ''].join('\r\n');
    await sendRaw(port, 'lee.lamp@example.net', ['complaints@county-council.example'], complaint);
    await stack.sendLetters();
    const [opened] = await stack.cases.ofComplainant('county-council', 'lee.lamp@example.net');
    const reference = opened?.reference as string;
    const notice = (await sentEmails(stack.sesEndpoint, handler)).find((e) => e.subject.includes(reference));
    expect(notice?.from).toContain('staff-notices@county-council.example');
    const before = (await sentEmails(stack.sesEndpoint)).length;

    const reply = [`From: Sam Manager <${handler}>`, 'To: staff-notices@county-council.example', `Subject: Re: ${notice?.subject}`, 'Message-ID: <sam-reply-1@county-council.example>', '', 'I have asked Highways to make it safe today.', '', `> ${notice?.body.text?.split('\n')[0]}`, ''].join('\r\n');
    await sendRaw(port, handler, ['staff-notices@county-council.example'], reply);
    await stack.sendLetters();
    expect(await stack.cases.ofComplainant('county-council', handler)).toEqual([]);
    const staffMail = (await stack.cases.timeline(reference)).filter((e) => e.type === 'staff-mail');
    expect(staffMail.map((e) => e.summary)).toEqual([`Staff message from ${handler}`]);
    expect(staffMail[0]?.detail).toMatchObject({ text: expect.stringContaining('Highways') as string });
    expect((await sentEmails(stack.sesEndpoint)).slice(before)).toEqual([]);
  });
});

describe('a complaint about the Chief Executive over SMTP (issue 21, item 1)', () => {
  it('goes to the Chair: the CEO is sent nothing, the acknowledgement names the Chair, the case says why', async () => {
    const raw = [
      'From: Noa Member <noa.about@example.net>',
      'To: Shaked@alumot.uk',
      'Subject: Complaint about the Chief Executive',
      'Message-ID: <about-1@example.net>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Shaked Nir shouted at me at the members\u2019 evening. Please pass this to the Board, not to Shaked Nir.',
      '',
    ].join('\r\n');
    await sendRaw(port, 'noa.about@example.net', ['Shaked@alumot.uk'], raw);
    await stack.sendLetters();

    const [c] = await stack.cases.ofComplainant('alumot', 'noa.about@example.net');
    expect(c).toMatchObject({ handlerRole: 'chair', named: { roles: ['ceo'] } });
    const all = await sentEmails(stack.sesEndpoint);
    const mine = all.filter((e) => e.subject.includes(c!.reference));
    expect(mine.flatMap((e) => e.destination.to).sort()).toEqual(['chair.notices@alumot.example', 'noa.about@example.net']);
    const ack = mine.find((e) => e.destination.to.includes('noa.about@example.net'));
    expect(ack?.body.text).toMatch(/the Chair of our Board of Trustees \(or a trustee the Board chooses\) will look into your complaint/i);
    expect(ack?.body.text).not.toMatch(/Shaked|Chief Executive/);
    expect((await stack.cases.timeline(c!.reference)).some((e) => e.type === 'named')).toBe(true);
  });
});
