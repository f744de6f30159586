/**
 * Staff mail is never a complaint (issue 21, item 3): notices come from a staff-notices sender, not the complaints
 * address; a member of staff who replies to one, or writes to the complaints address, is recorded on the case their
 * mail quotes as a staff message (never shown to the complainant, never sent anywhere), or held with a person told.
 * Never a case, never acknowledged, never counted. A From that SES's checks do not vouch for is held, not recorded.
 * And an out-of-office reply to a closed case is recorded on it (item 10). Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { IntakeOutcome } from '#application/intake/take-email';
import { recordStaffMail, StaffMailFromPersonAboutError } from '#domain/case/staff-mail';
import { staffNoticesSender } from '#domain/policy/staff-addresses';
import { annualFigures } from '#domain/reporting/annual-figures';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const COUNCIL = 'complaints@county-council.example';
/** The council's stage 1 handler's staff mailbox (policies/county-council.yaml): where the new-case notice goes. */
const HANDLER = 'service-manager.notices@county-council.example';
const PASSED = { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', spam: 'PASS', virus: 'PASS' } as const;

async function complaint(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email(['From: Pat Person <pat@example.net>', `To: ${COUNCIL}`, 'Subject: The bins', 'Message-ID: <pat1@example.net>'], 'The bins were missed for the third week running.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

function noticeTo(stack: MemoryStack, address: string, reference: string) {
  const notice = stack.mailer.sent.find((m) => m.to.includes(address) && m.subject.includes(reference));
  if (!notice) throw new Error(`no notice to ${address} about ${reference}: ${JSON.stringify(stack.mailer.sent.map((m) => [m.to, m.subject]))}`);
  return notice;
}

/** Presses Reply on a notice in a mail client: to its sender, quoting it. */
function replyTo(notice: { from: { address: string }; subject: string; messageId: string; text: string }, from: string, words: string): string {
  return email(
    [`From: Sam Manager <${from}>`, `To: ${notice.from.address}`, `Subject: Re: ${notice.subject}`, `In-Reply-To: ${notice.messageId}`, `References: ${notice.messageId}`, 'Message-ID: <staff-reply-1@county-council.example>'],
    `${words}\n\n> ${notice.text.split('\n').join('\n> ')}`,
  );
}

async function councilCases(stack: MemoryStack): Promise<string[]> {
  return (await stack.cases.newestFirst('county-council')).map((c) => c.reference);
}

function only(outcomes: IntakeOutcome[]): IntakeOutcome {
  expect(outcomes).toHaveLength(1);
  return outcomes[0] as IntakeOutcome;
}

describe('staff replying to a notice', () => {
  it('notices come from the staff-notices sender, never the complaints address', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const notice = noticeTo(stack, HANDLER, reference);
    expect(notice.from.address.toLowerCase()).not.toBe(COUNCIL);
    expect(notice.from.address).toBe(staffNoticesSender(seedPolicies.get('county-council')));
    expect(notice.from.address).toBe('staff-notices@county-council.example');
    // The complainant's acknowledgement still comes from the complaints address, which their reply goes to.
    expect(stack.mailer.sent.find((m) => m.to.includes('pat@example.net'))?.from.address).toBe(COUNCIL);
  });

  it('a reply to a new-case notice is recorded on that case as a staff message: no case, no acknowledgement, no notice, not counted', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const notice = noticeTo(stack, HANDLER, reference);
    const sent = stack.mailer.sent.length;
    const outcome = only(await stack.deliver(replyTo(notice, HANDLER, 'I will ring Pat today.'), { verdicts: PASSED }));
    expect(outcome).toEqual({ kind: 'staff-mail-recorded', policyId: 'county-council', reference });
    expect(await councilCases(stack)).toEqual([reference]);
    const timeline = await stack.cases.timeline(reference);
    const staffMail = timeline.filter((e) => e.type === 'staff-mail');
    expect(staffMail).toHaveLength(1);
    expect(staffMail[0]).toMatchObject({ actor: HANDLER, summary: `Staff message from ${HANDLER}` });
    expect(staffMail[0]?.detail).toMatchObject({ text: expect.stringContaining('I will ring Pat today.') as string });
    // Not a message from the complainant: nothing the complainant's mail does (a notice, a next-stage question).
    expect(timeline.filter((e) => e.type === 'mail-in')).toEqual([]);
    await stack.drain();
    expect(stack.mailer.sent.slice(sent)).toEqual([]);
    expect(stack.mailer.sent.filter((m) => m.to.includes(HANDLER) && /acknowledg/i.test(m.subject))).toEqual([]);
    const year = DateTime.fromJSDate(stack.clock.now()).year;
    expect(annualFigures(seedPolicies.get('county-council'), await stack.reportRecords.ofYear('county-council', year), year, `${year}-12-31`).received).toBe(1);
    // The same reply delivered twice is recorded once.
    expect(only(await stack.deliver(replyTo(notice, HANDLER, 'I will ring Pat today.'), { verdicts: PASSED }))).toMatchObject({ kind: 'staff-mail-recorded', reference });
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'staff-mail')).toHaveLength(1);
  });

  it('a reply sent to the complaints address (an old notice, a typed address) is recorded as staff mail too', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const notice = noticeTo(stack, HANDLER, reference);
    const outcome = only(await stack.deliver(replyTo({ ...notice, from: { address: COUNCIL } }, HANDLER, 'Noted.'), { verdicts: PASSED }));
    expect(outcome).toMatchObject({ kind: 'staff-mail-recorded', reference });
    expect(await councilCases(stack)).toEqual([reference]);
  });
});

