/**
 * A case that enters a later stage tells that stage's handler, whatever moved it (the complainant on their page,
 * a reply by email that staff confirm, staff recording a call, the policy moving it by itself), and a stage whose
 * responses the policy shares (the council's stage two: the relevant Director, then the Chief Executive) sends
 * each role a copy. Never to the person the complaint is about. Each notice is read as it is rendered.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { complainantPageOver } from '#tests/support/complainant-page-over';
import { actionFor } from '#adapters/http/console-actions';
import type { Case } from '#domain/case/case';
import { html } from '../../shared/adapters/http/console/html.js';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const at = (iso: string) => DateTime.fromISO(iso);
const PAT = 'pat@example.net';
const COUNCIL = 'complaints@county-council.example';
const OFFICER = 'independent-officer.notices@county-council.example';
const DIRECTOR = 'director.notices@county-council.example';
const CHIEF = 'chief-executive.notices@county-council.example';
const REASONS = 'We checked the round sheets: the crew reported the bins as not put out.';
const CONSOLE = 'http://localhost:3000/console/cases';

type Sent = MemoryStack['mailer']['sent'][number];

async function councilComplaint(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, `To: ${COUNCIL}`, 'Subject: Missed bins'], 'My bins were not collected for three weeks.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.useCases.staff.outcome({ reference: o.reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
  await stack.drain();
  return o.reference;
}

const to = (stack: MemoryStack, address: string): Sent[] => stack.mailer.sent.filter((m) => m.to.includes(address));
const only = (sent: Sent[]): Sent => {
  expect(sent).toHaveLength(1);
  return sent[0] as Sent;
};

/** What every stage-two notice of the council must carry: the reference, the dates now running, the console link. */
function expectHandover(notice: Sent, reference: string) {
  expect(notice.subject).toBe(`[${reference}] Stage two asked for: the complaint is now with you`);
  for (const words of [
    `Reference: ${reference}`,
    'Stage: Stage two',
    'Handled by: An officer independent of the service complained about',
    // Asked on Thursday 3 December 2026: twenty working days, past Christmas and New Year's Day.
    'Respond by: Tuesday 5 January 2027 (20 working days, section “What is the Corporate Complaints Procedure?”)',
    `Open it in the console: ${CONSOLE}/${reference}`,
    'Stage one: not upheld on Tuesday 1 December 2026',
    'This stage must be handled by someone not involved before: usually an officer independent of the service complained about',
    'We have sent the complainant the acknowledgement of Stage two.',
  ]) expect(notice.text).toContain(words);
  expect(notice.text).not.toContain('clause What is');
}

