/**
 * An email address typed into the web form is confirmed only by what only its mailbox holds: the link or the code
 * in the one letter sent there. A reply's From line proves nothing (anyone can forge it, and the reference is in
 * the subject, the Message-ID predictable), and a reply whose sender fails SES's checks does not confirm even with
 * the code. Over memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const VICTIM = 'victim@example.net';
const COUNCIL = 'complaints@county-council.example';
const LINK = /open this link and press the "Confirm my email address" button on the page it opens:\n(http:\/\/localhost:\d+\/confirm\/(CCC-\d{4}-\d{4})\/([A-Za-z0-9_-]{43}))\n/;
const CODE = /Your reply must include this code: ([0-9A-Z]{5}-[0-9A-Z]{5})\n/;

async function formComplaint(stack: MemoryStack, name = 'Form Person') {
  const { reference, pageToken } = await stack.useCases.submitWebComplaint({
    policyId: 'county-council',
    form: { name, email: VICTIM, phone: '01632 960 001', summary: 'The bins were not collected.', confidential: false, consent: true, formToken: 'x' },
    submissionKey: `k-${Math.random()}`,
    receivedAt: '2026-11-23T10:00:00.000Z',
    sourceIp: '192.0.2.9',
  });
  await stack.drain();
  const letters = stack.mailer.sent.filter((m) => m.to.includes(VICTIM));
  expect(letters).toHaveLength(1);
  const letter = letters[0] as (typeof letters)[number];
  const link = LINK.exec(letter.text);
  const code = CODE.exec(letter.text)?.[1];
  if (!link || !code) throw new Error(`no link or code in:\n${letter.text}`);
  return { reference, pageToken: pageToken as string, letter, url: link[1] as string, token: link[3] as string, code };
}

const confirmed = async (stack: MemoryStack, reference: string) => (await stack.cases.get(reference))?.complainant.emailConfirmed;
const toVictim = (stack: MemoryStack) => stack.mailer.sent.filter((m) => m.to.includes(VICTIM));
const reply = (reference: string, body: string, headers: string[] = []) =>
  email([`From: Victim <${VICTIM}>`, `To: ${COUNCIL}`, `Subject: Re: [${reference}] Please confirm your email address for your complaint to County Council`, ...headers], body);
const quoting = (text: string) => `Yes, this is me.\n\nOn Mon, 23 Nov 2026, County Council complaints wrote:\n${text.split('\n').map((l) => `> ${l}`).join('\n')}`;

describe('a reply to the letter that asks to confirm a typed address', () => {
  it("forged with the victim's From and the reference in its subject, without the code, does not confirm it, and staff are told", async () => {
    const stack = memoryStack();
    const { reference } = await formComplaint(stack);
    expect(await stack.deliver(reply(reference, 'Yes, this is me.'))).toEqual([{ kind: 'threaded', policyId: 'county-council', reference }]);
    expect(await confirmed(stack, reference)).toBe(false);
    await stack.drain();
    const notice = stack.mailer.sent.find((m) => m.subject === `[${reference}] New message on the case`);
    expect(notice?.text).toContain(`A reply from ${VICTIM}, the address typed into the form, did not carry the code from the letter that asked to confirm it`);
    expect((await stack.cases.timeline(reference)).some((e) => e.summary.startsWith(`A reply from ${VICTIM}, the address typed into the form, did not carry the code`))).toBe(true);
    // Nothing more goes to the address: a later letter is drafted for post instead.
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'The crews came on each day.', remedies: [], actions: [], at: DateTime.fromISO('2026-11-30T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(toVictim(stack)).toHaveLength(1);
  });

  it("forged as a reply to the letter's own Message-ID (which is predictable), without the code, does not confirm it", async () => {
    const stack = memoryStack();
    const { reference, letter } = await formComplaint(stack);
    await stack.deliver(reply(reference, 'Confirmed.', [`In-Reply-To: ${letter.messageId}`, `References: ${letter.messageId}`]));
    expect(await confirmed(stack, reference)).toBe(false);
  });

  it("carrying another case's code does not confirm this one", async () => {
    const stack = memoryStack();
    const first = await formComplaint(stack);
    stack.clock.set('2026-11-24T10:00:00Z');
    const { reference } = await (async () => {
      const opened = await stack.useCases.submitWebComplaint({
        policyId: 'county-council',
        form: { name: 'Other', email: 'other@example.net', summary: 'x', confidential: false, consent: true, formToken: 'x' },
        submissionKey: 'other',
        receivedAt: '2026-11-24T10:00:00.000Z',
        sourceIp: '192.0.2.9',
      });
      return opened;
    })();
    await stack.deliver(email(['From: other@example.net', `To: ${COUNCIL}`, `Subject: Re: [${reference}] Please confirm`], `Code ${first.code}`));
    expect(await confirmed(stack, reference)).toBe(false);
  });

  it('quoting the letter (so carrying its code) confirms it, and later letters go there', async () => {
    const stack = memoryStack();
    const { reference, letter } = await formComplaint(stack);
    await stack.deliver(reply(reference, quoting(letter.text), [`In-Reply-To: ${letter.messageId}`]));
    expect(await confirmed(stack, reference)).toBe(true);
    expect((await stack.cases.timeline(reference)).some((e) => e.summary === `The complainant confirmed ${VICTIM} by replying from it with the code from the letter sent to it`)).toBe(true);
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'The crews came on each day.', remedies: [], actions: [], at: DateTime.fromISO('2026-11-30T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(toVictim(stack).map((m) => m.subject)).toContain(`[${reference}] Our decision on your complaint`);
  });

  it('with the code typed by hand, in lower case and with a space for the hyphen, confirms it', async () => {
    const stack = memoryStack();
    const { reference, code } = await formComplaint(stack);
    await stack.deliver(reply(reference, `yes it's me, code ${code.toLowerCase().replace('-', ' ')}.`));
    expect(await confirmed(stack, reference)).toBe(true);
  });

  it.each([
    ['DMARC failed', { spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL' }],
    ['SPF failed, no DMARC policy', { spf: 'FAIL', dkim: 'GRAY', dmarc: 'GRAY' }],
    ['DKIM failed, no DMARC policy', { spf: 'GRAY', dkim: 'FAIL', dmarc: 'GRAY' }],
  ] as const)('with the code, but %s, does not confirm it, and staff are told why', async (_what, verdicts) => {
    const stack = memoryStack();
    const { reference, code } = await formComplaint(stack);
    await stack.deliver(reply(reference, `Code: ${code}`), { verdicts: { spam: 'PASS', virus: 'PASS', ...verdicts } });
    expect(await confirmed(stack, reference)).toBe(false);
    await stack.drain();
    expect(stack.mailer.sent.find((m) => m.subject === `[${reference}] New message on the case`)?.text).toContain('carried the code, but the mail checks (SPF, DKIM or DMARC) showed it was not sent by that address');
  });

  it("with the code and DMARC passing, though SPF failed on the way (a forwarder), confirms it", async () => {
    const stack = memoryStack();
    const { reference, code } = await formComplaint(stack);
    await stack.deliver(reply(reference, `Code: ${code}`), { verdicts: { spam: 'PASS', virus: 'PASS', spf: 'FAIL', dkim: 'PASS', dmarc: 'PASS' } });
    expect(await confirmed(stack, reference)).toBe(true);
  });
});

describe("the confirm letter's link", () => {
  it('opens a page that confirms nothing (mail scanners open links); its button confirms; pressed again, it is already done', async () => {
    const stack = memoryStack();
    const { reference, token } = await formComplaint(stack);
    const link = { reference, token };
    expect(await stack.useCases.complainant.viewAddressConfirmation(link)).toEqual({ organisation: 'the County Council', reference, confirmed: false });
    expect(await confirmed(stack, reference)).toBe(false);
    expect(await stack.useCases.complainant.confirmAddress({ ...link, at: new Date('2026-11-23T11:00:00Z') })).toEqual({ reference, already: false });
    expect(await confirmed(stack, reference)).toBe(true);
    expect((await stack.cases.timeline(reference)).some((e) => e.summary === `The complainant confirmed ${VICTIM} with the link in the letter sent to it`)).toBe(true);
    expect(await stack.useCases.complainant.confirmAddress({ ...link, at: new Date('2026-11-23T11:05:00Z') })).toEqual({ reference, already: true });
    expect(await stack.useCases.complainant.viewAddressConfirmation(link)).toMatchObject({ confirmed: true });
  });

  it("with a wrong token, another case's token, or a case with nothing to confirm, opens nothing", async () => {
    const stack = memoryStack();
    const a = await formComplaint(stack);
    const [emailed] = await stack.deliver(email(['From: pat@example.net', `To: ${COUNCIL}`, 'Subject: Bins']));
    const other = (emailed as { reference: string }).reference;
    for (const link of [
      { reference: a.reference, token: 'A'.repeat(43) },
      { reference: a.reference, token: a.token.slice(1) },
      { reference: other, token: a.token },
      { reference: 'CCC-2026-9999', token: a.token },
    ]) {
      await expect(stack.useCases.complainant.viewAddressConfirmation(link)).rejects.toThrow('this link does not confirm any email address');
      await expect(stack.useCases.complainant.confirmAddress({ ...link, at: new Date() })).rejects.toThrow('this link does not confirm any email address');
    }
    expect(await confirmed(stack, a.reference)).toBe(false);
  });
});

describe('the letter that asks', () => {
  it('says plainly how to confirm (the link, or a reply with the code) and carries nothing the form said', async () => {
    const stack = memoryStack();
    const { reference, letter, url, code } = await formComplaint(stack);
    expect(letter.subject).toBe(`[${reference}] Please confirm your email address for your complaint to the County Council`);
    expect(letter.text).toBe(
      [
        'Hello,',
        '',
        `This email address was given when a complaint was made to the County Council on its website. We have recorded the complaint under reference ${reference}.`,
        '',
        'If you made the complaint',
        '-------------------------',
        '',
        'Please confirm that this email address is yours. We will then write to you here about your complaint. Until you confirm it, we will not send anything else to this address.',
        '',
        'To confirm, open this link and press the "Confirm my email address" button on the page it opens:',
        url,
        '',
        `Or reply to this email. Your reply must include this code: ${code}`,
        '',
        'Most email programs keep our email, with the code, below your reply. If yours does not, copy the code into your reply.',
        '',
        'If you did not make a complaint',
        '-------------------------------',
        '',
        'You do not need to do anything. Ignore this email and we will not write to you again.',
        '',
        'County Council',
        '',
      ].join('\n'),
    );
    expect(letter.text).not.toContain('Form Person');
    expect(letter.text).not.toContain('bins');
  });

  it("is not shown on the complainant's page, whose address the form's sender is given: its link and code are the proof", async () => {
    const stack = memoryStack();
    const { pageToken, token, code } = await formComplaint(stack);
    const view = await stack.useCases.complainant.view(pageToken);
    expect(JSON.stringify(view)).not.toContain(token);
    expect(JSON.stringify(view)).not.toContain(code);
  });
});
