/**
 * A complaint about a person, read from its words (issue 21, item 1): routed as the form's "about" field routes it,
 * kept from the person on every path, with the reason on the case for the independent handler to confirm or undo.
 * Over memory fakes; the first test is the issue's own mail, which on the code as found went to the CEO.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { IntakeOutcome } from '#application/intake/take-email';
import { heldFor, heldToSettle } from '#application/console/held-access';
import { morningView } from '#application/console/morning-view';
import { searchCases } from '#application/console/search-cases';
import { mayKnowOf } from '#domain/access/case-access';
import { aboutRoleOf } from '#domain/case/about-role';
import { overdueActions } from '#domain/digest/overdue-actions';
import type { StaffMember } from '#domain/access/staff-member';
import { complaintOwnWords, namedInComplaint, namedReason } from '#domain/case/named-in-complaint';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';
import { settingsFrom } from '#composition/settings';
import { loadConfig } from '#config/config';

const alumot = seedPolicies.get('alumot');
const person = (role: string): StaffMember => ({ id: role, name: role, email: `${role}@alumot.example`, memberships: [{ policyId: 'alumot', role }], operator: false });
const CEO_MAILBOXES = ['ceo.notices@alumot.example', 'shaked@alumot.uk'];

function opened(outcomes: IntakeOutcome[]): string {
  const [o] = outcomes;
  if (outcomes.length !== 1 || o?.kind !== 'case-opened') throw new Error(`expected a new case, got ${JSON.stringify(outcomes)}`);
  return o.reference;
}
const mailTo = (stack: MemoryStack, address: string) => stack.mailer.sent.filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase()));
const textOf = (m: { text?: string; html?: string }) => m.text ?? '';

/** The issue's mail, as reproduced on main. */
const ISSUE_MAIL = email(
  ['From: Dana Levi <dana@example.net>', 'To: Shaked@alumot.uk', 'Subject: Complaint about the Chief Executive', 'Message-ID: <issue21@example.net>'],
  [
    'Dear Board,',
    '',
    'I want to complain about Shaked Nir. At the members\u2019 evening on 3 November Shaked Nir spoke to me',
    'rudely in front of the group and refused to let me finish. I have not been able to go back since.',
    '',
    'Please make sure this goes to the Board and not to the Chief Executive.',
    '',
    'Dana Levi',
  ].join('\n'),
);

