/**
 * The annual report's figures (../shared/conventions/report.md) from cases built through the actions with known
 * dates: the council across the 2026/2027 year boundary, with an extension, a withdrawal, a redirection, an early
 * resolution, an escalation and a case destroyed at retention that still counts.
 */
import { describe, expect, it } from 'vitest';
import { MemoryReportRecords } from '#adapters/memory/memory-report-records';
import { annualFigures } from '#domain/reporting/annual-figures';
import { DateTime } from 'luxon';
import { councilYear, REASONS } from '#tests/support/council-year';
import { email, memoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const council = seedPolicies.get('county-council');

describe('the annual figures', () => {
  it('counts 2027 by the date of each event, for every stage in order, a destroyed case included', async () => {
    const { stack } = await councilYear();
    const records = new MemoryReportRecords(stack.tables);
    const figures = annualFigures(council, await records.ofYear('county-council', 2027), 2027, '2027-12-31');
    expect(figures).toMatchObject({
      policy: 'county-council',
      year: 2027,
      // B, C, D, E, G, H: not A (received in 2026), not F (resolved at once, not a complaint).
      received: 6,
      byChannel: { email: 6 },
      earlyResolutions: 1,
      withdrawn: 1,
      redirected: 1,
      redirectedTo: [{ matter: "adult social care and children's social care (statutory complaints procedures)", goTo: 'the statutory social care complaints procedures', count: 1 }],
      escalated: 1,
      toOutsideBodies: [{ body: 'lgo', name: 'Local Government and Social Care Ombudsman', count: 1 }],
      remedies: [
        { remedy: 'explanation', count: 1 },
        { remedy: 'apology', count: 1 },
      ],
      actionsAgreed: 1,
      actionsDone: 0,
      actionsOverdue: 1,
      lessons: ['Route changes must reach the crews before the day.'],
      fromDestroyedCases: 1,
    });
    expect(figures.stages.map((s) => s.stage)).toEqual(['stage-1', 'stage-2']);
    expect(figures.stages[0]).toEqual({
      stage: 'stage-1',
      name: 'Stage one',
      entered: 7,
      acknowledged: 7,
      acknowledgedOnTime: 7,
      // A 9, B 7, C 19, G 5, H 4 working days.
      responded: 5,
      respondedOnTime: 4,
      respondedWithinExtension: 5,
      extended: 1,
      averageWorkingDaysToRespond: 8.8,
      medianWorkingDaysToRespond: 7,
      outcomes: { upheld: 1, 'partly-upheld': 1, 'not-upheld': 3 },
    });
    expect(figures.stages[1]).toMatchObject({ stage: 'stage-2', entered: 1, responded: 0, averageWorkingDaysToRespond: null, medianWorkingDaysToRespond: null, outcomes: { upheld: 0, 'partly-upheld': 0, 'not-upheld': 0 } });
    // D (withdrawn) and H (closed) had to be filed under a category to close; the open ones need none yet.
    expect(figures.byCategory.find((c) => c.category === 'uncategorised')?.count).toBe(4);
    expect(figures.byCategory.find((c) => c.category === 'other')?.count).toBe(2);
  });

  it('counts 2026 apart: the case received in December, answered in January, is received in one year and answered in the next', async () => {
    const { stack } = await councilYear();
    const figures = annualFigures(council, await new MemoryReportRecords(stack.tables).ofYear('county-council', 2026), 2026, '2027-12-31');
    expect(figures).toMatchObject({ received: 1, escalated: 0, actionsAgreed: 0 });
    expect(figures.stages[0]).toMatchObject({ entered: 1, acknowledged: 1, acknowledgedOnTime: 1, responded: 0, averageWorkingDaysToRespond: null });
  });

  it('keeps no personal data in the records, and none of the words of a destroyed case', async () => {
    const { stack, refs } = await councilYear();
    const records = await new MemoryReportRecords(stack.tables).ofYear('county-council', 2027);
    const text = JSON.stringify(records);
    for (const personal of ['person', 'example.net', 'bins were not collected', REASONS, 'Retrain the crew', 'cr@county-council']) expect(text).not.toContain(personal);
    const destroyed = records.find((r) => r.reference === refs.h);
    expect(destroyed).toMatchObject({ destroyed: true, outcomes: [{ stage: 'stage-1', decision: 'not-upheld' }] });
  });
});

describe('the annual figures of every seed policy', () => {
  const mail = async (stack: ReturnType<typeof memoryStack>, to: string, when: string) => {
    stack.clock.set(when);
    // Each message its own (the same bytes twice are one delivery, taken in once).
    const [o] = await stack.deliver(email(['From: Pat Person <pat@example.net>', `To: ${to}`, `Subject: My complaint of ${when}`], 'Nobody came to the sessions we were promised.'), { receivedAt: when });
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    return o.reference;
  };
  const figuresOf = async (stack: ReturnType<typeof memoryStack>, policy: string) => annualFigures(seedPolicies.get(policy), await stack.reportRecords.ofYear(policy, 2027), 2027, '2027-12-31');
  const REASONS_SEED = 'We read the records and spoke to everyone involved.';

  it('Alumot: formal stages only (not the informal word), 10 working days to a response, a review asked for', async () => {
    const stack = memoryStack();
    const reference = await mail(stack, 'Shaked@alumot.uk', '2027-03-01T09:00:00Z');
    await stack.useCases.staff.outcome({ reference, decision: 'partly-upheld', summary: REASONS_SEED, whatUpheld: 'One visit was cut short.', whatNotUpheld: 'The other visits took place.', remedies: ['apology'], actions: [], at: DateTime.fromISO('2027-03-15T15:00:00Z'), actor: 'ceo' });
    await stack.useCases.staff.escalate({ reference, at: DateTime.fromISO('2027-03-19T10:00:00Z'), actor: 'ceo' });
    const figures = await figuresOf(stack, 'alumot');
    expect(figures).toMatchObject({ received: 1, escalated: 1, remedies: [{ remedy: 'apology', count: 1 }] });
    expect(figures.stages.map((s) => s.stage)).toEqual(['stage-1', 'stage-2']);
    expect(figures.stages[0]).toMatchObject({ entered: 1, acknowledged: 1, acknowledgedOnTime: 1, responded: 1, respondedOnTime: 1, averageWorkingDaysToRespond: 10, outcomes: { 'partly-upheld': 1 } });
    expect(figures.stages[1]).toMatchObject({ entered: 1, acknowledged: 1, acknowledgedOnTime: 1, responded: 0 });
  });

  it('Connected Together: the response is counted from the day the nature of the complaint was established (2.4)', async () => {
    const stack = memoryStack();
    const reference = await mail(stack, 'complaints@connected-together.example', '2027-03-01T09:00:00Z');
    await stack.useCases.staff.event({ reference, event: 'nature-established', at: DateTime.fromISO('2027-03-03T11:00:00Z'), actor: 'officer' });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS_SEED, remedies: [], actions: [], at: DateTime.fromISO('2027-03-17T15:00:00Z'), actor: 'ceo' });
    const figures = await figuresOf(stack, 'connected-together');
    expect(figures.stages.map((s) => s.stage)).toEqual(['formal', 'appeal']);
    // 4 March to 17 March: 10 working days (12 from receipt).
    expect(figures.stages[0]).toMatchObject({ entered: 1, responded: 1, respondedOnTime: 1, averageWorkingDaysToRespond: 10, medianWorkingDaysToRespond: 10 });
  });

  it('Not Alone Mentoring: signed, moved to investigation by the policy itself (not counted as a request), answered in 8 working days', async () => {
    const stack = memoryStack();
    const reference = await mail(stack, 'not.alone.mentoring@gmail.com', '2027-03-01T09:00:00Z');
    await stack.useCases.staff.sign({ reference, at: DateTime.fromISO('2027-03-02T10:00:00Z'), actor: 'katie' });
    await stack.useCases.staff.outcome({ reference, decision: 'upheld', summary: REASONS_SEED, remedies: ['apology'], actions: [], at: DateTime.fromISO('2027-03-12T15:00:00Z'), actor: 'katie' });
    const figures = await figuresOf(stack, 'not-alone-mentoring');
    expect(figures).toMatchObject({ received: 1, escalated: 0 });
    expect(figures.stages.map((s) => s.stage)).toEqual(['stage-1', 'stage-2', 'stage-3']);
    expect(figures.stages[0]).toMatchObject({ entered: 1, acknowledged: 1, acknowledgedOnTime: 1, responded: 0 });
    expect(figures.stages[1]).toMatchObject({ entered: 1, responded: 1, respondedOnTime: 1, averageWorkingDaysToRespond: 8, outcomes: { upheld: 1 } });
  });

  it('Connect: the reply date staff set is the one measured; a withdrawal counted apart', async () => {
    const stack = memoryStack();
    const reference = await mail(stack, 'enquiries.connect@gmail.com', '2027-03-01T09:00:00Z');
    await stack.useCases.staff.acknowledge({ reference, respondBy: '2027-03-12', at: DateTime.fromISO('2027-03-02T10:00:00Z'), actor: 'manager' });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: REASONS_SEED, remedies: [], actions: [], at: DateTime.fromISO('2027-03-10T15:00:00Z'), actor: 'manager' });
    const other = await mail(stack, 'enquiries.connect@gmail.com', '2027-04-01T09:00:00Z');
    await stack.useCases.staff.withdraw({ category: 'other', reference: other, confirmedInWriting: true, at: DateTime.fromISO('2027-04-06T10:00:00Z'), actor: 'manager' });
    const figures = await figuresOf(stack, 'connect-north-yorkshire');
    expect(figures).toMatchObject({ received: 2, withdrawn: 1 });
    expect(figures.stages.map((s) => s.stage)).toEqual(['stage-2', 'stage-3']);
    expect(figures.stages[0]).toMatchObject({ entered: 2, responded: 1, respondedOnTime: 1, averageWorkingDaysToRespond: 7 });
  });
});