describe('the next stage’s handler is told, whatever path the case took there', () => {
  it('on the complainant’s page: their reasons, the dates now running and the console link', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    const token = (await stack.cases.get(reference))?.page?.token as string;
    const why = 'The bins are still not collected. <b>Nobody</b> called me back.';
    await stack.useCases.complainant.askForReview({ token, fromStage: 'stage-1', reasons: why, at: at('2026-12-03T10:00:00Z') });
    await stack.drain();

    const notice = only(to(stack, OFFICER));
    expectHandover(notice, reference);
    expect(notice.text).toContain('The complainant asked for Stage two on Thursday 3 December 2026 (on their complaint page).');
    expect(notice.text).toContain(`Why they asked\n--------------\n\nIn their words: ${why}`);
    // Their words are text in the HTML notice, never markup.
    expect(notice.html).toContain('&#60;b&#62;Nobody&#60;/b&#62;');
    expect(notice.to).not.toContain(PAT);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'next-stage-requested')?.detail).toMatchObject({ grounds: why });
  });

  it('the page’s own form asks for the reasons (optional) and carries them to the handler', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    const token = (await stack.cases.get(reference))?.page?.token as string;
    const app = complainantPageOver(stack, '2026-12-03T10:00:00Z');
    const page = await (await app.request(`/cases/${token}`)).text();
    expect(page).toContain('<label for="reasons">What is still wrong, in your own words (optional)</label>');
    expect(page).toContain('You do not have to give reasons. If you do, the person who looks at your complaint next will read them.');
    const asked = await app.request(`/cases/${token}/review`, {
      method: 'POST',
      body: new URLSearchParams({ fromStage: 'stage-1', reasons: 'Still no collection on Tuesday.' }),
      headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(asked.status).toBe(303);
    await stack.drain();
    expect(only(to(stack, OFFICER)).text).toContain('In their words: Still no collection on Tuesday.');
  });

  it('by email, once staff confirm the reply was the request: the words of that reply', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    const words = 'I am not happy with this answer. The crew never came, whatever the sheets say.';
    await stack.deliver(email([`From: Pat Person <${PAT}>`, `To: ${COUNCIL}`, `Subject: Re: [${reference}] Our decision on your complaint`], words), { receivedAt: '2026-12-02T09:00:00.000Z' });
    await stack.drain();
    expect(to(stack, OFFICER)).toEqual([]);

    await stack.useCases.staff.escalate({ reference, at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    const notice = only(to(stack, OFFICER));
    expectHandover(notice, reference);
    expect(notice.text).toContain('The complainant asked for Stage two on Thursday 3 December 2026 (by email on Wednesday 2 December 2026).');
    expect(notice.text).toContain(`Their email of Wednesday 2 December 2026: ${words}`);
  });

  it('recorded by staff from a call: the reasons staff took down, or a prompt to ask for them', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    await stack.useCases.staff.escalate({ reference, grounds: 'Says the crew skipped the street again this week.', at: at('2026-12-03T10:00:00Z'), actor: 'cr@county-council.example' });
    await stack.drain();
    const notice = only(to(stack, OFFICER));
    expectHandover(notice, reference);
    expect(notice.text).toContain('The complainant asked for Stage two on Thursday 3 December 2026 (recorded by cr@county-council.example).');
    expect(notice.text).toContain('In their words, as staff recorded them: Says the crew skipped the street again this week.');

    const quiet = memoryStack();
    const other = await councilComplaint(quiet);
    await quiet.useCases.staff.escalate({ reference: other, at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    await quiet.drain();
    expect(only(to(quiet, OFFICER)).text).toContain('They gave no reasons with the request. A complainant need not give any: ask them what is still wrong before you review it.');
  });

  it('the console’s preview of the request shows the notice the handler will get, apart from the complainant’s letter', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    const before = await stack.cases.get(reference);
    const acted = await stack.useCases.act({ kind: 'command-line', name: 'cr' }, 'escalate', reference, { grounds: 'Skipped again.' }, { at: at('2026-12-03T10:00:00Z'), preview: true });
    if (acted.outcome !== 'preview') throw new Error(acted.outcome);
    const letters = [...acted.letters];
    const events = [...acted.events];
    // A preview writes nothing: the case is at the version it was.
    expect((await stack.cases.get(reference))?.version).toBe(before?.version);
    const action = actionFor('escalate');
    if (!action) throw new Error('no escalate action');
    const page = html.preview({ signed: { name: 'Casey', csrf: 'x' }, c: (await stack.cases.get(reference)) as Case, action, values: {}, letters, events });
    expect(page).toContain('<h2>The letter to the complainant</h2>');
    expect(page).toContain('<h2>Notices to staff</h2>');
    expect(page).toContain(`<strong>To:</strong> ${OFFICER}. <strong>Subject:</strong> [${reference}] Stage two asked for: the complaint is now with you`);
    expect(page).toContain('In their words, as staff recorded them: Skipped again.');
    expect(to(stack, OFFICER)).toEqual([]);
  });

  it('a confidential case’s notice carries its reference and dates, not the complainant’s words', async () => {
    const stack = memoryStack();
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Sol Secret', email: 'sol@example.net', summary: 'About my care.', channel: 'phone', confidential: true });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await stack.useCases.staff.escalate({ reference, grounds: 'My carer still comes late.', at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    const notice = only(to(stack, OFFICER));
    expect(notice.text).toContain('Respond by: Tuesday 5 January 2027');
    expect(notice.text).toContain('This complaint is confidential: read why they asked in the console, where the reading is recorded on the case.');
    for (const secret of ['carer', 'Sol', 'crew']) expect(notice.text).not.toContain(secret);
  });

  it('a move the policy makes by itself (Not Alone Mentoring 7.1) tells the investigation’s handler its dates', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: not.alone.mentoring@gmail.com', 'Subject: Sessions'], 'The volunteer did not come.'));
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    await stack.drain();
    const before = stack.mailer.sent.length;
    await stack.useCases.staff.sign({ reference: o.reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    await stack.drain();
    const notices = stack.mailer.sent.slice(before).filter((m) => !m.to.includes(PAT));
    const notice = only(notices);
    expect(notice.subject).toBe(`[${o.reference}] Investigation has begun: the complaint is with you`);
    expect(notice.text).toContain('Investigation began on Tuesday 24 November 2026. The complaint goes on to investigation once it is acknowledged (clause 7.1).');
    expect(notice.text).toContain('Meet the complainant by: Thursday 3 December 2026 (7 working days, clause 7.1)');
    expect(notice.text).toContain('Respond by: Tuesday 8 December 2026 (10 working days, clause 7.2)');
  });

  it('never goes to the person the complaint is about (Alumot: about the Chief Executive, stage two goes to the Board)', async () => {
    const stack = memoryStack();
    const { reference } = await stack.useCases.staff.open({ policyId: 'alumot', at: at('2026-11-23T10:00:00Z'), actor: 'chair', name: 'Pat Person', email: PAT, summary: 'The CEO was rude to me.', about: 'ceo', channel: 'phone', confidential: false });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'chair' });
    await stack.drain();
    const before = stack.mailer.sent.length;
    await stack.useCases.staff.escalate({ reference, grounds: 'The Chair did not speak to the witnesses.', at: at('2026-12-03T10:00:00Z'), actor: 'chair' });
    await stack.drain();
    const notices = stack.mailer.sent.slice(before).filter((m) => !m.to.includes(PAT));
    const notice = only(notices);
    expect(notice.to).toEqual(['board.notices@alumot.example']);
    expect(notice.text).toContain('The Chair did not speak to the witnesses.');
    for (const m of stack.mailer.sent) for (const address of ['ceo.notices@alumot.example', 'Shaked@alumot.uk']) expect(m.to).not.toContain(address);
  });
});

