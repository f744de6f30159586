/**
 * Where else a complainant can go (issue 21, item 5): each outside body in a final letter with what it does,
 * every way to reach it (web, telephone, post) and how long they have, with the date in words where it can be
 * counted; a body for another matter only in the letter that redirects that matter; and the complainant's page
 * after closure saying the same. Over the memory fakes, with the seed policies as policies/ has them.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { casePageHtml } from '../../shared/adapters/http/complainant-pages.js';
import { complainantView } from '#domain/case/complainant-view';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const PAT = 'pat@example.net';
const at = (iso: string) => DateTime.fromISO(iso);
const REASONS = 'We read the records and spoke to everyone involved.';

async function complaint(stack: MemoryStack, to: string): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, `To: ${to}`, 'Subject: My complaint'], 'It went wrong three times.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

function lastLetter(stack: MemoryStack) {
  const sent = stack.mailer.sent.filter((m) => m.to.includes(PAT));
  return sent[sent.length - 1] as (typeof sent)[number];
}

/** A council complaint received Monday 23 November 2026, answered at stage one, reviewed at stage two: the final letter. */
async function councilFinal(stack: MemoryStack): Promise<string> {
  const staff = stack.useCases.staff;
  const reference = await complaint(stack, 'complaints@county-council.example');
  await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
  await stack.drain();
  await staff.escalate({ reference, at: at('2026-12-02T10:00:00Z'), actor: 'cr' });
  await stack.drain();
  await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-20T10:00:00Z'), actor: 'officer' });
  await stack.drain();
  return reference;
}

const LGSCO = [
  "Local Government and Social Care Ombudsman: an independent service, free to use, that looks at complaints about councils fairly and impartially. It can investigate the Council's handling of the matter you complained about.",
  '- Website: https://www.lgo.org.uk/\n- Telephone: 0300 061 0614 (Monday to Friday, 10am to 4pm, except public holidays)\n- Post: PO Box 4771, Coventry CV4 0EH',
  'It will ask you for a copy of our final letter and our earlier letters to you, so please keep them.',
  'You usually have 12 months to contact them, from when you first knew about the matter you complained about, not from the date of our final letter. You complained to us on Monday 23 November 2026, so the last day is Tuesday 23 November 2027 at the latest, or earlier if you knew about the matter before you complained. It can look at a complaint made later if there is a good reason.',
];

