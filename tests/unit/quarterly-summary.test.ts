/** LGSCO 9.5-9.7: the Member Responsible for Complaints gets each quarter's figures, and the annual report. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { quarterlySummary, quarterOf } from '#domain/oversight/quarterly-summary';
import { quarterlySummaryLetter } from '#domain/oversight/quarterly-summary-letter';
import { quarterlySummaryNotice } from '#application/oversight/send-quarterly-summary';
import { THEME_DEFAULTS } from '#domain/policy/oversight-schema';
import type { ReportRecord } from '#domain/reporting/report-record';
import { memoryStack } from '#tests/support/memory-stack';
import { recordOn, recordsByWindow, storeRecords } from '#tests/support/oversight-records';
import { seedPolicies } from '#tests/support/policies';

const council = seedPolicies.get('county-council');
const MEMBER = 'member-responsible.notices@county-council.example';

/** October to December 2026 at the council, and one complaint in September before it. */
function quarterOfComplaints(): ReportRecord[] {
  const answered = recordOn('2026-10-05', {
    category: 'roads',
    status: 'closed',
    closedAt: '2026-10-12T15:00:00.000Z',
    closure: 'resolved',
    deadlines: [
      { stage: 'stage-1', kind: 'acknowledge', firstDue: '2026-10-08', finalDue: '2026-10-08', extended: false, agreed: false, startedAt: '2026-10-05T10:00:00.000Z', doneAt: '2026-10-06T09:00:00.000Z' },
      { stage: 'stage-1', kind: 'respond', firstDue: '2026-10-19', finalDue: '2026-10-19', extended: false, agreed: false, startedAt: '2026-10-05T10:00:00.000Z' },
    ],
    // Answered on Monday 12 October: five working days from Monday 5 October; an action promised by 1 December, not done.
    outcomes: [{ stage: 'stage-1', decision: 'upheld', at: '2026-10-12T15:00:00.000Z', remedies: ['apology'], actions: [{ due: '2026-12-01' }, { due: '2027-02-01' }, { due: '2026-11-01', doneAt: '2026-10-30T10:00:00.000Z' }] }],
  });
  return [
    answered,
    recordOn('2026-11-10', { category: 'roads', handlerRole: 'independent-officer' }),
    recordOn('2026-12-01', { category: 'waste' }),
    recordOn('2026-12-02', { closure: 'early-resolution', recordedAsComplaint: false, status: 'closed', closedAt: '2026-12-02T16:00:00.000Z' }),
    recordOn('2026-09-15', { category: 'waste' }),
  ];
}

