/**
 * Letters by post and staff's own messages (issue 23), over the memory fakes: a complainant who asked for post gets
 * every letter as a letter for post; `case posted` records the day a letter went, shows it on the case page and
 * counts the outcome's windows from it (or from the letter's date where the policy says so); `case message` writes
 * staff's words in the policy's frame, threaded on the case, on the timeline and the complainant's page, and never
 * to an address its owner has not proved.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { caseWrite } from '#application/case-write';
import { ActionRefusedError } from '#domain/case/case-change';
import type { Case, Complainant } from '#domain/case/case';
import { markPosted } from '#domain/case/actions/mark-posted';
import { letterFor } from '#domain/letters/complainant-letter';
import { previewFacts } from '#domain/letters/letter-preview';
import { threadKey } from '#domain/mail/message-id';
import { LETTER_KINDS, type Policy } from '#domain/policy/policy-schema';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const PAT = 'pat@example.net';
const NAM = 'not.alone.mentoring@gmail.com';
const ADDRESS = '14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR';
const SENDING = { mailDomain: 'redress.test', operatorEmail: 'ops@redress.test', pageBaseUrl: 'https://complaints.example.org' };
const REASONS = 'We read the session records and spoke to the volunteer. The sessions were cancelled without notice.';
const OFFICER = ['not-alone-mentoring:complaints-officer'];

async function emailed(stack: MemoryStack, to = NAM): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, `To: ${to}`, 'Subject: About my sessions'], 'The volunteer did not come to three sessions.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

/** The complainant's details changed as the "correct details" action will (another part of issue 23), written as one change. */
async function withComplainant(stack: MemoryStack, reference: string, details: Partial<Complainant>): Promise<Case> {
  const c = (await stack.cases.get(reference)) as Case;
  await stack.cases.write(caseWrite(c, { case: { ...c, complainant: { ...c.complainant, ...details } }, events: [], letters: [], threadKeys: [], deadlinesChanged: false }, c.updatedAt));
  return (await stack.cases.get(reference)) as Case;
}

