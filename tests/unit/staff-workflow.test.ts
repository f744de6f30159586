/**
 * Every staff action of ../shared/conventions/case-actions.md over memory fakes: a whole life for each seed
 * policy with the letters each step sends, and the refusals the policies and the complaint-handling codes set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '#domain/policy/policy-set';
import type { Policy } from '#domain/policy/policy-schema';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const PAT = 'pat@example.net';
const ARTEFACTS = 'tests/artefacts/letters';

async function complaint(stack: MemoryStack, to: string, subject = 'About my sessions', body = 'The volunteer did not come to three sessions.'): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, `To: ${to}`, `Subject: ${subject}`], body));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

/** The letters the complainant has had, oldest first; saved as artefacts so that a person can read every one. */
function letters(stack: MemoryStack, policy: string) {
  const sent = stack.mailer.sent.filter((m) => m.to.includes(PAT));
  mkdirSync(ARTEFACTS, { recursive: true });
  sent.forEach((m, i) => writeFileSync(`${ARTEFACTS}/${policy}-${String(i + 1).padStart(2, '0')}.txt`, `Subject: ${m.subject}\n\n${m.text}`));
  return sent;
}

function last(stack: MemoryStack) {
  const sent = stack.mailer.sent.filter((m) => m.to.includes(PAT));
  return sent[sent.length - 1] as (typeof sent)[number];
}

const REASONS = 'We read the session records and spoke to the volunteer. The sessions were cancelled without notice.';

describe('Not Alone Mentoring: signed complaint, investigation, appeal, final answer', () => {
  it('runs its whole life with the letters its policy asks for', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'not.alone.mentoring@gmail.com');
    expect(last(stack).subject).toBe(`[${reference}] Please sign your complaint`);
    expect(last(stack).text).toContain('(clause 6.1, 6.4)');

    // Signed on Tuesday 24 November 2026: acknowledged, and on to investigation by itself (7.1).
    const signed = await staff.sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(signed.stage).toBe('stage-2');
    expect(last(stack).text).toContain('We will send you our full response by Tuesday 8 December 2026.');
    expect(last(stack).text).toContain('If we need to meet you to talk about your complaint, we will do so by Thursday 3 December 2026.');
    expect(last(stack).text).toContain('Katie Smith, our complaints officer, will look into your complaint.');

    // 7.4: an upheld complaint gets an apology; without one the outcome is refused and nothing is sent.
    const before = stack.mailer.sent.length;
    await expect(staff.outcome({ reference, decision: 'upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' })).rejects.toThrow(
      'the policy requires an apology where a complaint is upheld (clause 7.4): include an apology among the remedies',
    );
    await stack.drain();
    expect(stack.mailer.sent.length).toBe(before);

    const decided = await staff.outcome({
      reference,
      decision: 'upheld',
      summary: REASONS,
      remedies: ['apology', 'staff-training'],
      actions: [{ text: 'Brief every volunteer on giving notice of a cancelled session', due: '2027-01-15' }],
      at: at('2026-12-04T15:00:00Z'),
      actor: 'katie',
    });
    await stack.drain();
    // 8.1: fourteen working days from Friday 4 December (25 and 28 December are bank holidays).
    expect(decided.deadlines.find((d) => d.kind === 'appeal-window')?.dueDate).toBe('2026-12-24');
    const outcome = last(stack);
    expect(outcome.subject).toBe(`[${reference}] Our decision on your complaint`);
    for (const words of [
      'We have upheld your complaint.',
      REASONS,
      'We are sorry for what went wrong.',
      '- Staff development and training.',
      '- Brief every volunteer on giving notice of a cancelled session: by Friday 15 January 2027',
      'Write to not.alone.mentoring@gmail.com within fourteen working days of the outcome to appeal. Please ask by Thursday 24 December 2026.',
    ]) expect(outcome.text).toContain(words);
    expect(outcome.text).not.toMatch(/7\.4|stage-2|Investigation/);

    const appeal = await staff.escalate({ reference, at: at('2026-12-10T09:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(appeal.stage).toBe('stage-3');
    expect(appeal.deadlines.find((d) => d.stage === 'stage-2' && d.kind === 'appeal-window')?.status).toBe('met');
    expect(last(stack).subject).toBe(`[${reference}] We have received your request for an appeal`);
    expect(last(stack).text).toContain('We will send you our response by Thursday 24 December 2026.');
    expect(last(stack).text).toContain('Our decision at this stage will be final.');

    const final = await staff.outcome({ reference, decision: 'not-upheld', summary: 'The stage two findings and actions stand.', remedies: [], actions: [], at: at('2026-12-21T11:00:00Z'), actor: 'trustee' });
    await stack.drain();
    const letter = last(stack);
    expect(letter.subject).toBe(`[${reference}] Our final decision on your complaint`);
    // 8.5: one month from Monday 21 December for Citizens Advice and a solicitor alike.
    expect(letter.text).toContain('Citizens Advice: free, independent advice on what you can do next.\n\n- Website: https://www.citizensadvice.org.uk/\n\nYou need to contact them by Thursday 21 January 2027.');
    expect(letter.text).toContain('A solicitor: legal advice on what you can do next.\n\nYou need to contact them by Thursday 21 January 2027.');
    expect(letter.text).toContain('This is the final decision of Not Alone Mentoring on your complaint');
    expect(final.deadlines.filter((d) => d.kind === 'external-escalation-window').map((d) => d.dueDate)).toEqual(['2027-01-21']);

    const closed = await staff.close({ category: 'other', reference, at: at('2026-12-22T09:00:00Z'), actor: 'katie' });
    await stack.drain();
    expect(closed.deadlines.find((d) => d.kind === 'retention')).toMatchObject({ dueDate: '2032-12-22', status: 'pending', clause: '10.2' });
    // The final letter said it all: no closure letter after it.
    expect(last(stack)).toBe(letter);
    expect(letters(stack, 'not-alone-mentoring').map((m) => m.subject.replace(/^\[[^\]]+\] /, ''))).toEqual([
      'Please sign your complaint',
      'We have received your signed complaint',
      'Our decision on your complaint',
      'We have received your request for an appeal',
      'Our final decision on your complaint',
    ]);
  });

  it('an appeal after the window needs a recorded reason; the unused window closes the case and tells the complainant', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'not.alone.mentoring@gmail.com');
    await staff.sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' });
    await expect(staff.escalate({ reference, at: at('2026-12-29T09:00:00Z'), actor: 'katie' })).rejects.toThrow(
      'the time to ask for the next stage ended on Thursday 24 December 2026 (14 working days, clause 8.1); to accept the request anyway, give the reason',
    );
    const late = await staff.escalate({ reference, reason: 'in hospital over Christmas', at: at('2026-12-29T09:00:00Z'), actor: 'katie' });
    expect(late.stage).toBe('stage-3');
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'next-stage-requested')?.summary).toContain('after the window ended on 2026-12-24: in hospital over Christmas');

    // Another case whose window runs out unused: the timer closes it and the complainant is told.
    const other = memoryStack();
    const ref2 = await complaint(other, 'not.alone.mentoring@gmail.com');
    await other.useCases.staff.sign({ reference: ref2, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    await other.useCases.staff.outcome({ reference: ref2, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' });
    await other.drain();
    const timer = (await other.timers.list(ref2)).find((t) => t.input.kind === 'appeal-window' && t.input.purpose === 'deadline');
    other.clock.set('2026-12-25T00:30:00Z');
    expect(await other.useCases.fireTimer(timer!.input)).toBe('closed');
    await other.drain();
    const closure = last(other);
    expect(closure.subject).toBe(`[${ref2}] We have closed your complaint`);
    expect(closure.text).toContain('We wrote to you on Friday 4 December 2026 with our decision on your complaint');
    expect(closure.text).toContain('You did not ask for the next stage of our complaints procedure by Thursday 24 December 2026');
    expect(closure.text).toContain('We will keep the records of your complaint until Saturday 25 December 2032');
  });
});