describe('the quarterly summary', () => {
  it("counts the quarter's volumes, time taken, outcomes, themes and open actions from the report records", () => {
    const q = quarterOf('2026-11-20');
    expect(q).toEqual({ year: 2026, number: 4, first: '2026-10-01', last: '2026-12-31' });
    const s = quarterlySummary(council, quarterOfComplaints(), q, '2027-01-04', THEME_DEFAULTS);
    expect([s.figures.received, s.receivedBefore, s.figures.earlyResolutions]).toEqual([3, 1, 1]);
    expect(s.figures.stages[0]).toMatchObject({ stage: 'stage-1', responded: 1, respondedOnTime: 1, averageWorkingDaysToRespond: 5, acknowledged: 1, acknowledgedOnTime: 1, outcomes: { upheld: 1, 'partly-upheld': 0, 'not-upheld': 0 } });
    expect(s.figures.byCategory.filter((c) => c.count > 0).map((c) => [c.category, c.count])).toEqual([
      ['waste', 1],
      ['roads', 2],
    ]);
    expect(s.byTeam.map((t) => [t.role, t.count])).toEqual([
      ['service-manager', 2],
      ['independent-officer', 1],
    ]);
    expect([s.openActions, s.overdueActions]).toEqual([2, 1]);
    // Too little history for "usual".
    expect(s.themes).toEqual([]);
  });

  it('names the categories and teams well above usual at the end of the quarter, never the places (the complainants own words)', () => {
    const records = recordsByWindow('2026-12-31', [14, 4, 3, 5, 2, 6, 4, 3, 7, 4, 5, 3, 4], { category: 'roads', place: 'high street' });
    const s = quarterlySummary(council, records, quarterOf('2026-12-31'), '2027-01-04', THEME_DEFAULTS);
    expect(s.themes.map((t) => [t.dimension, t.key])).toEqual([
      ['category', 'roads'],
      ['team', 'service-manager'],
    ]);
  });

  it('goes to the Member Responsible for Complaints on the first working day of the quarter, once, in words a councillor reads', async () => {
    const stack = memoryStack();
    stack.clock.set('2027-01-04T08:00:00Z');
    storeRecords(stack.tables, quarterOfComplaints());
    // New Year's Day is a bank holiday: the summary goes on Monday 4 January; Tuesday is not its day.
    expect(await stack.useCases.sendQuarterlySummary('county-council', DateTime.fromISO('2027-01-01T08:00:00Z'))).toBe('not-due');
    expect(await stack.useCases.sendQuarterlySummary('county-council', DateTime.fromISO('2027-01-04T08:00:00Z'))).toBe('sent');
    expect(await stack.useCases.sendQuarterlySummary('county-council', DateTime.fromISO('2027-01-04T11:00:00Z'))).toBe('already-sent');
    expect(await stack.useCases.sendQuarterlySummary('county-council', DateTime.fromISO('2027-01-05T08:00:00Z'))).toBe('not-due');
    expect(await stack.useCases.sendQuarterlySummary('alumot', DateTime.fromISO('2027-01-04T08:00:00Z'))).toBe('not-asked');
    await stack.drain();
    const sent = stack.mailer.sent.filter((m) => m.subject.includes('quarterly summary'));
    expect(sent.map((m) => [m.subject, m.to])).toEqual([['Complaints, October to December 2026: the quarterly summary for the County Council', [MEMBER]]]);
    const text = sent[0]?.text ?? '';
    mkdirSync('tests/artefacts/letters', { recursive: true });
    writeFileSync('tests/artefacts/letters/county-council-quarterly-summary-2026-Q4.txt', `Subject: ${sent[0]?.subject}\n\n${text}`);
    expect(text).toContain('This is the quarterly summary of complaints to the County Council for 1 October to 31 December 2026, sent to you as the Member Responsible for Complaints (LGSCO Complaint Handling Code 9.5-9.7).');
    expect(text).toContain('Complaints received: 3 (the quarter before: 1).');
    expect(text).toContain('Resolved straight away, and not counted as complaints: 1.');
    expect(text).toContain('Stage one: 1 answered, within the time the policy sets, in 5 working days. Acknowledged on time: 1 of 1.');
    expect(text).toContain('Stage two: no complaint reached this stage in the quarter.');
    expect(text).toContain('Stage one: upheld 1, partly upheld 0, not upheld 0.');
    expect(text).toContain('Stage two: no decision in the quarter.');
    expect(text).toContain('By category:\n- Bins, recycling and street cleaning: 1\n- Roads, pavements and parking: 2');
    expect(text).toContain('By the team handling them:\n- The manager responsible for the service complained about: 2\n- An officer independent of the service complained about: 1');
    expect(text).toContain('2 actions agreed with complainants are not yet done; 1 of them is past the date promised.');
    expect(text).toContain('The full report for 2026, with the charts and the year before: http://localhost:3000/console/reports/county-council?year=2026');
    // Nothing about any one case in an email.
    expect(text).not.toMatch(/CCC-\d{4}-\d{4}|undefined|NaN/);
  });

  it('is looked at on any day (`redress quarterly-summary`): the same letter to the same mailbox, nothing queued', async () => {
    const stack = memoryStack();
    storeRecords(stack.tables, quarterOfComplaints());
    const sending = { mailDomain: 'redress.localhost', operatorEmail: 'operator@redress.localhost', pageBaseUrl: 'http://localhost:3000' };
    const { to, letter } = await quarterlySummaryNotice({ reportRecords: stack.reportRecords, sending }, council, 'member-responsible', quarterOf('2026-12-31'), '2027-01-13');
    expect([to, letter.subject]).toEqual([MEMBER, 'Complaints, October to December 2026: the quarterly summary for the County Council']);
    expect(letter.text).toContain('Complaints received: 3 (the quarter before: 1).');
    await stack.drain();
    expect(stack.mailer.sent).toEqual([]);
  });

  it('says the open actions as a person would: one, none late, all late', () => {
    const s = quarterlySummary(council, quarterOfComplaints(), quarterOf('2026-11-20'), '2027-01-04', THEME_DEFAULTS);
    const said = (openActions: number, overdueActions: number) => quarterlySummaryLetter(council, { ...s, openActions, overdueActions }, 'the report').text.split('\n').find((l) => l.includes('action')) ?? '';
    expect(said(0, 0)).toBe('No action agreed with a complainant is waiting to be done.');
    expect(said(1, 0)).toBe('1 action agreed with a complainant is not yet done; its date has not yet come.');
    expect(said(1, 1)).toBe('1 action agreed with a complainant is not yet done; it is past the date promised.');
    expect(said(3, 0)).toBe('3 actions agreed with complainants are not yet done; none of them is yet past the date promised.');
    expect(said(3, 3)).toBe('3 actions agreed with complainants are not yet done; all of them are past the date promised.');
    expect(said(3, 2)).toBe('3 actions agreed with complainants are not yet done; 2 of them are past the date promised.');
  });

  it('and the annual report goes to the member each January, whether or not the roles it is for ask for it', async () => {
    const stack = memoryStack();
    storeRecords(stack.tables, quarterOfComplaints());
    expect(await stack.useCases.sendAnnualReport('county-council', DateTime.fromISO('2027-01-04T08:00:00Z'))).toBe('sent');
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.subject.includes('annual report')).map((m) => [m.subject, m.to])).toEqual([['Complaints in 2026: the annual report for the County Council', [MEMBER]]]);
  });
});