describe('a complaint that names the Chief Executive, by email', () => {
  it('the issue\u2019s mail: the CEO gets nothing and cannot find it; the Chair handles it; the letter names the Chair; the case says why', async () => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(ISSUE_MAIL));
    await stack.drain();

    const c = await stack.cases.get(reference);
    expect(c?.handlerRole).toBe('chair');
    expect(c?.named?.roles).toEqual(['ceo']);
    // The reason, with where it was found, for the Chair to confirm or undo.
    expect(c?.named?.found.map((f) => `${f.where}: ${f.words}`)).toEqual(['subject: Chief Executive', 'body: Shaked Nir']);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'named')?.summary).toMatch(/names the Chief Executive .*"Chief Executive" in the subject.*"Shaked Nir" in the body/);

    // Nothing reaches the CEO's mailboxes; the Chair's notice says why it came to them.
    for (const box of CEO_MAILBOXES) expect(mailTo(stack, box)).toEqual([]);
    const notice = mailTo(stack, 'chair.notices@alumot.example');
    expect(notice).toHaveLength(1);
    expect(textOf(notice[0] as { text?: string })).toMatch(/names the Chief Executive/);

    // The acknowledgement names the Chair, never the CEO, and says nothing of how it was routed.
    const [ack] = mailTo(stack, 'dana@example.net');
    const words = textOf(ack as { text?: string });
    expect(words).toMatch(/the Chair of our Board of Trustees \(or a trustee the Board chooses\) will look into your complaint/i);
    expect(words).not.toMatch(/Shaked|Chief Executive|CEO|names|rout/i);

    // Every console path: the CEO may not know of it (case page, search, morning view); the Chair may.
    expect(mayKnowOf(person('ceo'), alumot, c!)).toBe(false);
    expect(mayKnowOf(person('chair'), alumot, c!)).toBe(true);
    const now = DateTime.fromISO('2026-11-24T08:00:00Z');
    const morning = await morningView(stack, person('ceo'), now);
    expect(JSON.stringify(morning)).not.toContain(reference);
    const found = await searchCases({ ...stack, ...settingsFrom(loadConfig({ REDRESS_STACK: 'local' })) }, person('ceo'), { q: '', page: 1 }, 50, now);
    expect(found.found.map((f) => f.case.reference)).not.toContain(reference);

    // The digest: the CEO's copy (if any goes to them) never lists it.
    stack.mailer.sent.length = 0;
    await stack.useCases.sendDigest('alumot', DateTime.fromISO('2026-11-25T07:00:00Z'));
    await stack.drain();
    for (const box of CEO_MAILBOXES) for (const m of mailTo(stack, box)) expect(textOf(m)).not.toContain(reference);
  });

  it('the Chair may undo it with a reason (the CEO then handles it and is told) or confirm it; each is recorded, once', async () => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(ISSUE_MAIL));
    const at = DateTime.fromISO('2026-11-23T12:00:00Z');
    await expect(stack.useCases.staff.named({ reference, decision: 'confirm', at, actor: 'chair' })).resolves.toMatchObject({ named: { decided: 'confirmed' }, handlerRole: 'chair' });
    await expect(stack.useCases.staff.named({ reference, decision: 'undo', at, actor: 'chair' })).rejects.toThrow(/already confirmed/);

    const other = opened(await stack.deliver(email(['From: kim@example.net', 'To: Shaked@alumot.uk', 'Subject: The CEO\u2019s newsletter'], 'The chief executive\u2019s newsletter arrived late again.')));
    const undone = await stack.useCases.staff.named({ reference: other, decision: 'undo', at, actor: 'chair', reason: 'it is about the newsletter, not the CEO' });
    expect(undone.handlerRole).toBe('ceo');
    expect(mayKnowOf(person('ceo'), alumot, undone)).toBe(true);
    await stack.drain();
    expect(mailTo(stack, 'ceo.notices@alumot.example').map((m) => m.subject)).toEqual([expect.stringContaining(other)]);
    expect((await stack.cases.timeline(other)).some((e) => e.type === 'named-undone' && /newsletter/.test(e.summary))).toBe(true);
  });
});

describe('the address a policy publishes for complaints about its head', () => {
  it('mail to Alumot\u2019s Board address is about the CEO whatever it says', async () => {
    const stack = memoryStack();
    const reference = opened(await stack.deliver(email(['From: ari@example.net', 'To: board@alumot.example', 'Subject: A complaint'], 'Something happened at the office that I want looked at.')));
    await stack.drain();
    const c = await stack.cases.get(reference);
    expect(c).toMatchObject({ policyId: 'alumot', about: 'ceo', handlerRole: 'chair' });
    for (const box of CEO_MAILBOXES) expect(mailTo(stack, box)).toEqual([]);
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'named')?.summary).toMatch(/sent to board@alumot\.example.*2\.1/);
  });
});

