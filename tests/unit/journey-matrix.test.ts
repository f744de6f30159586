/**
 * Every seed policy, by every channel, down every path a complaint takes, over the memory fakes: the letters the
 * complainant receives in order (each read for what it must say, dates in words), the notices staff receive (never
 * the person a complaint is about), and the clocks that run. A journey crosses parts (intake, the form and its
 * confirmation, staff actions, the outbox, the timers); each row is one whole journey, not one part.
 *
 * Channels: email to the complaints address; the web form, its address confirmed by the link; a phone call staff
 * record with the caller's email address; a letter staff record with only a postal address (its letters are drafts
 * for post). Paths: answered at the first stage; the next stage asked for and answered finally; withdrawn;
 * redirected to the body that deals with it (where the policy names such matters).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Case } from '#domain/case/case';
import { rolesAbout } from '#domain/case/named-in-complaint';
import type { Policy } from '#domain/policy/policy-schema';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

type Channel = 'email' | 'form' | 'phone' | 'post';
type Path = 'answered' | 'final' | 'withdrawn' | 'redirected';

/** What one seed policy's staff do that the policy itself asks for, and the words its letters must carry. */
interface Seed {
  readonly id: string;
  readonly address: string;
  /** Staff steps the policy needs before a response (Connected Together's clock starts when the nature is established). */
  readonly beforeResponse?: (stack: MemoryStack, reference: string) => Promise<void>;
  readonly finalWords: readonly string[];
  readonly outOfScope?: string;
  /** Why the acknowledgement can give no date (its clock starts later), where it cannot. */
  readonly undatedAcknowledgement?: string;
}

const SEEDS: readonly Seed[] = [
  { id: 'alumot', address: 'Shaked@alumot.uk', finalWords: ['Local Authority Designated Officer (LADO)'] },
  {
    id: 'county-council',
    address: 'complaints@county-council.example',
    finalWords: ['Local Government and Social Care Ombudsman', 'Website: https://www.lgo.org.uk/', 'You usually have 12 months to contact them'],
    outOfScope: 'social-care',
  },
  {
    id: 'connect-north-yorkshire',
    address: 'enquiries.connect@gmail.com',
    finalWords: ['National Association of Child Contact Centres (NACCC)', 'contact@naccc.org.uk'],
    outOfScope: 'contact-report',
  },
  {
    id: 'connected-together',
    address: 'complaints@connected-together.example',
    beforeResponse: async (stack, reference) => {
      await stack.useCases.staff.event({ reference, event: 'nature-established', at: DateTime.fromISO(stack.clock.now().toISOString()), actor: 'officer' });
    },
    finalWords: ['Local Government and Social Care Ombudsman', 'North Northamptonshire Council'],
    undatedAcknowledgement: 'the response clock starts when the nature of the complaint is established',
    outOfScope: 'nhs',
  },
  { id: 'not-alone-mentoring', address: 'not.alone.mentoring@gmail.com', finalWords: ['Citizens Advice', 'A solicitor'] },
];

const WHO = 'Robin Journey';
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const DATE_IN_WORDS = new RegExp(`\\b\\d{1,2} ${MONTH} 20\\d\\d\\b`);
const SUMMARY = 'The support I was promised stopped without a word, and nobody has answered my calls since October.';