describe('a stage whose responses the policy shares (the council: every stage two response to the Director, then the Chief Executive)', () => {
  async function atStageTwo(stack: MemoryStack, about?: string): Promise<string> {
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', email: PAT, summary: 'My bins were not collected.', channel: 'phone', confidential: false, ...(about ? { about } : {}) });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await stack.useCases.staff.escalate({ reference, at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    await stack.drain();
    return reference;
  }
  const STAGE_TWO = 'The review found that the crew missed the street on three weeks running. We have changed the round.';

  it('sends each role the response as the complainant had it, in the policy’s order, without the link to their page', async () => {
    const stack = memoryStack();
    const reference = await atStageTwo(stack);
    const before = stack.mailer.sent.length;
    await stack.useCases.staff.outcome({ reference, decision: 'upheld', summary: STAGE_TWO, remedies: ['apology'], actions: [], at: at('2026-12-14T10:00:00Z'), actor: 'officer' });
    await stack.drain();
    const after = stack.mailer.sent.slice(before);
    const final = after.find((m) => m.to.includes(PAT));
    expect(final?.subject).toBe(`[${reference}] Our final decision on your complaint`);
    const copies = after.filter((m) => !m.to.includes(PAT));
    expect(copies.map((m) => m.to)).toEqual([[DIRECTOR], [CHIEF]]);
    for (const copy of copies) {
      expect(copy.subject).toBe(`[${reference}] For information: the Stage two response`);
      expect(copy.text).toContain(
        'Every Stage two response is shared with the relevant Director, then Chief Executive, for information (section “What is the Corporate Complaints Procedure?”). This is the response sent to the complainant on Monday 14 December 2026.',
      );
      expect(copy.text).toContain(STAGE_TWO);
      expect(copy.text).toContain('This is the final decision of');
      expect(copy.text).toContain(`Open it in the console: ${CONSOLE}/${reference}`);
      expect(copy.text).not.toContain('/cases/' + (await stack.cases.get(reference))?.page?.token);
    }
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.some((e) => e.summary === 'The Stage two response was shared with the relevant Director, then Chief Executive (section “What is the Corporate Complaints Procedure?”)')).toBe(true);
  });

  it('a confidential case’s copy says where to read the response, and carries none of it', async () => {
    const stack = memoryStack();
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Sol Secret', email: 'sol@example.net', summary: 'About my care.', channel: 'phone', confidential: true });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await stack.useCases.staff.escalate({ reference, at: at('2026-12-03T10:00:00Z'), actor: 'cr' });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: STAGE_TWO, remedies: [], actions: [], at: at('2026-12-14T10:00:00Z'), actor: 'officer' });
    await stack.drain();
    for (const address of [DIRECTOR, CHIEF]) {
      const copy = only(to(stack, address));
      expect(copy.text).toContain('This complaint is confidential: read the response in the console, where the reading is recorded on the case.');
      for (const secret of ['Sol', 'crew', 'round']) expect(copy.text).not.toContain(secret);
    }
  });

  it('stage one’s response is not shared: the policy says so of stage two only', async () => {
    const stack = memoryStack();
    await atStageTwo(stack);
    expect(to(stack, DIRECTOR)).toEqual([]);
    expect(to(stack, CHIEF)).toEqual([]);
  });

  it('skips the role the complaint is about, and says so on the case', async () => {
    const stack = memoryStack();
    const reference = await atStageTwo(stack, 'director');
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: STAGE_TWO, remedies: [], actions: [], at: at('2026-12-14T10:00:00Z'), actor: 'officer' });
    await stack.drain();
    expect(to(stack, DIRECTOR)).toEqual([]);
    expect(to(stack, CHIEF)).toHaveLength(1);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.some((e) => e.summary === 'The Stage two response was not shared with the relevant Director: the complaint is about them')).toBe(true);
  });
});
