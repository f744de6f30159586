/**
 * Every seed policy's deadlines, with expected dates worked out by hand from the policy text, the counting
 * rules (../shared/conventions/deadlines.md) and the gov.uk bank holiday list, never from the code's output.
 * Day 0 is the event's London day if a working day, else the next one; the deadline is the Nth working day after.
 */
import { describe, expect, it } from 'vitest';
import { parseInstant } from '#domain/calendar/parse-instant';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import { seedPolicies } from '#tests/support/policies';

function plan(policy: string, stage: string, event: string, at: string) {
  return planDeadlines(seedPolicies.get(policy), stage, event, parseInstant(at)).map((d) => [d.kind, d.dueDate]);
}

describe('not-alone-mentoring', () => {
  it('acknowledges within 3 working days over Christmas 2026 (25 Dec and substitute 28 Dec)', () => {
    // Thu 24 Dec is day 0: Tue 29 (1), Wed 30 (2), Thu 31 (3).
    expect(plan('not-alone-mentoring', 'stage-1', 'received', '2026-12-24T10:00:00Z')).toEqual([['acknowledge', '2026-12-31']]);
  });

  it('meets within 7 and responds within 10 working days across Easter 2026, in BST', () => {
    // Wed 1 Apr day 0; Good Friday 3 Apr and Easter Monday 6 Apr skipped: 2,7,8,9,10,13,14 -> meet Tue 14;
    // 15,16,17 -> respond Fri 17.
    const deadlines = planDeadlines(seedPolicies.get('not-alone-mentoring'), 'stage-2', 'received', parseInstant('2026-04-01T08:00:00Z'));
    expect(deadlines.map((d) => [d.kind, d.dueDate, d.dueAt, d.rule, d.clause])).toEqual([
      ['meet', '2026-04-14', '2026-04-14T23:59:59.999+01:00', '7 working days', '7.1'],
      ['respond', '2026-04-17', '2026-04-17T23:59:59.999+01:00', '10 working days', '7.2'],
    ]);
  });

  it('leaves 14 working days to appeal across Christmas and New Year', () => {
    // Fri 18 Dec 2026 day 0: 21,22,23,24,29,30,31,4,5,6,7,8,11,12 -> Tue 12 Jan 2027.
    expect(plan('not-alone-mentoring', 'stage-2', 'outcome', '2026-12-18T15:00:00Z')).toEqual([['appeal-window', '2027-01-12']]);
  });

  it('gives one calendar month after the appeal outcome, clamped to month ends and leap days', () => {
    expect(plan('not-alone-mentoring', 'stage-3', 'outcome', '2027-01-31T12:00:00Z')).toEqual([
      ['external-escalation-window', '2027-02-28'],
    ]);
    expect(plan('not-alone-mentoring', 'stage-3', 'outcome', '2028-01-31T12:00:00Z')).toEqual([
      ['external-escalation-window', '2028-02-29'],
    ]);
  });

  it('destroys the file six years after closure at any stage (29 Feb 2028 -> 28 Feb 2034)', () => {
    for (const stage of ['stage-1', 'stage-2', 'stage-3']) {
      expect(plan('not-alone-mentoring', stage, 'closed', '2028-02-29T10:00:00Z')).toEqual([['retention', '2034-02-28']]);
    }
  });

  it('places a receipt just after midnight BST on the next day', () => {
    // 2026-06-30T23:30Z is Wed 1 Jul 00:30 BST: 2, 3, 6 -> Mon 6 Jul.
    expect(plan('not-alone-mentoring', 'stage-1', 'received', '2026-06-30T23:30:00Z')).toEqual([['acknowledge', '2026-07-06']]);
    // 22:30Z is still Tue 30 Jun, 23:30 BST: 1, 2, 3 -> Fri 3 Jul.
    expect(plan('not-alone-mentoring', 'stage-1', 'received', '2026-06-30T22:30:00Z')).toEqual([['acknowledge', '2026-07-03']]);
  });

  it('counts over the 2021 Christmas substitutes and the 2022 New Year substitute', () => {
    // Fri 24 Dec 2021: 27 and 28 Dec are substitute days -> 29, 30, 31.
    expect(plan('not-alone-mentoring', 'stage-1', 'received', '2021-12-24T09:00:00Z')).toEqual([['acknowledge', '2021-12-31']]);
    // Fri 31 Dec 2021: Mon 3 Jan 2022 is New Year's Day's substitute -> 4, 5, 6.
    expect(plan('not-alone-mentoring', 'stage-1', 'received', '2021-12-31T09:00:00Z')).toEqual([['acknowledge', '2022-01-06']]);
  });
});