describe('Connect (North Yorkshire): a reply date staff set, the NACCC window that outlives stage 2', () => {
  it('runs its whole life', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'enquiries.connect@gmail.com');
    // Received Monday 23 November: acknowledged at once, with the policy file's default reply date (20 working days).
    expect(last(stack).text).toContain('We will send you our full response by Monday 21 December 2026.');
    const dated = await staff.acknowledge({ reference, respondBy: '2027-01-08', at: at('2026-11-24T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(dated.deadlines.find((d) => d.kind === 'respond' && d.status === 'pending')).toMatchObject({ dueDate: '2027-01-08', setBy: 'staff' });
    expect(last(stack).text).toContain('We will send you our full response by Friday 8 January 2027.');
    expect(last(stack).subject).toBe(`[${reference}] When to expect our response to your complaint`);
    await expect(staff.acknowledge({ reference, respondBy: '2026-11-20', at: at('2026-11-24T10:00:00Z'), actor: 'manager' })).rejects.toThrow('the reply date 2026-11-20 is before the day of the acknowledgement, 2026-11-24');

    await staff.outcome({ reference, decision: 'partly-upheld', summary: REASONS, whatUpheld: 'That the session was cancelled late.', whatNotUpheld: 'That the centre did not tell you why.', remedies: ['explanation', 'apology'], actions: [], at: at('2026-12-18T12:00:00Z'), actor: 'manager' });
    await stack.drain();
    const outcome = last(stack);
    // Twelve weeks from Friday 18 December 2026 is Friday 12 March 2027.
    expect(outcome.text).toContain('If you remain unsatisfied after our response, ask for the Complaints Officer to review your complaint.');
    expect(outcome.text).toContain('You can also go to National Association of Child Contact Centres (NACCC): the body that accredits Connect. It considers only whether Connect followed its complaints procedure');
    expect(outcome.text).toContain("When: after the centre's procedure is complete, within twelve weeks of the conclusion of stage 2.");
    expect(outcome.text).toContain('You need to contact them by Friday 12 March 2027.');

    const review = await staff.escalate({ reference, at: at('2027-01-04T09:00:00Z'), actor: 'officer' });
    await stack.drain();
    expect(review.deadlines.find((d) => d.kind === 'external-escalation-window')).toMatchObject({ status: 'pending', dueDate: '2027-03-12' });
    await staff.outcome({ reference, decision: 'not-upheld', summary: 'The investigation was fair and complete.', remedies: [], actions: [], at: at('2027-01-20T12:00:00Z'), actor: 'officer' });
    await stack.drain();
    const final = last(stack);
    expect(final.text).toContain(
      'National Association of Child Contact Centres (NACCC): the body that accredits Connect. It considers only whether Connect followed its complaints procedure, not the day-to-day running of the centre.\n\n- Website: https://naccc.org.uk/for-parents/making-a-complaint/\n- Email: contact@naccc.org.uk\n- Post: The Chief Executive, NACCC, 26-34 Friar Lane, Nottingham NG1 6DQ',
    );
    expect(final.text).toContain('You need to contact them by Friday 12 March 2027.');
    expect(final.text).toContain('Local Authority Designated Officer (LADO)');
    letters(stack, 'connect-north-yorkshire');
  });

  it('a withdrawal is confirmed in writing before the case closes', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack, 'enquiries.connect@gmail.com');
    const asked = await stack.useCases.staff.withdraw({ reference, confirmedInWriting: false, at: at('2026-11-25T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(asked.status).toBe('open');
    expect(last(stack).subject).toBe(`[${reference}] Please confirm that you want to withdraw your complaint`);
    const done = await stack.useCases.staff.withdraw({ category: 'other', reference, confirmedInWriting: true, at: at('2026-11-26T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(done).toMatchObject({ status: 'closed', closure: 'withdrawn' });
    expect(last(stack).subject).toBe(`[${reference}] You have withdrawn your complaint`);
    // Connect states no retention period: the deployment's default of six years applies.
    expect(done.deadlines.find((d) => d.kind === 'retention')?.dueDate).toBe('2032-11-26');
  });
});

describe('Alumot: a complaint about the CEO', () => {
  it('goes to the Chair, never to the CEO, and the review to someone not involved', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const opened = await staff.open({ policyId: 'alumot', at: at('2026-11-23T10:00:00Z'), actor: 'trustee', name: 'Pat Person', email: PAT, summary: 'The CEO shouted at me.', about: 'ceo', channel: 'phone', confidential: false });
    await stack.drain();
    const c = await stack.cases.get(opened.reference);
    expect(c?.handlerRole).toBe('chair');
    const ceo = 'ceo.notices@alumot.example';
    expect(stack.mailer.sent.filter((m) => m.to.includes(ceo))).toEqual([]);
    expect(stack.mailer.sent.find((m) => m.subject.startsWith(`[${opened.reference}] New complaint`))?.to).toEqual(['chair.notices@alumot.example']);
    await expect(staff.reassign({ reference: opened.reference, role: 'ceo', at: at('2026-11-24T10:00:00Z'), actor: 'trustee' })).rejects.toThrow('this complaint is about the Chief Executive (Shaked Nir): it cannot be handled by them');

    await staff.outcome({ reference: opened.reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-10T10:00:00Z'), actor: 'chair-person' });
    await stack.drain();
    const review = await staff.escalate({ reference: opened.reference, at: at('2026-12-11T10:00:00Z'), actor: 'trustee' });
    await stack.drain();
    expect(review.handlerRole).toBe('board');
    // 3.2: the Chair did stage one, so the review cannot go to the Chair, nor be decided by the same person.
    await expect(staff.reassign({ reference: opened.reference, role: 'chair', at: at('2026-12-11T11:00:00Z'), actor: 'trustee' })).rejects.toThrow(/handled stage-1 of this complaint; Stage Two \(review by an appeal panel\) must be handled by someone not involved before/);
    await expect(staff.outcome({ reference: opened.reference, decision: 'not-upheld', summary: 'Upheld stage one.', remedies: [], actions: [], at: at('2026-12-20T10:00:00Z'), actor: 'chair-person' })).rejects.toThrow(
      /chair-person decided stage-1 of this complaint/,
    );
    await staff.outcome({ reference: opened.reference, decision: 'upheld', summary: 'The CEO should not have raised his voice.', remedies: ['apology', 'prevention'], actions: [], at: at('2026-12-20T10:00:00Z'), actor: 'panel' });
    await stack.drain();
    const final = last(stack);
    expect(final.text).toContain('Local Authority Designated Officer (LADO), Cambridgeshire: the council officer who deals with concerns');
    expect(final.text).toContain('- Email: LADO@cambridgeshire.gov.uk');
    expect(final.text).toContain('- Details of what is being done to prevent a recurrence.');
    expect(stack.mailer.sent.filter((m) => m.to.includes(ceo))).toEqual([]);
    letters(stack, 'alumot');
  });
});

describe('the council: early resolution, two stages, the Ombudsman', () => {
  it('an early resolution is not recorded as a complaint, and only by the end of the next working day', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack, 'complaints@county-council.example', 'Bins');
    await expect(stack.useCases.staff['early-resolution']({ reference, summary: 'we collected the bins', at: at('2026-11-26T10:00:00Z'), actor: 'cr' })).rejects.toThrow(
      'early resolution must be by the end of 2026-11-24',
    );
    const done = await stack.useCases.staff['early-resolution']({ reference, summary: 'we collected your bins the next morning.', at: at('2026-11-24T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    expect(done).toMatchObject({ status: 'closed', closure: 'early-resolution', recordedAsComplaint: false });
    expect(last(stack).text).toContain('We agreed this with you: we collected your bins the next morning.');
    expect(last(stack).text).toContain('we have not recorded it as a formal complaint');
  });

  it('stage one, stage two by an independent officer, the final answer naming the Ombudsman', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'complaints@county-council.example', 'Bins');
    expect(last(stack).text).toContain('If your complaint needs longer, we will tell you why, and you will have our response by Monday 21 December 2026 at the latest.');
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(last(stack).text).toContain('If the matter is not resolved at stage one, you may ask for it to be considered at stage two.');
    const two = await staff.escalate({ reference, at: at('2026-12-02T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    expect(two.handlerRole).toBe('independent-officer');
    expect(last(stack).text).toContain('An officer who is independent of the service you complained about will review your complaint.');
    await expect(staff.reassign({ reference, role: 'service-manager', at: at('2026-12-02T11:00:00Z'), actor: 'cr' })).rejects.toThrow(/must be handled by someone not involved before/);
    await staff.outcome({ reference, decision: 'partly-upheld', summary: 'The crew missed your street twice.', whatUpheld: 'The two missed collections.', whatNotUpheld: 'The third week, when the bins were out late.', remedies: ['recommendations'], actions: [{ text: 'Add your street to the round sheet', due: '2027-01-08' }], at: at('2026-12-20T10:00:00Z'), actor: 'officer' });
    await stack.drain();
    expect(last(stack).text).toContain("Local Government and Social Care Ombudsman: an independent service, free to use, that looks at complaints about councils fairly and impartially. It can investigate the Council's handling of the matter you complained about.");
    expect(last(stack).text).toContain('- Website: https://www.lgo.org.uk/\n- Telephone: 0300 061 0614');
    expect(last(stack).text).not.toContain('Information Commissioner');
    letters(stack, 'county-council');
  });

  it('a matter outside the procedure is redirected with a letter saying where to go', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack, 'complaints@county-council.example', 'Councillor');
    const done = await stack.useCases.staff.redirect({ reference, outOfScope: 'councillor-conduct', at: at('2026-11-24T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    expect(done).toMatchObject({ status: 'closed', closure: 'redirected' });
    expect(last(stack).text).toContain("Where to take it instead: the separate procedure for complaints about a councillor's conduct.");
    await expect(stack.useCases.staff.redirect({ reference, outOfScope: 'nope', at: at('2026-11-24T10:00:00Z'), actor: 'cr' })).rejects.toThrow(/unknown out-of-scope matter "nope"/);
  });
});

describe('Connected Together: the nature of the complaint starts the clock; the appeal by board members not involved', () => {
  it('runs its whole life', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'complaints@connected-together.example');
    expect(last(stack).text).toContain('We will then aim to send you our full response within 15 working days of that.');
    const established = await staff.event({ reference, event: 'nature-established', at: at('2026-11-25T10:00:00Z'), actor: 'ceo' });
    expect(established.deadlines.find((d) => d.kind === 'respond')).toMatchObject({ dueDate: '2026-12-16', clause: '2.4' });
    await expect(staff.event({ reference, event: 'nature-established', at: at('2026-11-26T10:00:00Z'), actor: 'ceo' })).rejects.toThrow(/already recorded/);

    const extended = await staff.extend({ reference, kind: 'respond', newDate: '2027-01-08', reason: 'we are waiting for the session notes from our partner', agreed: true, at: at('2026-12-10T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    expect(extended.deadlines.find((d) => d.kind === 'respond' && d.status === 'pending')?.extensions).toHaveLength(1);
    expect(last(stack).subject).toBe(`[${reference}] Your complaint: our response will take longer`);
    expect(last(stack).text).toContain('Why it is taking longer: we are waiting for the session notes from our partner');
    expect(last(stack).text).toContain('As we agreed with you, we will now send you our full response by Friday 8 January 2027.');

    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: ['information'], actions: [], at: at('2027-01-06T10:00:00Z'), actor: 'ceo-person' });
    await stack.drain();
    const appeal = await staff.escalate({ reference, at: at('2027-01-07T10:00:00Z'), actor: 'office' });
    await stack.drain();
    // The policy gives the appeal no time; the policy file's default of 20 working days applies and is stated.
    expect(appeal.deadlines.find((d) => d.stage === 'appeal' && d.kind === 'respond')).toMatchObject({ dueDate: '2027-02-04', setBy: 'default' });
    expect(last(stack).text).toContain('Members of our board who have not been involved in your complaint will review your complaint.');
    expect(last(stack).text).toContain('We will send you our response by Thursday 4 February 2027.');
    await expect(staff.outcome({ reference, decision: 'not-upheld', summary: 'Same.', remedies: [], actions: [], at: at('2027-01-20T10:00:00Z'), actor: 'ceo-person' })).rejects.toThrow(/ceo-person decided formal/);
    await staff.outcome({ reference, decision: 'not-upheld', summary: 'The board agrees with the CEO.', remedies: [], actions: [], at: at('2027-01-20T10:00:00Z'), actor: 'board-member' });
    await stack.drain();
    expect(last(stack).text).toContain('North Northamptonshire Council: the council for Corby');
    expect(last(stack).text).toContain('Rutland County Council: the council for Rutland. If it pays for the service you used, you can complain to it.');
    expect(last(stack).text).toContain('Local Government and Social Care Ombudsman: an independent service, free to use, that looks at complaints about councils and the services they arrange');
    letters(stack, 'connected-together');
  });
});

describe('extensions', () => {
  it('a missed deadline can be extended and stays recorded as missed; a policy may cap extensions', async () => {
    const capped = new PolicySet(seedPolicies.all.map((p): Policy => (p.id === 'alumot' ? { ...p, stages: p.stages.map((s) => (s.id === 'stage-1' ? { ...s, extensions: { max: 1, agreementRecorded: false, clause: '2.6' } } : s)) } : p)));
    const stack = memoryStack({}, capped);
    const reference = await complaint(stack, 'Shaked@alumot.uk');
    const timer = (await stack.timers.list(reference)).find((t) => t.input.kind === 'respond' && t.input.purpose === 'deadline');
    stack.clock.set('2026-12-22T00:30:00Z');
    expect(await stack.useCases.fireTimer(timer!.input)).toBe('escalated');
    const extended = await stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2027-01-15', reason: 'two witnesses were away', at: at('2026-12-22T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    expect(extended.deadlines.filter((d) => d.kind === 'respond').map((d) => [d.dueDate, d.status])).toEqual([
      ['2026-12-21', 'missed'],
      ['2027-01-15', 'pending'],
    ]);
    expect(last(stack).text).toContain('We will now send you our full response by Friday 15 January 2027.');
    await expect(stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2027-01-29', reason: 'again', at: at('2027-01-10T10:00:00Z'), actor: 'ceo' })).rejects.toThrow(
      'the respond deadline was already extended 1 time; the policy allows 1 (clause 2.6)',
    );
  });
});

describe('letters are checked before they go, and hostile words print as words', () => {
  it('an organisation’s own outcome letter that leaves out the outside bodies is refused, with what is missing', async () => {
    const own = new PolicySet(seedPolicies.all.map((p): Policy => (p.id === 'county-council' ? { ...p, letters: { 'final-outcome': { body: '{{greeting}}\n\n{{decisionSentence}}\n\n{{summary}}\n\nThis is our final decision.' } } } : p)));
    const stack = memoryStack({}, own);
    const reference = await complaint(stack, 'complaints@county-council.example');
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await stack.useCases.staff.escalate({ reference, at: at('2026-12-02T10:00:00Z'), actor: 'cr' });
    await expect(stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-20T10:00:00Z'), actor: 'officer' })).rejects.toThrow(
      'the final-outcome letter is missing the outside body Local Government and Social Care Ombudsman; how to contact Local Government and Social Care Ombudsman (website); how to contact Local Government and Social Care Ombudsman (telephone); how to contact Local Government and Social Care Ombudsman (post); how long there is to go to Local Government and Social Care Ombudsman (12 months,',
    );
    expect((await stack.cases.get(reference))?.outcomes).toHaveLength(1);
  });

  it('template syntax, markup and line breaks in staff and complainant text are shown, never obeyed', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email([`From: "{{org}} <b>Pat</b>" <${PAT}>`, 'To: Shaked@alumot.uk', 'Subject: x'], 'body'));
    const reference = (o as { reference: string }).reference;
    await stack.drain();
    const hostile = 'We found {{#outsideBodies}}nothing{{/outsideBodies}} <script>alert(1)</script>\n\n## Not a heading\n- not a list';
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: hostile, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    const letter = last(stack);
    // A "name" of template syntax and markup is not a name: the greeting does not print it at all.
    expect(letter.text).toContain('Dear complainant,');
    expect(letter.text).not.toContain('<b>Pat');
    expect(letter.text).toContain(hostile);
    expect(letter.html).not.toContain('<script>');
    expect(letter.html).toContain('&#60;script&#62;');
    expect(letter.html).not.toContain('<h2 style="font-size:16px;margin:20px 0 8px">Not a heading');
    expect(letter.html).toContain('{{&#35;outsideBodies}}');
    expect(letter.html).not.toContain('Pat&#60;/b&#62;');
  });
});

describe('phone complaints, notes, reopening', () => {
  it('a phone complaint with no email has its letters drafted on the timeline for staff to post', async () => {
    const stack = memoryStack();
    const opened = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Phone', phone: '01632 960000', address: '1 High Street', summary: 'Potholes', channel: 'phone', confidential: false });
    const acknowledged = await stack.useCases.staff.acknowledge({ reference: opened.reference, at: at('2026-11-24T10:00:00Z'), actor: 'cr' });
    expect(acknowledged.deadlines.find((d) => d.kind === 'acknowledge')?.status).toBe('met');
    const draft = (await stack.cases.timeline(opened.reference)).find((e) => e.type === 'letter-drafted');
    expect(draft?.summary).toContain('send it by post or read it to the complainant');
    expect(String(draft?.detail?.text)).toContain('Dear Pat Phone,');
    await expect(stack.useCases.staff.acknowledge({ reference: opened.reference, at: at('2026-11-24T11:00:00Z'), actor: 'cr' })).rejects.toThrow(/already acknowledged on Tuesday 24 November 2026/);
    await stack.useCases.staff.note({ reference: opened.reference, text: 'Called back, left a message', at: at('2026-11-24T12:00:00Z'), actor: 'cr' });
    expect((await stack.cases.timeline(opened.reference)).find((e) => e.type === 'note')).toMatchObject({ actor: 'cr', summary: 'Called back, left a message' });
    const closed = await stack.useCases.staff.close({ category: 'other', reference: opened.reference, at: at('2026-11-25T12:00:00Z'), actor: 'cr' });
    expect(closed.deadlines.some((d) => d.kind === 'retention' && d.status === 'pending')).toBe(true);
    const reopened = await stack.useCases.staff.reopen({ reference: opened.reference, reason: 'she rang again', at: at('2026-11-26T12:00:00Z'), actor: 'cr' });
    expect(reopened.status).toBe('open');
    expect(reopened.deadlines.some((d) => d.kind === 'retention' && d.status === 'pending')).toBe(false);
    await expect(stack.useCases.staff.reopen({ reference: opened.reference, reason: 'x', at: at('2026-11-26T12:00:00Z'), actor: 'cr' })).rejects.toThrow(/is not closed/);
  });
});

describe('who a case came from, on its timeline', () => {
  it('a complaint staff recorded says who recorded it, never "anonymous" for a named caller; mail says whose it was', async () => {
    const stack = memoryStack();
    const received = async (reference: string) => (await stack.cases.timeline(reference)).find((e) => e.type === 'received');
    const call = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr@county-council.example', name: 'Pat Phone', phone: '01632 960000', summary: 'Potholes', channel: 'phone', confidential: false });
    expect(await received(call.reference)).toMatchObject({ actor: 'cr@county-council.example', summary: 'Complaint received by phone, recorded by cr@county-council.example' });
    // With the caller's email taken down: still recorded by staff, not written by the caller.
    const withEmail = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr@county-council.example', name: 'Pat Phone', email: 'pat.phone@example.net', summary: 'Potholes again', channel: 'phone', confidential: false });
    expect(await received(withEmail.reference)).toMatchObject({ actor: 'cr@county-council.example', summary: 'Complaint received by phone, recorded by cr@county-council.example' });
    const mailed = await complaint(stack, 'complaints@county-council.example', 'Potholes', 'The potholes on my street.');
    expect(await received(mailed)).toMatchObject({ actor: PAT, summary: 'Complaint received by email' });
  });
});

describe('what the seeds ask of the other actions', () => {
  it('a meeting held meets the meet deadline; one offered past it is said so (Not Alone Mentoring 7.1)', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack, 'not.alone.mentoring@gmail.com');
    await stack.useCases.staff.sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    await stack.useCases.staff.meeting({ reference, offeredFor: '2026-12-10', at: at('2026-11-25T10:00:00Z'), actor: 'katie' });
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'meeting')?.summary).toBe(
      'Meeting offered for Thursday 10 December 2026: after the meet deadline of Thursday 3 December 2026 (clause 7.1)',
    );
    const held = await stack.useCases.staff.meeting({ reference, held: true, at: at('2026-12-02T10:00:00Z'), actor: 'katie' });
    expect(held.deadlines.find((d) => d.kind === 'meet')?.status).toBe('met');
    expect(held.meeting).toMatchObject({ offeredFor: '2026-12-10', heldAt: '2026-12-02T10:00:00.000Z' });
  });

  it('a signed complaint with no email address waits for staff to acknowledge it, and then moves on (7.1)', async () => {
    const stack = memoryStack();
    const opened = await stack.useCases.staff.open({ policyId: 'not-alone-mentoring', at: at('2026-11-23T10:00:00Z'), actor: 'katie', name: 'Pat Post', address: '1 High Street', summary: 'Missed sessions', channel: 'letter', confidential: false });
    const signed = await stack.useCases.staff.sign({ reference: opened.reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    expect([signed.stage, signed.deadlines.find((d) => d.kind === 'acknowledge')?.status]).toEqual(['stage-1', 'pending']);
    const acknowledged = await stack.useCases.staff.acknowledge({ reference: opened.reference, at: at('2026-11-25T10:00:00Z'), actor: 'katie' });
    expect(acknowledged.stage).toBe('stage-2');
    const draft = (await stack.cases.timeline(opened.reference)).find((e) => e.type === 'letter-drafted');
    expect(String(draft?.detail?.text)).toContain('We will send you our full response by Wednesday 9 December 2026.');
  });

  it('a reassignment tells the new handler, not the old, and never by the complaint\'s words', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack, 'complaints@county-council.example', 'Bins', 'SECRET-WORDS about the bins');
    await stack.useCases.staff.reassign({ reference, role: 'director', at: at('2026-11-24T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    const notice = stack.mailer.sent.find((m) => m.subject === `[${reference}] A complaint has been assigned to you`);
    expect(notice?.to).toEqual(['director.notices@county-council.example']);
    expect(notice?.text).not.toContain('SECRET-WORDS');
    // The refusal names the action to take instead, for each surface to word (a command, a link).
    await expect(stack.useCases.staff.acknowledge({ reference, respondBy: '2027-01-08', at: at('2026-11-24T10:00:00Z'), actor: 'cr' })).rejects.toMatchObject({
      message: 'at Stage one the policy sets the reply date itself (section “What is the Corporate Complaints Procedure?”); to give more time, extend the respond deadline',
      hint: { instead: 'extend', reference },
    });
  });

  it('the digest sent to a person never lists a complaint about them; everyone else still sees it', async () => {
    const stack = memoryStack();
    const about = await stack.useCases.staff.open({ policyId: 'alumot', at: at('2026-11-23T10:00:00Z'), actor: 'trustee', name: 'Pat Person', email: PAT, summary: 'The CEO shouted.', about: 'ceo', channel: 'phone', confidential: false });
    const other = await complaint(stack, 'Shaked@alumot.uk');
    await stack.drain();
    expect(await stack.useCases.sendDigest('alumot', at('2026-11-24T08:00:00Z'))).toBe('sent');
    await stack.drain();
    const digests = stack.mailer.sent.filter((m) => m.subject.startsWith('Complaints digest'));
    const ceo = digests.find((m) => m.to.includes('ceo.notices@alumot.example'));
    const chair = digests.find((m) => m.to.includes('chair.notices@alumot.example'));
    expect(ceo?.text).toContain(other);
    expect(ceo?.text).not.toContain(about.reference);
    expect(chair?.text).toContain(about.reference);
    expect(chair?.to).not.toContain('ceo.notices@alumot.example');
  });

  it('hostile words in every staff field of a letter print as words', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack, 'Shaked@alumot.uk');
    const hostile = '{{org}} <i>x</i>\n\n## y';
    await stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2027-01-29', reason: hostile, at: at('2026-11-25T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    expect(last(stack).text).toContain(`Why it is taking longer: ${hostile}`);
    expect(last(stack).html).toContain('{{org}} &#60;i&#62;x&#60;/i&#62;<br><br>&#35;&#35; y');
    await stack.useCases.staff.outcome({ reference, decision: 'upheld', summary: 'ok', remedies: ['apology'], actions: [{ text: hostile, due: '2027-02-01' }], at: at('2026-12-01T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    expect(last(stack).text).toContain(`- ${hostile}: by Monday 1 February 2027`);
    expect(last(stack).html).not.toContain('<i>x</i>');
  });
});

describe('a reply to an outcome letter may be the request for the next stage', () => {
  const reply = (stack: MemoryStack, reference: string, to: string, receivedAt: string, body = 'I am not happy with this. I want someone else to look at it.') =>
    stack.deliver(email([`From: Pat Person <${PAT}>`, `To: ${to}`, `Subject: Re: [${reference}] Our decision on your complaint`], body), { receivedAt });

  it('is shown to staff with the one action that confirms it, and confirming it sends the next stage its acknowledgement', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'complaints@county-council.example', 'Bins');
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(await reply(stack, reference, 'complaints@county-council.example', '2026-12-02T09:00:00.000Z')).toEqual([{ kind: 'threaded', policyId: 'county-council', reference }]);
    await stack.drain();
    const flagged = await stack.cases.get(reference);
    expect(flagged?.possibleNextStageRequest).toEqual({ at: '2026-12-02T09:00:00.000Z', from: PAT, words: 'I am not happy with this. I want someone else to look at it.' });
    expect(flagged?.stage).toBe('stage-1');
    const notice = stack.mailer.sent.find((m) => m.subject === `[${reference}] New message: perhaps asking for Stage two`);
    expect(notice?.text).toContain(`If the complainant is asking for it, confirm it, which sends them the acknowledgement: http://localhost:3000/console/cases/${reference}/actions/escalate`);
    expect(notice?.text).toContain(`Open it in the console: http://localhost:3000/console/cases/${reference}`);
    expect(notice?.to).not.toContain(PAT);

    const { buildDigest } = await import('#domain/digest/build-digest');
    const digest = buildDigest(seedPolicies.get('county-council'), await stack.cases.open('county-council'), at('2026-12-03T08:00:00Z'));
    expect(digest?.sections[0]).toEqual({
      heading: 'Perhaps asking for the next stage',
      lines: [{ reference, text: `${reference}: Stage one, replied on Wednesday 2 December 2026: confirm it, or say it was not a request` }],
    });

    const two = await staff.escalate({ reference, at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    expect(two.stage).toBe('stage-2');
    expect(two.possibleNextStageRequest).toBeUndefined();
    expect(last(stack).subject).toMatch(/received your request/);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'next-stage-requested')?.summary).toBe('The complainant asked for Stage two (by email on Wednesday 2 December 2026)');
  });

  it('a reply that was not asking (a thank-you) is set aside by staff: the flag goes, the case stays where it is, and it can still be asked', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'complaints@county-council.example', 'Bins');
    await expect(staff['not-a-request']({ reference, at: at('2026-12-01T09:00:00Z'), actor: 'cr' })).rejects.toThrow(`${reference} has no reply waiting to be read as a request for the next stage`);
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await reply(stack, reference, 'complaints@county-council.example', '2026-12-02T09:00:00.000Z', 'Thank you for looking into this.');
    await stack.drain();
    expect(stack.mailer.sent.find((m) => m.subject === `[${reference}] New message: perhaps asking for Stage two`)?.text).toContain(
      `If they are not, say so, and the case leaves the top of the digest: http://localhost:3000/console/cases/${reference}/actions/not-a-request`,
    );
    const set = await staff['not-a-request']({ reference, reason: 'a thank-you', at: at('2026-12-02T10:00:00Z'), actor: 'cr' });
    expect(set.possibleNextStageRequest).toBeUndefined();
    expect(set.stage).toBe('stage-1');
    expect((await stack.cases.timeline(reference)).some((e) => e.summary === 'The reply of Wednesday 2 December 2026 was not a request for the next stage: a thank-you')).toBe(true);
    const { buildDigest } = await import('#domain/digest/build-digest');
    expect(buildDigest(seedPolicies.get('county-council'), await stack.cases.open('county-council'), at('2026-12-03T08:00:00Z'))?.sections.map((s) => s.heading)).not.toContain('Perhaps asking for the next stage');
    expect((await staff.escalate({ reference, at: at('2026-12-03T10:00:00Z'), actor: 'cr' })).stage).toBe('stage-2');
  });

  it('is not taken for one once the time to ask has passed (Not Alone Mentoring 8.1), nor before there is an outcome', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'not.alone.mentoring@gmail.com');
    await staff.sign({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    await reply(stack, reference, 'not.alone.mentoring@gmail.com', '2026-11-25T09:00:00.000Z', 'Any news?');
    expect((await stack.cases.get(reference))?.possibleNextStageRequest).toBeUndefined();
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' });
    await reply(stack, reference, 'not.alone.mentoring@gmail.com', '2026-12-29T09:00:00.000Z', 'I want to appeal.');
    expect((await stack.cases.get(reference))?.possibleNextStageRequest).toBeUndefined();
    await reply(stack, reference, 'not.alone.mentoring@gmail.com', '2026-12-23T09:00:00.000Z', 'I want to appeal, please.');
    expect((await stack.cases.get(reference))?.possibleNextStageRequest).toEqual({ at: '2026-12-23T09:00:00.000Z', from: PAT, windowEnds: '2026-12-24', words: 'I want to appeal, please.' });
  });
});
