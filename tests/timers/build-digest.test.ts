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
  it('sorts open cases into the six sections, with days left, and hides confidential ones', () => {
    const digest = buildDigest(
      policy,
      [
        aCase('NAM-2027-0001', { deadlines: [deadline('respond', '2027-02-26', 'missed')] }),
        aCase('NAM-2027-0002', { deadlines: [deadline('respond', '2027-03-02')] }),
        aCase('NAM-2027-0003', { deadlines: [deadline('meet', '2027-03-05')], confidential: true, complainant: { anonymous: false, name: 'Hidden Name' } }),
        aCase('NAM-2027-0004', { stage: 'stage-1', status: 'awaiting-signature', signed: false, receivedAt: '2027-03-01T15:00:00.000Z' }),
        aCase('NAM-2027-0005', { stage: 'stage-1', deadlines: [{ ...deadline('acknowledge', '2027-03-04'), stage: 'stage-1' }] }),
      ],
      now,
    );
    expect(Object.fromEntries(digest!.sections.map((s) => [s.heading, s.lines.map((l) => l.text)]))).toEqual({
      Overdue: ['NAM-2027-0001: Investigation, respond by Friday 26 February 2027 (4 days overdue)'],
      'Due today': ['NAM-2027-0002: Investigation, respond by Tuesday 2 March 2027 (due today)'],
      'Due this week': ['NAM-2027-0005: Complaint, acknowledge by Thursday 4 March 2027 (2 days left)', 'NAM-2027-0003: confidential'],
      'New since yesterday': ['NAM-2027-0004: Complaint, received 2027-03-01'],
      'Awaiting acknowledgement': ['NAM-2027-0005: Complaint, acknowledge by Thursday 4 March 2027 (2 days left)'],
      'Awaiting signature': ['NAM-2027-0004: Complaint, received 2027-03-01'],
    });
  });

  it('has nothing to say when nothing is open', () => {
    expect(buildDigest(policy, [], now)).toBeUndefined();
    expect(buildDigest(policy, [aCase('NAM-2027-0009', { deadlines: [deadline('respond', '2027-04-30')] })], now)).toBeUndefined();
  });
});