describe('alumot', () => {
  it('matches the worked example in the deadline conventions', () => {
    const [ack] = planDeadlines(seedPolicies.get('alumot'), 'stage-1', 'received', parseInstant('2026-12-19T09:00:00Z'));
    expect(ack).toMatchObject({ kind: 'acknowledge', dueDate: '2027-01-07', dueAt: '2027-01-07T23:59:59.999+00:00', rule: '10 working days', clause: '2.3' });
  });

  it('acknowledges in 10 and responds in 20 working days from a Saturday before Christmas', () => {
    // Sat 19 Dec 2026 -> day 0 Mon 21: 22,23,24,29,30,31,4,5,6,7 -> 7 Jan; then 8,11..15,18..21 -> 21 Jan.
    expect(plan('alumot', 'stage-1', 'received', '2026-12-19T09:00:00Z')).toEqual([
      ['acknowledge', '2027-01-07'],
      ['respond', '2027-01-21'],
    ]);
  });

  it('applies the same timetable at stage two across Easter 2027 and the change to BST', () => {
    // Thu 25 Mar 2027; Good Friday 26, Easter Monday 29: 30,31,1,2,5,6,7,8,9,12 -> 12 Apr; +10 -> 26 Apr.
    const deadlines = planDeadlines(seedPolicies.get('alumot'), 'stage-2', 'received', parseInstant('2027-03-25T11:00:00Z'));
    expect(deadlines.map((d) => [d.kind, d.dueDate, d.dueAt, d.clause])).toEqual([
      ['acknowledge', '2027-04-12', '2027-04-12T23:59:59.999+01:00', '3.2'],
      ['respond', '2027-04-26', '2027-04-26T23:59:59.999+01:00', '3.2'],
    ]);
  });

  it('starts no clock at the informal stage', () => {
    expect(plan('alumot', 'informal', 'received', '2026-12-19T09:00:00Z')).toEqual([]);
  });
});

describe('connected-together', () => {
  it('acknowledges within 3 working days; a Saturday-night receipt counts from Monday', () => {
    expect(plan('connected-together', 'formal', 'received', '2026-12-24T16:00:00Z')).toEqual([['acknowledge', '2026-12-31']]);
    // Sat 28 Nov 2026 23:30 GMT -> day 0 Mon 30 Nov (a working day in England): 1, 2, 3 Dec.
    expect(plan('connected-together', 'formal', 'received', '2026-11-28T23:30:00Z')).toEqual([['acknowledge', '2026-12-03']]);
  });

  it('responds within 15 working days of establishing the nature of the complaint', () => {
    // Mon 21 Dec 2026: 22,23,24,29,30,31,4,5,6,7,8,11,12,13,14 -> Thu 14 Jan 2027.
    expect(plan('connected-together', 'formal', 'nature-established', '2026-12-21T10:00:00Z')).toEqual([['respond', '2027-01-14']]);
  });

  it('crosses the end of BST: dueAt carries the GMT offset', () => {
    // Fri 23 Oct 2026 16:00 BST; clocks go back Sun 25 Oct: 26, 27, 28.
    const [ack] = planDeadlines(seedPolicies.get('connected-together'), 'formal', 'received', parseInstant('2026-10-23T15:00:00Z'));
    expect([ack?.dueDate, ack?.dueAt]).toEqual(['2026-10-28', '2026-10-28T23:59:59.999+00:00']);
  });
});

describe('connect-north-yorkshire', () => {
  it('acknowledges within one calendar week, not moved off holidays or weekends', () => {
    expect(plan('connect-north-yorkshire', 'stage-2', 'received', '2026-12-24T10:00:00Z')).toEqual([['acknowledge', '2026-12-31']]);
    expect(plan('connect-north-yorkshire', 'stage-2', 'received', '2026-12-26T10:00:00Z')).toEqual([['acknowledge', '2027-01-02']]);
  });

  it('leaves twelve weeks for NACCC after the stage two outcome', () => {
    // Fri 18 Dec 2026 + 84 days = Fri 12 Mar 2027.
    expect(plan('connect-north-yorkshire', 'stage-2', 'outcome', '2026-12-18T10:00:00Z')).toEqual([
      ['external-escalation-window', '2027-03-12'],
    ]);
  });

  it('replies at stage three within one month, clamped at month ends', () => {
    expect(plan('connect-north-yorkshire', 'stage-3', 'received', '2027-01-31T10:00:00Z')).toEqual([['respond', '2027-02-28']]);
    expect(plan('connect-north-yorkshire', 'stage-3', 'received', '2026-03-31T10:00:00Z')).toEqual([['respond', '2026-04-30']]);
    // 00:30 GMT on Sun 29 Mar 2026, half an hour before the clocks go forward: still 29 March.
    expect(plan('connect-north-yorkshire', 'stage-3', 'received', '2026-03-29T00:30:00Z')).toEqual([['respond', '2026-04-29']]);
  });
});

describe('county-council', () => {
  it('stage one: acknowledge 3, respond 10, at most 20 working days over Christmas', () => {
    // Wed 23 Dec 2026: 24, 29, 30 -> 30 Dec; 31, 4..8, 11 -> 11 Jan; 12..15, 18..22, 25 -> 25 Jan.
    expect(plan('county-council', 'stage-1', 'received', '2026-12-23T14:00:00Z')).toEqual([
      ['acknowledge', '2026-12-30'],
      ['respond', '2027-01-11'],
      ['respond-max', '2027-01-25'],
    ]);
  });

  it('stage two: acknowledge 3 and respond 20 working days over both May bank holidays', () => {
    // Fri 1 May 2026; Mon 4 May skipped: 5, 6, 7 -> 7 May; Mon 25 May skipped: ... -> Tue 2 Jun.
    expect(plan('county-council', 'stage-2', 'received', '2026-05-01T09:00:00Z')).toEqual([
      ['acknowledge', '2026-05-07'],
      ['respond', '2026-06-02'],
    ]);
  });
});