describe('what counts as the complainant\u2019s own words', () => {
  it('a reply quoting our letter that names the handler does not reroute it', async () => {
    const stack = memoryStack();
    const first = opened(await stack.deliver(email(['From: lee@example.net', 'To: Shaked@alumot.uk', 'Subject: Late refund'], 'My refund is three weeks late.')));
    expect((await stack.cases.get(first))?.handlerRole).toBe('ceo');
    // From another address (so it opens its own case, flagged), quoting the CEO-named acknowledgement in both styles.
    const reply = email(
      ['From: lee.work@example.net', 'To: Shaked@alumot.uk', `Subject: Re: [${first}] We have received your complaint`],
      ['Still no refund, please hurry.', '', 'On Mon, 23 Nov 2026 at 10:00, Alumot <Shaked@alumot.uk> wrote:', '> Our Chief Executive, Shaked Nir, will look into your complaint.'].join('\n'),
    );
    const second = opened(await stack.deliver(reply));
    expect((await stack.cases.get(second))).toMatchObject({ handlerRole: 'ceo' });
    expect((await stack.cases.get(second))?.named).toBeUndefined();
  });

  it('own words stop at the quoted letter, in each common style, and ">" lines never count', () => {
    expect(complaintOwnWords('Mine.\n\nOn Mon, 23 Nov 2026, Alumot\n<a@b> wrote:\n> CEO')).toBe('Mine.');
    expect(complaintOwnWords('Mine.\n-----Original Message-----\nFrom: Alumot\nCEO')).toBe('Mine.');
    expect(complaintOwnWords('Mine.\n________________________________\nFrom: Alumot <a@b>\nSent: Monday\nCEO')).toBe('Mine.');
    expect(complaintOwnWords('Mine.\n> CEO quoted\nmore mine.')).toBe('Mine.\nmore mine.');
  });

  it.each([
    ['Complaint about the Chief Executive', '', ['ceo']],
    ['', 'the chief exec was rude', ['ceo']],
    ['', 'The CEO\u2019s decision was wrong', ['ceo']],
    ['', "SHAKED  NIR's email upset me", ['ceo']],
    ['', 'Ms Nir did not reply', ['ceo']],
    // Decided: a mention in the complainant's own words is enough (err toward keeping it from the person); the
    // Chair undoes it in one action when it is not about them.
    ['', "the chief executive's newsletter came late", ['ceo']],
    ['', 'the receptionist was rude; I would like the Board to know', []],
    ['', 'my nephew Shakedown Nirvana', []],
    // Whom the letter greets is whom it is written to (5.1 tells complainants to write to Shaked Nir), not whom it is about.
    ['', 'Dear Shaked Nir,\n\nThe volunteer did not come on Tuesday.', []],
    ['', 'To the CEO: the volunteer did not come.', []],
    ['', 'Dear Shaked Nir, the Chief Executive\u2019s assistant was rude.', ['ceo']],
    ['', 'Dear Board,\n\nI want to complain about Shaked Nir.', ['ceo']],
    ['', 'A CEOs meeting', []],
    // Disguised, or typed on another keyboard: a reader sees the CEO in each (found by a tester on npm start).
    ['', 'The C.E.O. was rude to me and ignored my letters.', ['ceo']],
    ['', 'The C. E. O. was rude to me.', ['ceo']],
    ['', 'The \uff23\uff25\uff2f refused to meet me.', ['ceo']],
    ['', 'The \u0421\u0415\u041e refused to meet me.', ['ceo']],
    ['', 'The CE\u200bO refused to meet me.', ['ceo']],
    ['', 'Shaked refused to meet me and would not say why.', ['ceo']],
    ['', 'e.g. the volunteer, i.e. the one on Tuesdays, did not come.', []],
  ])('subject %j, body %j names %j', (subject, body, roles) => {
    expect(namedInComplaint(alumot, { subject, text: body }).roles).toEqual(roles);
  });

  it('the reason quotes the form found ("Ms Nir", "Dr Nir"), never a pattern', () => {
    const words = (text: string) => namedInComplaint(alumot, { subject: '', text }).found.map((f) => f.words);
    expect(words('Ms Nir did not reply')).toEqual(['Ms Nir']);
    expect(words('I wrote to DR.  nir twice')).toEqual(['Dr Nir']);
    expect(words('mrs nir never called')).toEqual(['Mrs Nir']);
    expect(namedReason(alumot, namedInComplaint(alumot, { subject: '', text: 'Ms Nir did not reply' }))).toBe('names the Chief Executive (Shaked Nir): "Ms Nir" in the body');
  });

  it('a name two roles share keeps the complaint from both', () => {
    const policy = { ...alumot, roles: alumot.roles.map((r) => (r.id === 'chair' ? { ...r, namedAs: ['Shaked Nir'] } : r)) };
    expect(namedInComplaint(policy, { subject: '', text: 'Shaked Nir was rude' }).roles).toEqual(['ceo', 'chair']);
  });

  it('bounded: a very large body is read only so far (the handler reads the rest)', () => {
    const huge = `${'word '.repeat(400_000)} Chief Executive`;
    expect(namedInComplaint(alumot, { subject: '', text: huge }).roles).toEqual([]);
    expect(namedInComplaint(alumot, { subject: '', text: `Chief Executive ${huge}` }).roles).toEqual(['ceo']);
  });
});