describe('staff mail that quotes no case, or that nothing vouches for', () => {
  it('staff mail with no reference is held and a person told: no case, no acknowledgement', async () => {
    const stack = memoryStack();
    const sent = stack.mailer.sent.length;
    const outcome = only(await stack.deliver(email([`From: ${HANDLER}`, `To: ${COUNCIL}`, 'Subject: Question about the procedure'], 'Who handles stage 2 this month?'), { verdicts: PASSED }));
    expect(outcome).toMatchObject({ kind: 'held', policyId: 'county-council', reason: 'staff-mail' });
    expect(await councilCases(stack)).toEqual([]);
    await stack.drain();
    const out = stack.mailer.sent.slice(sent);
    expect(out.filter((m) => m.to.includes(HANDLER) && !m.subject.startsWith('Message held'))).toEqual([]);
    const told = out.filter((m) => m.subject.startsWith('Message held for review'));
    expect(told).toHaveLength(1);
    expect(told[0]?.subject).toBe('Message held for review: it came from a staff address and quotes no case');
    expect(told[0]?.text).toContain('Mail from staff is never taken for a complaint.');
  });

  it('a forged staff From (DMARC fails) quoting a case is held, not written onto the case, and a person told', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const notice = noticeTo(stack, HANDLER, reference);
    const sent = stack.mailer.sent.length;
    const outcome = only(await stack.deliver(replyTo(notice, HANDLER, 'Case closed, no need to reply.'), { verdicts: { ...PASSED, dmarc: 'FAIL' } }));
    expect(outcome).toMatchObject({ kind: 'held', policyId: 'county-council', reason: 'staff-unverified' });
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'staff-mail' || e.type === 'mail-in')).toEqual([]);
    expect(await councilCases(stack)).toEqual([reference]);
    await stack.drain();
    expect(stack.mailer.sent.slice(sent).map((m) => m.subject)).toEqual([expect.stringMatching(/^Message held for review/)]);
  });

  it('a staff From with no DMARC verdict (GRAY) is not enough to write as staff: held', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const notice = noticeTo(stack, HANDLER, reference);
    const outcome = only(await stack.deliver(replyTo(notice, HANDLER, 'Noted.'), { verdicts: { ...PASSED, dmarc: 'GRAY' } }));
    expect(outcome).toMatchObject({ kind: 'held', reason: 'staff-unverified' });
  });

  it('mail to the staff-notices address from someone who is not staff is held for a person, never a case', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const notice = noticeTo(stack, HANDLER, reference);
    const outcome = only(await stack.deliver(replyTo(notice, 'stranger@example.net', 'Forwarded to me by mistake'), { verdicts: PASSED }));
    expect(outcome).toMatchObject({ kind: 'held', policyId: 'county-council', reason: 'staff-notices-reply' });
    expect(await councilCases(stack)).toEqual([reference]);
  });
});