/** A letter as the complainant gets it: by email, or drafted on the timeline for staff to post. */
interface Received {
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

const now = (stack: MemoryStack) => DateTime.fromISO(stack.clock.now().toISOString());
/** A working day or two between steps, as staff would take them. */
const later = (stack: MemoryStack, days = 2) => stack.clock.set(now(stack).plus({ days }).toUTC().toISO() as string);

async function received(stack: MemoryStack, channel: Channel, address: string, reference: string): Promise<Received[]> {
  if (channel !== 'post') return stack.mailer.sent.filter((m) => m.to.includes(address)).map((m) => ({ subject: m.subject, text: m.text, html: m.html }));
  const drafts = (await stack.cases.timeline(reference)).filter((e) => e.type === 'letter-drafted');
  return drafts.map((e) => ({ subject: String((e.detail as { subject: string }).subject), text: String((e.detail as { text: string }).text) }));
}

/** What every letter must be, whatever it says: the case's reference, dates in words, no template or id showing through. */
function expectWellMade(letter: Received, reference: string, channel: Channel) {
  const where = `${letter.subject}\n${letter.text}`;
  expect(letter.subject, where).toContain(reference);
  // Links left out: a page's random token may spell "NaN" or "null".
  const words = letter.text.replace(/https?:\/\/\S+/g, '');
  for (const leak of ['{{', '}}', 'undefined', '[object', 'NaN', 'null']) expect(words, `${leak} in ${where}`).not.toContain(leak);
  if (letter.text.includes('Yours sincerely')) expect(letter.text, `the sign-off runs into the paragraph before it in ${where}`).toMatch(/\n\nYours sincerely,\n/);
  // A clause is cited by its number ("clause 6.1"), never by a heading pasted in ("clause What is the ...").
  expect(letter.text, `a clause by heading in ${where}`).not.toMatch(/clause [A-Za-z]/);
  expect(letter.text, `an ISO date in ${where}`).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  expect(letter.text, `a raw id in ${where}`).not.toMatch(/\b(stage-\d|respond-max|acknowledge-by)\b/);
  if (channel === 'post') {
    expect(letter.text, `email wording in a letter for post: ${where}`).not.toMatch(/reply to this email|click|this email/i);
    expect(letter.text, `no postal address block: ${where}`).toContain('1 Any Street');
  }
}

interface Opened {
  readonly reference: string;
  /** Where the complainant's letters go (their email address), or '' for post. */
  readonly address: string;
}

let n = 0;
async function open(stack: MemoryStack, seed: Seed, channel: Channel): Promise<Opened> {
  const who = `robin.${++n}@example.net`;
  if (channel === 'email') {
    const [o] = await stack.deliver(email([`From: ${WHO} <${who}>`, `To: ${seed.address}`, 'Subject: The support stopped'], SUMMARY));
    if (o?.kind !== 'case-opened') throw new Error(`not opened: ${JSON.stringify(o)}`);
    await stack.drain();
    return { reference: o.reference, address: who };
  }
  if (channel === 'form') {
    const signs = stack.policies.get(seed.id).intake.webForm.fields.includes('signature');
    const opened = await stack.useCases.submitWebComplaint({
      policyId: seed.id,
      form: {
        name: WHO,
        email: who,
        summary: SUMMARY,
        confidential: false,
        consent: true,
        formToken: 'matrix',
        ...(signs ? { signature: WHO, signatureDate: now(stack).toISODate() as string } : {}),
      },
      submissionKey: `matrix-${n}`,
      receivedAt: stack.clock.now().toISOString(),
      sourceIp: '192.0.2.40',
    });
    await stack.drain();
    const confirm = stack.mailer.sent.filter((m) => m.to.includes(who));
    expect(confirm.map((m) => m.subject)).toEqual([`[${opened.reference}] Please confirm your email address for your complaint to ${orgInRunningText(stack.policies.get(seed.id))}`]);
    const link = /\/confirm\/([A-Z]+-\d{4}-\d{4})\/([A-Za-z0-9_-]{43})/.exec(confirm[0]?.text ?? '');
    if (!link) throw new Error(`no confirm link in ${confirm[0]?.text}`);
    later(stack, 1);
    await stack.useCases.complainant.confirmAddress({ reference: link[1] as string, token: link[2] as string, at: stack.clock.now() });
    await stack.drain();
    return { reference: opened.reference, address: who };
  }
  const opened = await stack.useCases.staff.open({
    policyId: seed.id,
    at: now(stack),
    actor: 'officer',
    name: WHO,
    ...(channel === 'phone' ? { email: who, phone: '01632 960 002' } : { address: '1 Any Street\nAnytown\nAN1 1AA' }),
    summary: SUMMARY,
    channel: channel === 'phone' ? 'phone' : 'letter',
    confidential: false,
  });
  await stack.drain();
  return { reference: opened.reference, address: channel === 'phone' ? who : '' };
}

/** The organisation's name as running text puts it ("the County Council"), where the policy gives one. */
function orgInRunningText(policy: Policy): string {
  const org = policy.organisation as Policy['organisation'] & { inRunningText?: string };
  return org.inRunningText ?? org.name;
}

/** A signature the policy insists on before its clock starts (Not Alone Mentoring 6.1), as staff record it. */
async function signIfNeeded(stack: MemoryStack, c: Case, policy: Policy) {
  if (policy.intake.signature?.required && !c.signed) {
    await stack.useCases.staff.sign({ reference: c.reference, at: now(stack), actor: 'officer' });
    await stack.drain();
  }
}

async function caseOf(stack: MemoryStack, reference: string): Promise<Case> {
  const c = await stack.cases.get(reference);
  if (!c) throw new Error(`no case ${reference}`);
  return c;
}

const pending = (c: Case) => c.deadlines.filter((d) => d.status === 'pending').map((d) => d.kind);
const subjects = (letters: readonly Received[], reference: string) => letters.map((l) => l.subject.replace(`[${reference}] `, ''));

async function respond(stack: MemoryStack, reference: string, final: boolean) {
  later(stack);
  await stack.useCases.staff.outcome({
    reference,
    decision: final ? 'not-upheld' : 'partly-upheld',
    summary: final ? 'The review found the first answer fair.' : 'The support stopped while the mentor was ill; we should have told you.',
    ...(final ? {} : { whatUpheld: 'That nobody told you.', whatNotUpheld: 'That the support was stopped for no reason.' }),
    remedies: final ? [] : ['apology'],
    actions: [],
    at: now(stack),
    actor: final ? 'reviewer' : 'officer',
  });
  await stack.drain();
}

async function journey(seed: Seed, channel: Channel, path: Path) {
  const stack = memoryStack();
  const policy = stack.policies.get(seed.id);
  const { reference, address } = await open(stack, seed, channel);
  await signIfNeeded(stack, await caseOf(stack, reference), policy);
  // A letter for post is drafted when staff acknowledge it (nothing is written to an address by itself).
  if (channel === 'post' && !(await caseOf(stack, reference)).acknowledgedAt) {
    await stack.useCases.staff.acknowledge({ reference, at: now(stack), actor: 'officer' });
    await stack.drain();
  }
  if (seed.undatedAcknowledgement) await seed.beforeResponse?.(stack, reference);
  const opened = await caseOf(stack, reference);

  // Opened: acknowledged to the complainant with the dates it promises, the handler told, the clocks running.
  const first = await received(stack, channel, address, reference);
  const ack = first.at(-1);
  expect(ack?.subject, JSON.stringify(subjects(first, reference))).toMatch(/We have received your (signed )?complaint/);
  if (!seed.undatedAcknowledgement) expect(ack?.text).toMatch(DATE_IN_WORDS);
  expect(opened.acknowledgedAt, 'acknowledged once the acknowledgement is written').toBeDefined();
  expect(pending(opened).length, `clocks running: ${JSON.stringify(opened.deadlines)}`).toBeGreaterThan(0);
  expect(pending(opened)).not.toContain('acknowledge');
  const staffMail = stack.mailer.sent.filter((m) => !m.to.includes(address) && m.subject.includes(reference));
  expect(staffMail.length, 'the handler is told of the new case').toBeGreaterThan(0);
  for (const m of staffMail) expect(m.to.join(' ')).not.toContain(seed.address.toLowerCase());

  if (path === 'withdrawn') {
    later(stack);
    await stack.useCases.staff.withdraw({ category: 'other', reference, at: now(stack), actor: 'officer', confirmedInWriting: true });
    await stack.drain();
    const letters = await received(stack, channel, address, reference);
    expect(subjects(letters, reference).at(-1)).toBe('You have withdrawn your complaint');
    for (const l of letters) expectWellMade(l, reference, channel);
    const c = await caseOf(stack, reference);
    expect(c.status).not.toBe('open');
    expect(pending(c).filter((k) => k !== 'retention')).toEqual([]);
    return;
  }
  if (path === 'redirected') {
    later(stack);
    await stack.useCases.staff.redirect({ reference, at: now(stack), actor: 'officer', outOfScope: seed.outOfScope as string });
    await stack.drain();
    const letters = await received(stack, channel, address, reference);
    expect(subjects(letters, reference).at(-1)).toBe('Your complaint: where to take it');
    for (const l of letters) expectWellMade(l, reference, channel);
    expect(pending(await caseOf(stack, reference)).filter((k) => k !== 'retention')).toEqual([]);
    return;
  }

  if (!seed.undatedAcknowledgement) await seed.beforeResponse?.(stack, reference);
  await respond(stack, reference, false);
  const answered = await received(stack, channel, address, reference);
  const decision = answered.at(-1);
  expect(decision?.subject).toBe(`[${reference}] Our decision on your complaint`);
  expect(decision?.text).toContain('That nobody told you.');
  expect(decision?.text).toContain('That the support was stopped for no reason.');
  if (path === 'answered') {
    await stack.useCases.staff.close({ category: 'other', reference, at: now(stack), actor: 'officer' });
    await stack.drain();
    const c = await caseOf(stack, reference);
    expect(c.status).toBe('closed');
    expect(pending(c)).toContain('retention');
    expect(pending(c).filter((k) => k !== 'retention' && k !== 'external-escalation-window')).toEqual([]);
    for (const l of await received(stack, channel, address, reference)) expectWellMade(l, reference, channel);
    return;
  }

  // Asked for the next stage: acknowledged, its handler told, answered finally with where else to go.
  later(stack);
  const before = stack.mailer.sent.length;
  await stack.useCases.staff.escalate({ reference, at: now(stack), actor: 'officer', grounds: 'Nobody has explained why it stopped.' });
  await stack.drain();
  const escalated = await caseOf(stack, reference);
  expect(escalated.stage).not.toBe(opened.stage);
  const handover = stack.mailer.sent.slice(before).filter((m) => !m.to.includes(address));
  expect(handover.length, 'the next stage’s handler is told').toBeGreaterThan(0);
  const review = (await received(stack, channel, address, reference)).at(-1);
  expect(review?.subject).toMatch(/We have received your request for /);
  expect(review?.text).toMatch(DATE_IN_WORDS);
  await respond(stack, reference, true);
  const letters = await received(stack, channel, address, reference);
  const finalLetter = letters.at(-1);
  expect(finalLetter?.subject).toBe(`[${reference}] Our final decision on your complaint`);
  for (const words of seed.finalWords) expect(finalLetter?.text).toContain(words);
  for (const l of letters) expectWellMade(l, reference, channel);
  await stack.useCases.staff.close({ category: 'other', reference, at: now(stack), actor: 'officer' });
  const closed = await caseOf(stack, reference);
  expect(pending(closed)).toContain('retention');
  expect(pending(closed).filter((k) => k !== 'retention' && k !== 'external-escalation-window')).toEqual([]);
}

describe('the journey matrix: every seed, every channel, every path', () => {
  for (const seed of SEEDS) {
    for (const channel of ['email', 'form', 'phone', 'post'] as const) {
      for (const path of ['answered', 'final', 'withdrawn', 'redirected'] as const) {
        if (path === 'redirected' && !seed.outOfScope) continue;
        it(`${seed.id} · ${channel} · ${path}`, () => journey(seed, channel, path));
      }
    }
  }
});

/** The head of each organisation whose policy routes complaints about them, and who handles those instead. */
const HEADS = [
  { seed: 'alumot', address: 'Shaked@alumot.uk', head: 'ceo.notices@alumot.example', instead: 'chair.notices@alumot.example', words: 'I want to complain about the Chief Executive, Shaked Nir, who shouted at my son. Please pass this to the Board.' },
  { seed: 'connected-together', address: 'complaints@connected-together.example', head: 'ceo.notices@connected-together.example', instead: 'board', words: 'This is a complaint about your CEO, who promised my family support and then refused to return our calls.' },
] as const;

describe('a complaint about the head of the organisation, by email, is kept from them', () => {
  for (const h of HEADS) {
    it(`${h.seed}: the head is never told, the policy's other handler is, and the acknowledgement names them`, async () => {
      const stack = memoryStack();
      const [o] = await stack.deliver(email([`From: ${WHO} <robin.head@example.net>`, `To: ${h.address}`, 'Subject: Complaint about the Chief Executive'], h.words));
      if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
      await stack.drain();
      const c = await caseOf(stack, o.reference);
      expect(rolesAbout(c)).toEqual(['ceo']);
      expect(c.named?.roles).toEqual(['ceo']);
      expect(stack.mailer.sent.filter((m) => m.to.includes(h.head))).toEqual([]);
      expect(stack.mailer.sent.some((m) => m.to.some((t) => t.includes(h.instead)) && m.subject.includes(o.reference))).toBe(true);
      const ack = stack.mailer.sent.find((m) => m.to.includes('robin.head@example.net'));
      expect(ack?.text).not.toMatch(/Chief Executive[^.]*will look into your complaint/);
    });
  }
});

describe('staff answering a notice never open a complaint', () => {
  for (const seed of SEEDS) {
    it(`${seed.id}: the handler's reply to the new-case notice is kept on that case, not opened as another`, async () => {
      const stack = memoryStack();
      const { reference, address } = await open(stack, seed, 'email');
      const notice = stack.mailer.sent.find((m) => !m.to.includes(address) && m.subject.includes(reference));
      if (!notice) throw new Error('no notice');
      const handler = notice.to[0] as string;
      // Sent to the complaints address, as a handler would who pressed Reply on a notice that came from it, or forwarded it there.
      const outcomes = await stack.deliver(email([`From: Handler <${handler}>`, `To: ${seed.address}`, `Subject: Re: ${notice.subject}`, `In-Reply-To: ${notice.messageId}`], `I will call them tomorrow.\n\n> ${notice.text.split('\n').join('\n> ')}`));
      await stack.drain();
      expect(outcomes.some((x) => x.kind === 'case-opened')).toBe(false);
      expect(notice.from.address.toLowerCase()).not.toBe(seed.address.toLowerCase());
      expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'staff-mail')).toHaveLength(1);
      expect(stack.mailer.sent.filter((m) => m.to.includes(handler) && /We have received/.test(m.subject))).toEqual([]);
    });
  }
});