async function phoneCase(stack: MemoryStack, policyId = 'not-alone-mentoring'): Promise<string> {
  const { reference } = await stack.useCases.staff.open({ policyId, at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', phone: '01632 960001', address: ADDRESS, summary: 'The volunteer did not come to three sessions.', channel: 'phone', confidential: false });
  return reference;
}

/**
 * Not Alone Mentoring to its stage two outcome on Friday 4 December 2026, the complainant having asked for post
 * once their signed complaint came: the outcome letter is drafted for post.
 */
async function outcomeForPost(stack: MemoryStack): Promise<Case> {
  const reference = await emailed(stack);
  await stack.useCases.staff.sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
  await withComplainant(stack, reference, { preferredChannel: 'post', postalAddress: ADDRESS });
  const decided = await stack.useCases.staff.outcome({ reference, decision: 'upheld', summary: REASONS, remedies: ['apology'], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' });
  await stack.drain();
  return decided;
}

const toPat = (stack: MemoryStack) => stack.mailer.sent.filter((m) => m.to.includes(PAT));

describe('a complainant who asked for post', () => {
  for (const policy of seedPolicies.all) {
    it(`${policy.id}: every kind of letter is a letter for post, though their address is proved`, async () => {
      const stack = memoryStack();
      const reference = await emailed(stack, policy.intake.addresses[0] as string);
      const c = await withComplainant(stack, reference, { preferredChannel: 'post', postalAddress: ADDRESS });
      const written = '2026-11-24T15:00:00Z';
      for (const kind of LETTER_KINDS.filter((k) => k !== 'confirm-address')) {
        const delivery = letterFor(policy, c, previewFacts(policy, kind, c, at(written)), 'test', written, SENDING);
        expect(delivery.letters, kind).toEqual([]);
        expect(delivery.events[0]?.type, kind).toBe('letter-drafted');
        expect(String(delivery.events[0]?.summary), kind).toContain('the complainant asked for letters by post');
        expect(String(delivery.events[0]?.detail?.text), kind).toContain('Little Ouseburn');
      }
    });
  }

  it('gets no email from the case once they ask, and each letter is kept on the case to post', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    await withComplainant(stack, reference, { preferredChannel: 'post', postalAddress: ADDRESS });
    const before = toPat(stack).length;
    // Signed: the acknowledgement the policy then sends, and later the outcome, both for post.
    await stack.useCases.staff.sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    const decided = await stack.useCases.staff.outcome({ reference, decision: 'upheld', summary: REASONS, remedies: ['apology'], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(toPat(stack).length).toBe(before);
    expect(decided.postLetters?.map((l) => [l.kind, l.postedOn])).toEqual([
      ['acknowledgement', undefined],
      ['outcome', undefined],
    ]);
  });
});

describe('case posted', () => {
  it('records the day the outcome letter went, and the appeal window counts from it', async () => {
    const stack = memoryStack();
    const decided = await outcomeForPost(stack);
    const { reference } = decided;
    // 8.1: fourteen working days from Friday 4 December, the day the outcome was recorded.
    expect(decided.deadlines.find((d) => d.kind === 'appeal-window')?.dueDate).toBe('2026-12-24');
    const letter = decided.postLetters?.find((l) => l.kind === 'outcome');
    expect(letter).toBeDefined();

    const posted = await stack.useCases.staff.posted({ reference, at: at('2026-12-08T09:00:00Z'), actor: 'katie', letter: letter?.id as string, on: '2026-12-07' });
    // From Monday 7 December: 25 and 28 December are bank holidays.
    const window = posted.deadlines.find((d) => d.kind === 'appeal-window');
    expect(window?.dueDate).toBe('2026-12-29');
    expect(window?.status).toBe('pending');
    expect(posted.deadlinesVersion).toBe(decided.deadlinesVersion + 1);
    expect(posted.postLetters?.find((l) => l.id === letter?.id)).toMatchObject({ postedOn: '2026-12-07', postedBy: 'katie' });
    const event = (await stack.cases.timeline(reference)).find((e) => e.type === 'letter-posted');
    expect(event?.summary).toContain('Posted Monday 7 December 2026');
    expect(event?.summary).toContain('29 December 2026');
    expect(event?.actor).toBe('katie');

    // The case page: posted on its day, never lost from the list; a message written after it still to post.
    await stack.useCases.staff.message({ reference, at: at('2026-12-08T10:00:00Z'), actor: 'katie', subject: 'Your documents', text: 'We have received your documents.' });
    const console = await consoleOverMemory(stack);
    const { page } = await console.page(`/console/cases/${reference}`, OFFICER);
    expect(page).toContain('posted Monday 7 December 2026');
    expect(page).toContain(', to post');
    expect(page).toContain(`/console/cases/${reference}/actions/posted?letter=`);
  });

  it('is refused for a letter not drafted for post, twice, on a day to come or before it was written', async () => {
    const stack = memoryStack();
    const decided = await outcomeForPost(stack);
    const { reference } = decided;
    const id = decided.postLetters?.find((l) => l.kind === 'outcome')?.id as string;
    const staff = stack.useCases.staff;
    const when = { reference, at: at('2026-12-08T09:00:00Z'), actor: 'katie' };
    await expect(staff.posted({ ...when, letter: 'no-such-letter' })).rejects.toThrow(/has no letter for post with id "no-such-letter"/);
    await expect(staff.posted({ ...when, letter: id, on: '2026-12-09' })).rejects.toThrow('Wednesday 9 December 2026 has not come yet');
    await expect(staff.posted({ ...when, letter: id, on: '2026-12-03' })).rejects.toThrow('the letter was written on Friday 4 December 2026');
    await expect(staff.posted({ ...when, letter: id, on: '7 Dec' })).rejects.toThrow('is not a date');
    // Today, when no day is given.
    expect((await staff.posted({ ...when, letter: id })).postLetters?.find((l) => l.id === id)?.postedOn).toBe('2026-12-08');
    await expect(staff.posted({ ...when, letter: id })).rejects.toThrow('was already recorded as posted on Tuesday 8 December 2026');
  });

  it("leaves the window on the letter's date where the policy counts from the date of the letter", async () => {
    const stack = memoryStack();
    const decided = await outcomeForPost(stack);
    const policy = seedPolicies.get('not-alone-mentoring');
    const dated: Policy = {
      ...policy,
      stages: policy.stages.map((s) => ({ ...s, deadlines: s.deadlines.map((r) => (r.kind === 'appeal-window' ? { ...r, fromLetter: 'dated' as const } : r)) })),
    };
    const id = decided.postLetters?.find((l) => l.kind === 'outcome')?.id as string;
    const ctx = { at: at('2026-12-08T09:00:00Z'), actor: 'katie', sending: SENDING };
    const byDate = markPosted(dated, decided, { letter: id, on: '2026-12-07' }, ctx);
    expect(byDate.case.deadlines.find((d) => d.kind === 'appeal-window')?.dueDate).toBe('2026-12-24');
    expect(byDate.deadlinesChanged).toBe(false);
    // The same day the letter was written moves nothing either.
    expect(markPosted(policy, decided, { letter: id, on: '2026-12-04' }, ctx).deadlinesChanged).toBe(false);
  });

  it('moves no window for a letter that is not the outcome', async () => {
    const stack = memoryStack();
    const decided = await outcomeForPost(stack);
    const { reference } = decided;
    const written = await stack.useCases.staff.message({ reference, at: at('2026-12-07T09:00:00Z'), actor: 'katie', subject: 'Your documents', text: 'We have received your documents.' });
    const id = written.postLetters?.find((l) => l.kind === 'message')?.id as string;
    const posted = await stack.useCases.staff.posted({ reference, at: at('2026-12-08T09:00:00Z'), actor: 'katie', letter: id, on: '2026-12-08' });
    expect(posted.deadlines).toEqual(decided.deadlines);
    expect(posted.deadlinesVersion).toBe(decided.deadlinesVersion);
  });
});

describe('case message', () => {
  it('writes staff words in the policy frame, by email threaded on the case, on the timeline and the complainant page', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    const before = toPat(stack).length;
    const hostile = 'Could you send us the dates of the missed sessions?\n\n## Not a heading\n- not a list\n<script>alert(1)</script> {{org}}';
    await stack.useCases.staff.message({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'katie', subject: 'A question about your sessions', text: hostile });
    await stack.drain();
    const sent = toPat(stack).slice(before);
    expect(sent).toHaveLength(1);
    const m = sent[0] as (typeof sent)[number];
    expect(m.subject).toBe(`[${reference}] A question about your sessions`);
    expect(m.text.startsWith('Dear Pat Person,\n\nCould you send us the dates of the missed sessions?')).toBe(true);
    expect(m.text).toContain('## Not a heading\n- not a list\n<script>alert(1)</script> {{org}}');
    expect(m.text).toContain('You can reply to this email');
    expect(m.text).toContain('Yours sincerely,\nNot Alone Mentoring');
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toMatch(/<h2[^>]*>Not a heading/);
    expect(m.html).not.toContain('<li>not a list');

    // Threaded: a reply to it joins the case.
    const entry = (await stack.outbox.ofCase(reference)).find((e) => e.kind === 'letter' && e.letter.purpose === 'message');
    expect(entry?.kind === 'letter' ? await stack.cases.byThread([threadKey(entry.letter.messageId)]) : undefined).toBe(reference);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'message-written')?.summary).toBe('Wrote to the complainant by email: A question about your sessions');
    const c = (await stack.cases.get(reference)) as Case;
    const page = await stack.useCases.complainant.view(c.page?.token as string);
    expect(page.letters.map((l) => l.subject)).toContain(`[${reference}] A question about your sessions`);
  });

  it('never goes to an address its owner has not proved: it becomes a letter for post', async () => {
    const stack = memoryStack();
    const reference = await emailed(stack);
    await withComplainant(stack, reference, { emailConfirmed: false, postalAddress: ADDRESS });
    const before = stack.mailer.sent.length;
    const changed = await stack.useCases.staff.message({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'katie', subject: 'Your documents', text: 'We have received your documents.' });
    await stack.drain();
    expect(stack.mailer.sent.length).toBe(before);
    expect(changed.postLetters?.map((l) => l.kind)).toEqual(['message']);
    const drafted = (await stack.cases.timeline(reference)).find((e) => e.type === 'letter-drafted' && e.detail?.kind === 'message');
    expect(String(drafted?.detail?.text)).toContain('We have received your documents.');
    expect(String(drafted?.detail?.text)).toContain('To reply, write to us at');
  });

  it('is refused empty, too long, or saying "reply to this email" on paper', async () => {
    const stack = memoryStack();
    const reference = await phoneCase(stack);
    const send = (subject: string, text: string) => stack.useCases.staff.message({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'katie', subject, text });
    await expect(send('', 'words')).rejects.toThrow('give the message a subject');
    await expect(send('A subject', '  \n ')).rejects.toThrow('write the message');
    await expect(send('x'.repeat(151), 'words')).rejects.toThrow('keep it to 150');
    await expect(send('A subject', 'y'.repeat(12_001))).rejects.toThrow('keep it to 12000');
    await expect(send('A subject', 'Please reply to this email.')).rejects.toThrow(ActionRefusedError);
  });

  it('shows in the console preview exactly what would be sent, and nothing is written', async () => {
    const console = await consoleOverMemory();
    const reference = await emailed(console.stack);
    const before = (await console.stack.cases.get(reference))?.version;
    const preview = await console.post(`/console/cases/${reference}/actions/message/preview`, { subject: 'A meeting', text: 'Could we meet on Tuesday 1 December at 10:00?' }, OFFICER);
    expect(preview.status).toBe(200);
    expect(preview.page).toContain(`[${reference}] A meeting`);
    expect(preview.page).toContain('Dear Pat Person,');
    expect(preview.page).toContain('Could we meet on Tuesday 1 December at 10:00?');
    expect((await console.stack.cases.get(reference))?.version).toBe(before);
    const done = await console.post(`/console/cases/${reference}/actions/message`, { subject: 'A meeting', text: 'Could we meet on Tuesday 1 December at 10:00?' }, OFFICER);
    expect(done.status).toBe(303);
    expect((await console.stack.cases.timeline(reference)).some((e) => e.type === 'message-written')).toBe(true);
  });
});
