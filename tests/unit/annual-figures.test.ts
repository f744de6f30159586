/**
 * The annual report's figures (../shared/conventions/report.md) from cases built through the actions with known
 * dates: the council across the 2026/2027 year boundary, with an extension, a withdrawal, a redirection, an early
 * resolution, an escalation and a case destroyed at retention that still counts.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MemoryReportRecords } from '#adapters/memory/memory-report-records';
import { annualFigures } from '#domain/reporting/annual-figures';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const council = seedPolicies.get('county-council');

async function received(stack: MemoryStack, when: string, n: number): Promise<string> {
  stack.clock.set(when);
  const [o] = await stack.deliver(email([`From: Person ${n} <person${n}@example.net>`, 'To: complaints@county-council.example', `Subject: Complaint ${n}`], 'The bins were not collected again this week.'), { receivedAt: when });
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

const REASONS = 'We checked the crew records and the collection was missed.';

async function councilYear() {
  const stack = memoryStack();
  const staff = stack.useCases.staff;
  const actor = 'cr@county-council.example';
  // A: received on Monday 21 December 2026; answered on 6 January 2027, 9 working days on (Christmas, Boxing Day
  // and New Year's Day are not working days).
  const a = await received(stack, '2026-12-21T09:00:00Z', 1);
  await staff.outcome({ reference: a, decision: 'partly-upheld', summary: REASONS, remedies: ['explanation'], actions: [], at: at('2027-01-06T15:00:00Z'), actor });
  // B: 7 working days, upheld with an apology and an action.
  const b = await received(stack, '2027-01-11T09:00:00Z', 2);
  await staff.outcome({ reference: b, decision: 'upheld', summary: REASONS, remedies: ['apology'], actions: [{ text: 'Retrain the crew on the route', due: '2027-02-15' }], lessons: 'Route changes must reach the crews before the day.', at: at('2027-01-20T15:00:00Z'), actor });
  // C: the reply date was extended (15 February to 1 March); answered on 26 February, 19 working days on.
  const c = await received(stack, '2027-02-01T09:00:00Z', 3);
  await staff.extend({ reference: c, kind: 'respond', newDate: '2027-03-01', reason: 'the depot records are with the contractor', at: at('2027-02-10T10:00:00Z'), actor });
  await staff.outcome({ reference: c, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-02-26T15:00:00Z'), actor });
  // D withdrawn, E redirected, F resolved at once (not a complaint).
  const d = await received(stack, '2027-03-01T09:00:00Z', 4);
  await staff.withdraw({ reference: d, confirmedInWriting: false, at: at('2027-03-10T10:00:00Z'), actor });
  const e = await received(stack, '2027-03-02T09:00:00Z', 5);
  await staff.redirect({ reference: e, outOfScope: 'social-care', at: at('2027-03-15T10:00:00Z'), actor });
  const f = await received(stack, '2027-04-01T09:00:00Z', 6);
  await staff.earlyResolution({ reference: f, summary: 'The missed bin was collected the same afternoon.', at: at('2027-04-01T15:00:00Z'), actor });
  // G: answered in 5 working days, then asked for stage two.
  const g = await received(stack, '2027-06-01T09:00:00Z', 7);
  await staff.outcome({ reference: g, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-06-08T15:00:00Z'), actor });
  await staff.escalate({ reference: g, at: at('2027-06-10T10:00:00Z'), actor });
  // H: answered in 4 working days and closed; six years on its personal data is destroyed.
  const h = await received(stack, '2027-05-04T09:00:00Z', 8);
  await staff.outcome({ reference: h, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-05-10T15:00:00Z'), actor });
  await staff.close({ reference: h, at: at('2027-05-11T10:00:00Z'), actor });
  await stack.drain();
  stack.clock.set('2033-06-01T00:30:00Z');
  for (const timer of await stack.timers.list(h)) if (Date.parse(timer.fireAt) <= Date.parse('2033-06-01T00:30:00Z')) await stack.useCases.fireTimer(timer.input);
  expect((await stack.cases.get(h))?.destroyedAt).toBeDefined();
  return { stack, refs: { a, b, c, d, e, f, g, h } };
}

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
    expect(figures.byCategory.find((c) => c.category === 'uncategorised')?.count).toBe(6);
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
