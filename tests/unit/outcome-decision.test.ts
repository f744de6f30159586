/**
 * The decision is the officer's (issue 21, item 7): the outcome form chooses nothing for them, Redress's own
 * words state the decision and nothing more (so they cannot contradict the officer's reasons), and a partly
 * upheld complaint's letter says what was upheld and what was not, in the officer's words.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CONSOLE_FORMS } from '#adapters/http/console-actions';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const PAT = 'pat@example.net';
const at = (iso: string) => DateTime.fromISO(iso);
// Reasons that admit a fault, as an officer writes them when the complaint is not upheld all the same.
const REASONS = 'The crew should have come back the same week, and did not; but the bins were put out after the collection time each time.';

async function councilComplaint(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', 'Subject: Bins'], 'My bins were missed three weeks running.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

function lastLetter(stack: MemoryStack) {
  const sent = stack.mailer.sent.filter((m) => m.to.includes(PAT));
  return sent[sent.length - 1] as (typeof sent)[number];
}

/** The letter less the officer's own words: what Redress says by itself. */
function redressWords(text: string, ...officer: string[]): string {
  return officer.reduce((t, words) => t.split(words).join('[officer]'), text);
}

describe('the outcome form', () => {
  const outcome = CONSOLE_FORMS.outcome;
  if (outcome === 'command-line-only') throw new Error('no outcome form');

  it('chooses no decision: its first choice is empty, and sending it so is refused in words', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    const c = await stack.cases.get(reference);
    const fields = outcome.fields(c!, seedPolicies.get('county-council'));
    const decision = fields.find((f) => f.name === 'decision');
    expect(decision?.options?.[0]).toEqual({ value: '', label: 'Choose the decision' });
    expect(decision?.options?.slice(1).map((o) => o.value)).toEqual(['upheld', 'partly-upheld', 'not-upheld']);
    // The form asks what was upheld and what was not, for a decision in part.
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['whatUpheld', 'whatNotUpheld']));

    const base = { reference, actor: 'manager', at: at('2026-12-01T10:00:00Z') };
    await expect(stack.useCases.staff.outcome({ ...base, ...outcome.input({ summary: REASONS }) })).rejects.toMatchObject({
      message: 'choose the decision (upheld, partly upheld or not upheld): nothing is chosen for you',
      hint: { input: 'decision' },
    });
    await stack.drain();
    expect((await stack.cases.get(reference))?.outcome).toBeUndefined();
    expect(stack.mailer.sent.filter((m) => m.to.includes(PAT))).toHaveLength(1);
  });

  it('takes what was and was not upheld from the form into the letter', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    await stack.useCases.staff.outcome({
      reference,
      actor: 'manager',
      at: at('2026-12-01T10:00:00Z'),
      ...outcome.input({
        decision: 'partly-upheld',
        summary: REASONS,
        whatUpheld: 'That the crew missed your street in the week of 9 November.',
        whatNotUpheld: 'That the bins were missed in the other two weeks.',
      }),
    });
    await stack.drain();
    const text = lastLetter(stack).text;
    expect(text).toContain('We have upheld part of your complaint.\n\nWhat we upheld\n--------------\n\nThat the crew missed your street in the week of 9 November.');
    expect(text).toContain('What we did not uphold\n----------------------\n\nThat the bins were missed in the other two weeks.');
  });
});

describe('the outcome letter states the decision in words that cannot contradict the reasons', () => {
  it('not upheld: the decision, then the officer\'s reasons; Redress claims nothing about fault', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    const text = lastLetter(stack).text;
    expect(text).toContain(`We have not upheld your complaint.\n\nWhy we reached this decision\n----------------------------\n\n${REASONS}`);
    expect(redressWords(text, REASONS)).not.toMatch(/got (some )?things wrong|do not think/);
  });

  it('upheld and partly upheld say the decision only; Redress claims nothing the reasons might not', async () => {
    for (const decision of ['upheld', 'partly-upheld'] as const) {
      const stack = memoryStack();
      const reference = await councilComplaint(stack);
      const parts = decision === 'partly-upheld' ? { whatUpheld: 'The missed week.', whatNotUpheld: 'The other two weeks.' } : {};
      await stack.useCases.staff.outcome({ reference, decision, summary: REASONS, ...parts, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
      await stack.drain();
      const text = lastLetter(stack).text;
      expect(text).toContain(decision === 'upheld' ? 'We have upheld your complaint.\n' : 'We have upheld part of your complaint.\n');
      expect(redressWords(text, REASONS)).not.toMatch(/got (some )?things wrong|but not all of them/);
    }
  });

  it('partly upheld needs what was upheld and what was not; another decision with them is refused as a contradiction', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    const staff = stack.useCases.staff;
    const base = { reference, summary: REASONS, remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' };
    await expect(staff.outcome({ ...base, decision: 'partly-upheld' })).rejects.toMatchObject({
      message: 'a complaint upheld in part: say what was upheld and what was not, for the letter',
      hint: { input: 'whatUpheld' },
    });
    await expect(staff.outcome({ ...base, decision: 'partly-upheld', whatUpheld: 'The missed week.' })).rejects.toMatchObject({ hint: { input: 'whatNotUpheld' } });
    await expect(staff.outcome({ ...base, decision: 'not-upheld', whatUpheld: 'The missed week.' })).rejects.toMatchObject({
      message: 'the decision is "not upheld", but you said what was upheld: choose "partly upheld", or leave out what was upheld',
      hint: { input: 'decision' },
    });
    await expect(staff.outcome({ ...base, decision: 'upheld', whatNotUpheld: 'The other weeks.' })).rejects.toMatchObject({
      message: 'the decision is "upheld", but you said what was not upheld: choose "partly upheld", or leave out what was not upheld',
      hint: { input: 'decision' },
    });
    // An apology says something went wrong: it cannot sit beside "not upheld".
    await expect(staff.outcome({ ...base, decision: 'not-upheld', remedies: ['apology'] })).rejects.toMatchObject({
      message: 'an apology ("We are sorry for what went wrong") cannot go with "not upheld": if something went wrong, the complaint is upheld in part',
      hint: { input: 'decision' },
    });
    await stack.drain();
    expect((await stack.cases.get(reference))?.outcome).toBeUndefined();
  });
});

describe('remedies the letter says are "set out below"', () => {
  it('are refused without an action to set out, and the letter lists them when given', async () => {
    const stack = memoryStack();
    const reference = await councilComplaint(stack);
    const request = { reference, decision: 'upheld' as const, summary: 'The crew missed your street.', remedies: ['apology', 'steps'], at: at('2026-11-30T10:00:00Z'), actor: 'manager' };
    await expect(stack.useCases.staff.outcome({ ...request, actions: [] })).rejects.toThrow(
      'the letter says the steps we are taking so that this does not happen again are set out in it: add each as an action we agreed, with its date',
    );
    await stack.useCases.staff.outcome({ ...request, actions: [{ text: 'Add your street to the round sheet', due: '2027-01-08' }] });
    await stack.drain();
    const text = lastLetter(stack).text;
    expect(text).toContain('The steps we are taking so that this does not happen again, set out below.');
    expect(text).toMatch(/Add your street to the round sheet: by Friday 8 January 2027/);
  });
});