describe('staff mail from a person the case is about', () => {
  it("the CEO's staff address quoting a case about the CEO is held, never written onto it; the Chair is told, not the CEO", async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Dana Levi <dana@example.net>', 'To: Shaked@alumot.uk', 'Subject: Complaint about the Chief Executive'], 'I want to complain about Shaked Nir, who was rude to me.'));
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    const reference = o.reference;
    expect((await stack.cases.get(reference))?.handlerRole).toBe('chair');
    await stack.drain();
    const sent = stack.mailer.sent.length;
    const ceoMail = email(['From: Shaked Nir <ceo.notices@alumot.example>', 'To: Shaked@alumot.uk', `Subject: Re: [${reference}] Dana Levi`], 'Staff note: Dana was the one who was rude. Close this.');
    const outcome = only(await stack.deliver(ceoMail, { verdicts: PASSED }));
    expect(outcome).toMatchObject({ kind: 'held', policyId: 'alumot', reason: 'staff-about' });
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'staff-mail' || e.type === 'mail-in')).toEqual([]);
    await stack.drain();
    const out = stack.mailer.sent.slice(sent);
    for (const box of ['ceo.notices@alumot.example', 'shaked@alumot.uk']) expect(out.filter((m) => m.to.some((t) => t.toLowerCase() === box))).toEqual([]);
    const told = out.filter((m) => m.to.includes('chair.notices@alumot.example'));
    expect(told).toHaveLength(1);
    expect(told[0]?.subject).toMatch(/^Message held for review: it came from the staff address of someone the case it quotes is about/);
    expect(told[0]?.text).toContain(reference);
    // Held away from the CEO among held mail, as the case is.
    const [held] = (await stack.heldMail.list('alumot')).filter((h) => h.reason === 'staff-about');
    expect(held?.aboutRoles).toContain('ceo');
  });

  it('is refused in the write itself, so a case named after the mail was read still never takes it', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Dana Levi <dana@example.net>', 'To: Shaked@alumot.uk', 'Subject: Complaint about the Chief Executive'], 'I want to complain about Shaked Nir.'));
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    const c = await stack.cases.get(o.reference);
    if (!c) throw new Error('no case');
    const mail = { key: 'k', rawKey: 'r', receivedAt: '2026-11-24T10:00:00Z', sender: 'CEO.Notices@alumot.example', subject: 's', text: 't', automatic: false };
    expect(() => recordStaffMail(seedPolicies.get('alumot'), c, mail, '2026-11-24T10:00:00Z')).toThrow(StaffMailFromPersonAboutError);
    expect(recordStaffMail(seedPolicies.get('alumot'), c, { ...mail, sender: 'chair.notices@alumot.example' }, '2026-11-24T10:00:00Z').events).toHaveLength(1);
  });

  it('another member of staff writing on that case is still recorded as staff mail', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Dana Levi <dana@example.net>', 'To: Shaked@alumot.uk', 'Subject: Complaint about the Chief Executive'], 'I want to complain about Shaked Nir, who was rude to me.'));
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    const chairMail = email(['From: chair.notices@alumot.example', 'To: Shaked@alumot.uk', `Subject: Re: [${o.reference}] Dana Levi`], 'I will call Dana this week.');
    expect(only(await stack.deliver(chairMail, { verdicts: PASSED }))).toMatchObject({ kind: 'staff-mail-recorded', reference: o.reference });
  });
});

describe('an out-of-office reply to a closed case', () => {
  it.each([
    ['threaded by In-Reply-To', true],
    ['quoting the reference in its subject only (as many responders send it)', false],
  ])('%s, is recorded on the case: on its timeline, no letter, not reopened', async (_how, threaded) => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    await stack.useCases.staff.close({ category: 'other', reference, at: DateTime.fromJSDate(stack.clock.now()), actor: HANDLER });
    await stack.drain();
    const letter = [...stack.mailer.sent].reverse().find((m) => m.to.includes('pat@example.net'));
    const sent = stack.mailer.sent.length;
    const away = email(['From: pat@example.net', `To: ${COUNCIL}`, `Subject: Automatic reply: ${letter?.subject}`, ...(threaded ? [`In-Reply-To: ${letter?.messageId}`] : []), 'Auto-Submitted: auto-replied'], 'I am away until Monday.');
    expect(letter?.subject).toContain(reference);
    expect(only(await stack.deliver(away))).toEqual({ kind: 'threaded', policyId: 'county-council', reference });
    const events = (await stack.cases.timeline(reference)).filter((e) => e.type === 'mail-in');
    expect(events.map((e) => e.summary)).toEqual(['Automatic reply from pat@example.net']);
    expect((await stack.cases.get(reference))?.status).toBe('closed');
    await stack.drain();
    expect(stack.mailer.sent.slice(sent)).toEqual([]);
    expect(await stack.heldMail.list('county-council')).toEqual([]);
  });
});