describe("the council's final letter", () => {
  it('names the Ombudsman with what it does, its website, telephone and post, and how long there is, with the date in words', async () => {
    const stack = memoryStack();
    await councilFinal(stack);
    const text = lastLetter(stack).text;
    for (const words of LGSCO) expect(text).toContain(words);
  });

  it('says nothing of the Information Commissioner, which is for matters this procedure does not handle', async () => {
    const stack = memoryStack();
    const reference = await councilFinal(stack);
    expect(lastLetter(stack).text).not.toMatch(/Information Commissioner/);
    // Nor does the refusal of a further stage, which names where the complainant can go instead.
    await expect(stack.useCases.staff.escalate({ reference, at: at('2026-12-21T10:00:00Z'), actor: 'cr' })).rejects.toThrow(
      /^Stage two is the last stage: its decision is final; the complainant can go to Local Government and Social Care Ombudsman$/,
    );
  });

  it('names the Information Commissioner, with its own time limits, in the letter redirecting an information request', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack, 'complaints@county-council.example');
    await stack.useCases.staff.redirect({ reference, outOfScope: 'information-requests', at: at('2026-11-24T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    const text = lastLetter(stack).text;
    expect(text).toContain("Information Commissioner's Office, for a Freedom of Information request: the independent regulator for Freedom of Information.");
    expect(text).toContain('You usually have 6 weeks to contact them, from the Council\'s final response to you, or your last real contact with it about the request.');
    expect(text).toContain("Information Commissioner's Office, for your personal data: the independent regulator for data protection.");
    expect(text).toContain('You have 3 months to contact them, from your last contact with the Council about it.');
    expect(text).toContain('- Website: https://ico.org.uk/make-a-complaint/\n- Telephone: 0303 123 1113');
  });
});

describe("the complainant's page once the complaint is closed", () => {
  it('says where else to go, how to reach each, and by when, with the date in words', async () => {
    const stack = memoryStack();
    const reference = await councilFinal(stack);
    await stack.useCases.staff.close({ category: 'other', reference, at: at('2026-12-21T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    const c = await stack.cases.get(reference);
    const view = complainantView(seedPolicies.get('county-council'), c!, [], '2026-12-21');
    expect(view.next).toContain('Our decision is final. If you are still not satisfied, you can go to the bodies below.');
    expect(view.elsewhere.map((b) => [b.name, b.until])).toEqual([['Local Government and Social Care Ombudsman', '2027-11-23']]);
    const html = String(await casePageHtml({ view, base: '/cases/x', submissionId: 's', maxFileMb: 9 }));
    for (const words of [
      '<h2>Where else you can go</h2>',
      'Local Government and Social Care Ombudsman</h3>',
      '<a href="https://www.lgo.org.uk/">https://www.lgo.org.uk/</a>',
      'Telephone: 0300 061 0614 (Monday to Friday, 10am to 4pm, except public holidays)',
      'Post: PO Box 4771, Coventry CV4 0EH',
      'so the last day is Tuesday 23 November 2027 at the latest',
    ]) expect(html).toContain(words);
    expect(html).not.toContain('Information Commissioner');
  });
});

describe('each seed policy names its outside bodies in full', () => {
  it('Connect: NACCC with its email, post, website, its form and the end of its twelve weeks; the LADO and the ICO with their contacts', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'enquiries.connect@gmail.com');
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-18T12:00:00Z'), actor: 'manager' });
    await stack.drain();
    await staff.escalate({ reference, at: at('2027-01-04T09:00:00Z'), actor: 'officer' });
    await stack.drain();
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-01-20T12:00:00Z'), actor: 'officer' });
    await stack.drain();
    const text = lastLetter(stack).text;
    for (const words of [
      '- Website: https://naccc.org.uk/for-parents/making-a-complaint/\n- Email: contact@naccc.org.uk\n- Post: The Chief Executive, NACCC, 26-34 Friar Lane, Nottingham NG1 6DQ',
      'Fill in the complaint form NACCC provides (from its website) and email it to contact@naccc.org.uk once our complaints procedure is complete.',
      // Twelve weeks from Friday 18 December 2026, the end of stage 2.
      'You need to contact them by Friday 12 March 2027.',
      '- Telephone: 01609 533080 (office hours)\n- Email: lado@northyorks.gov.uk',
      'You have 3 months to contact them, from your last contact with us about it.',
    ]) expect(text).toContain(words);
  });

  it('Connected Together: the councils that took over from Northamptonshire County Council, Rutland, and the Ombudsman with its date', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'complaints@connected-together.example');
    await staff.event({ reference, event: 'nature-established', at: at('2026-11-25T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-10T10:00:00Z'), actor: 'ceo-person' });
    await stack.drain();
    await staff.escalate({ reference, at: at('2026-12-11T10:00:00Z'), actor: 'office' });
    await stack.drain();
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-01-20T10:00:00Z'), actor: 'board-member' });
    await stack.drain();
    const text = lastLetter(stack).text;
    expect(text).not.toContain('Northamptonshire County Council,');
    for (const words of [
      "North Northamptonshire Council: the council for Corby, East Northamptonshire, Kettering and Wellingborough, which took over Northamptonshire County Council's services there in April 2021.",
      '- Telephone: 0300 126 3000',
      '- Post: Compliments, Comments and Complaints Team, North Northamptonshire Council, Sheerness House, 41 Meadow Road, Kettering NN16 8TL',
      '- Telephone: 0300 126 7000',
      '- Post: Catmose House, Catmos Street, Oakham LE15 6HP',
      'so the last day is Tuesday 23 November 2027 at the latest',
    ]) expect(text).toContain(words);
  });

  it('Alumot: the LADO with what it does, its email and both telephones', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack, 'Shaked@alumot.uk');
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-10T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    await staff.escalate({ reference, at: at('2026-12-11T10:00:00Z'), actor: 'ceo' });
    await stack.drain();
    await staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-20T10:00:00Z'), actor: 'panel' });
    await stack.drain();
    const text = lastLetter(stack).text;
    expect(text).toContain('Local Authority Designated Officer (LADO), Cambridgeshire: the council officer who deals with concerns that someone who works or volunteers with children has harmed a child, or may be a risk to children.');
    expect(text).toContain('- Telephone: 01223 727 967 (Monday to Friday, office hours); 01733 234 724 (emergency duty team, out of hours)\n- Email: LADO@cambridgeshire.gov.uk');
  });
});
