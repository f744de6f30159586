/**
 * The annual report's figures (../shared/conventions/report.md) from cases built through the actions with known
 * dates: the council across the 2026/2027 year boundary, with an extension, a withdrawal, a redirection, an early
 * resolution, an escalation and a case destroyed at retention that still counts.
 */
import { describe, expect, it } from 'vitest';
import { MemoryReportRecords } from '#adapters/memory/memory-report-records';
import { annualFigures } from '#domain/reporting/annual-figures';
import { councilYear, REASONS } from '#tests/support/council-year';
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