describe('held mail that names the Chief Executive', () => {
  it('is not told to the CEO, nor listed or opened for them; the Chair sees it', async () => {
    const stack = memoryStack();
    const [outcome] = await stack.deliver(email(['From: list@example.net', 'To: Shaked@alumot.uk', 'Subject: Complaint about the CEO', 'Precedence: bulk'], 'Shaked Nir ignored my letters.'));
    expect(outcome).toMatchObject({ kind: 'held', reason: 'possibly-automatic' });
    await stack.drain();
    for (const box of CEO_MAILBOXES) expect(mailTo(stack, box)).toEqual([]);
    expect(mailTo(stack, 'chair.notices@alumot.example')).toHaveLength(1);
    const listed = async (role: string) => (await heldFor(stack, person(role))).flatMap((g) => g.messages.map((m) => m.id));
    expect(await listed('ceo')).toEqual([]);
    expect(await listed('chair')).toHaveLength(1);
    const id = (await listed('chair'))[0] as string;
    await expect(heldToSettle(stack, person('ceo'), id)).rejects.toThrow(/no held message/);
  });
});

describe('the web form\u2019s own words', () => {
  it('name the CEO as an email does; a person chosen in "about" stays, and the one named is kept out too', async () => {
    const stack = memoryStack();
    const submit = (key: string, summary: string, about?: string) =>
      stack.useCases.submitWebComplaint({
        policyId: 'alumot',
        form: { name: 'Pat', email: 'pat@example.net', summary, confidential: false, consent: true, formToken: '1795428000000.page-token', ...(about ? { about } : {}) },
        submissionKey: key,
        receivedAt: '2026-11-23T10:00:00.000Z',
        sourceIp: '192.0.2.1',
      });
    const plain = await submit('k1', 'The CEO cancelled my session twice.');
    expect(await stack.cases.get(plain.reference)).toMatchObject({ handlerRole: 'chair', named: { roles: ['ceo'] } });
    const chosen = await submit('k2', 'The staff member was rude and Shaked Nir did nothing.', 'staff');
    const c = await stack.cases.get(chosen.reference);
    expect(c).toMatchObject({ about: 'staff', named: { roles: ['ceo'] }, handlerRole: 'chair' });
    expect(mayKnowOf(person('ceo'), alumot, c!)).toBe(false);
    expect(mayKnowOf(person('staff'), alumot, c!)).toBe(false);
    await stack.drain();
    for (const box of CEO_MAILBOXES) expect(mailTo(stack, box)).toEqual([]);
  });
});

describe('the indexes keep every role a case is about', () => {
  it('an overdue action of a complaint about two roles is shown to neither', () => {
    const c = { about: 'staff', named: { roles: ['ceo'], found: [] } };
    const indexed = aboutRoleOf(c);
    expect(indexed).toEqual({ aboutRole: 'staff', aboutRoles: ['staff', 'ceo'] });
    const pastDue = [{ reference: 'ALU-2026-0009', n: 1, due: '2026-11-01', stage: 'stage-1', ...indexed }];
    for (const role of ['staff', 'ceo']) expect(overdueActions(alumot, pastDue, '2026-11-23', new Set([role]))).toEqual([]);
    expect(overdueActions(alumot, pastDue, '2026-11-23', new Set(['chair']))).toHaveLength(1);
    // Undone, the named role is no longer kept out.
    expect(aboutRoleOf({ ...c, named: { ...c.named, decided: 'undone' as const } })).toEqual({ aboutRole: 'staff' });
  });
});
