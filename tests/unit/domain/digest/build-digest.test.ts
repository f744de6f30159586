import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Case, CaseDeadline } from '#domain/case/case';
import { buildDigest } from '#domain/digest/build-digest';
import { endOfLondonDay } from '#domain/planner/plan-deadlines';
import { seedPolicies } from '#tests/support/policies';

const policy = seedPolicies.get('not-alone-mentoring');
const now = DateTime.fromISO('2027-03-02T08:00:00Z');

function deadline(kind: CaseDeadline['kind'], dueDate: string, status: CaseDeadline['status'] = 'pending'): CaseDeadline {
  return { kind, dueDate, dueAt: endOfLondonDay(dueDate), rule: 'x', clause: '7.2', stage: 'stage-2', status };
}

function aCase(reference: string, fields: Partial<Case>): Case {
  return {
    reference,
    policyId: policy.id,
    policyVersion: policy.version,
    stage: 'stage-2',
    status: 'open',
    channel: 'email',
    confidential: false,
    complainant: { anonymous: false, name: 'Someone', email: 'someone@example.net' },
    handlerRole: 'complaints-officer',
    summary: 'words',
    attachments: [],
    signed: true,
    flags: [],
    deadlines: [],
    participants: [],
    receivedAt: '2027-02-01T10:00:00.000Z',
    updatedAt: '2027-02-01T10:00:00.000Z',
    version: 1,
    deadlinesVersion: 1,
    ...fields,
  };
}

describe('buildDigest', () => {
  it('lists each open case once, in its most urgent section, with working days left, and no more than dates for a confidential one', () => {
    const digest = buildDigest(
      policy,
      [
        aCase('NAM-2027-0001', { deadlines: [deadline('respond', '2027-02-26', 'missed')] }),
        aCase('NAM-2027-0002', { deadlines: [deadline('respond', '2027-03-02')] }),
        aCase('NAM-2027-0003', { deadlines: [deadline('meet', '2027-03-05')], confidential: true, complainant: { anonymous: false, name: 'Hidden Name' } }),
        aCase('NAM-2027-0004', { stage: 'stage-1', status: 'awaiting-signature', signed: false, receivedAt: '2027-03-01T15:00:00.000Z' }),
        aCase('NAM-2027-0005', { stage: 'stage-1', deadlines: [{ ...deadline('acknowledge', '2027-03-04'), stage: 'stage-1' }] }),
        aCase('NAM-2027-0006', { deadlines: [deadline('respond', '2027-02-10', 'met')] }),
        aCase('NAM-2027-0007', { stage: 'stage-1', receivedAt: '2027-02-24T09:00:00.000Z', deadlines: [{ ...deadline('acknowledge', '2027-02-25', 'missed'), stage: 'stage-1' }, { ...deadline('respond', '2027-03-03'), stage: 'stage-1' }] }),
        aCase('NAM-2027-0008', { stage: 'stage-1', receivedAt: '2027-03-01T16:00:00.000Z', deadlines: [{ ...deadline('acknowledge', '2027-03-15'), stage: 'stage-1' }] }),
      ],
      now,
    );
    expect(Object.fromEntries(digest!.sections.map((s) => [s.heading, s.lines.map((l) => l.text)]))).toEqual({
      Overdue: [
        'NAM-2027-0007: Complaint, acknowledge by Thursday 25 February 2027 (3 working days overdue)',
        'NAM-2027-0001: Investigation, respond by Friday 26 February 2027 (2 working days overdue)',
      ],
      'Due today': ['NAM-2027-0002: Investigation, respond by Tuesday 2 March 2027 (due today)'],
      'Due this week': [
        'NAM-2027-0005: Complaint, acknowledge by Thursday 4 March 2027 (2 working days left)',
        'NAM-2027-0003 (confidential): Investigation, meet the complainant by Friday 5 March 2027 (3 working days left)',
      ],
      'Awaiting acknowledgement': ['NAM-2027-0008: Complaint, acknowledge by Monday 15 March 2027 (9 working days left); new since yesterday'],
      'Awaiting signature': ['NAM-2027-0004: Complaint, received Monday 1 March 2027; new since yesterday'],
      'No date set': ['NAM-2027-0006: Investigation, received Monday 1 February 2027'],
    });
    expect(JSON.stringify(digest)).not.toContain('Hidden Name');
  });

  it('does not chase a late task once it is done, or once it was extended (the extension is the deadline now)', () => {
    const done = aCase('NAM-2027-0010', { deadlines: [{ ...deadline('meet', '2027-02-20', 'missed'), doneAt: '2027-02-22T10:00:00.000Z' }, deadline('respond', '2027-04-30')] });
    const extended = aCase('NAM-2027-0011', { deadlines: [deadline('respond', '2027-02-20', 'missed'), deadline('respond', '2027-03-04')] });
    const earlierStage = aCase('NAM-2027-0012', { deadlines: [{ ...deadline('acknowledge', '2027-02-02', 'missed'), stage: 'stage-1' }, deadline('respond', '2027-04-30')] });
    const digest = buildDigest(policy, [done, extended, earlierStage], now);
    expect(digest?.sections.map((s) => [s.heading, s.lines.map((l) => l.text)])).toEqual([['Due this week', ['NAM-2027-0011: Investigation, respond by Thursday 4 March 2027 (2 working days left)']]]);
  });

  it('counts working days over a bank holiday', () => {
    const christmas = DateTime.fromISO('2026-12-24T08:00:00Z');
    const digest = buildDigest(policy, [aCase('NAM-2026-0020', { receivedAt: '2026-12-01T10:00:00.000Z', deadlines: [deadline('respond', '2026-12-29')] })], christmas);
    expect(digest?.sections[0]?.lines[0]?.text).toBe('NAM-2026-0020: Investigation, respond by Tuesday 29 December 2026 (1 working day left)');
  });

  it('has nothing to say when nothing is open', () => {
    expect(buildDigest(policy, [], now)).toBeUndefined();
    expect(buildDigest(policy, [aCase('NAM-2027-0009', { deadlines: [deadline('respond', '2027-04-30')] })], now)).toBeUndefined();
  });
});
