/**
 * The time to ask for the next stage (openNextStageWindow), rule by rule over the seed policies: Not Alone
 * Mentoring's appeal has a window of 14 working days from the outcome (8.1), the council's stage two no time limit,
 * and a stage the policy moves on by itself, or its last, has none to ask for. Mutation testing found each of these
 * rules untested but for one journey.
 */
import { describe, expect, it } from 'vitest';
import type { Case, CaseDeadline, StageOutcome } from '#domain/case/case';
import { openNextStageWindow } from '#domain/case/next-stage-window';
import { seedPolicies } from '#tests/support/policies';

const mentoring = seedPolicies.get('not-alone-mentoring');
const council = seedPolicies.get('county-council');

function outcome(stage: string): StageOutcome {
  return { stage, decision: 'not-upheld', at: '2026-11-23T10:00:00Z', by: 'officer@example.org', handlerRole: 'complaints-officer', summary: 'We looked into it.', remedies: [], actions: [] };
}

function window(stage: string, dueDate: string, status: CaseDeadline['status'] = 'pending', kind: CaseDeadline['kind'] = 'appeal-window'): CaseDeadline {
  return { kind, stage, status, dueDate, dueAt: `${dueDate}T23:59:59.999+00:00`, rule: '14 working days', clause: '8.1' };
}

function aCase(policyId: string, fields: Partial<Case>): Case {
  return {
    reference: 'NAM-2026-0001',
    policyId,
    policyVersion: '1',
    stage: 'stage-2',
    status: 'open',
    channel: 'email',
    confidential: false,
    complainant: { anonymous: false, name: 'Pat Person', email: 'pat@example.net' },
    handlerRole: 'complaints-officer',
    summary: 'The volunteer did not come.',
    attachments: [],
    signed: true,
    flags: [],
    deadlines: [],
    participants: [],
    receivedAt: '2026-11-02T10:00:00Z',
    updatedAt: '2026-11-23T10:00:00Z',
    version: 1,
    deadlinesVersion: 1,
    ...fields,
  };
}

describe('the window to ask for the next stage', () => {
  const answered = { outcomes: [outcome('stage-2')], deadlines: [window('stage-2', '2026-12-11')] };

  it('is open from the outcome to the end of the appeal window, its last day included, and closed the day after', () => {
    const c = aCase(mentoring.id, answered);
    expect(openNextStageWindow(mentoring, c, '2026-11-23')).toEqual({ window: c.deadlines[0], nextStage: 'stage-3' });
    expect(openNextStageWindow(mentoring, c, '2026-12-11')).toEqual({ window: c.deadlines[0], nextStage: 'stage-3' });
    expect(openNextStageWindow(mentoring, c, '2026-12-12')).toBeUndefined();
  });

  it('is not open on a closed case, whatever its window says', () => {
    expect(openNextStageWindow(mentoring, aCase(mentoring.id, { ...answered, status: 'closed' }), '2026-11-23')).toBeUndefined();
  });

  it('is not open before the stage has its outcome, even with an outcome at an earlier stage', () => {
    expect(openNextStageWindow(mentoring, aCase(mentoring.id, { deadlines: answered.deadlines }), '2026-11-23')).toBeUndefined();
    expect(openNextStageWindow(mentoring, aCase(mentoring.id, { deadlines: answered.deadlines, outcomes: [outcome('stage-1')] }), '2026-11-23')).toBeUndefined();
  });

  it('is open when the stage has its outcome among others', () => {
    const c = aCase(mentoring.id, { ...answered, outcomes: [outcome('stage-1'), outcome('stage-2')] });
    expect(openNextStageWindow(mentoring, c, '2026-11-23')?.nextStage).toBe('stage-3');
  });

  it('uses only a pending appeal window of this stage: not one met or closed, not another stage’s, not another kind', () => {
    const at = (deadlines: CaseDeadline[]) => openNextStageWindow(mentoring, aCase(mentoring.id, { outcomes: answered.outcomes, deadlines }), '2026-11-23');
    expect(at([window('stage-2', '2026-12-11', 'closed')])).toBeUndefined();
    expect(at([window('stage-2', '2026-12-11', 'met')])).toBeUndefined();
    expect(at([window('stage-1', '2026-12-11')])).toBeUndefined();
    expect(at([window('stage-2', '2026-12-11', 'pending', 'respond')])).toBeUndefined();
    const pending = window('stage-2', '2026-12-11');
    expect(at([window('stage-2', '2026-11-30', 'closed'), window('stage-1', '2026-12-31'), pending])).toEqual({ window: pending, nextStage: 'stage-3' });
  });

  it('has no window, and stays open while the case is, where the policy sets no time limit for asking', () => {
    const c = aCase(council.id, { stage: 'stage-1', outcomes: [outcome('stage-1')] });
    expect(openNextStageWindow(council, c, '2027-06-01')).toEqual({ nextStage: 'stage-2' });
  });

  it('is never open where the policy moves the case on by itself, at its last stage, or at a stage it does not have', () => {
    expect(openNextStageWindow(mentoring, aCase(mentoring.id, { stage: 'stage-1', outcomes: [outcome('stage-1')], deadlines: [window('stage-1', '2026-12-11')] }), '2026-11-23')).toBeUndefined();
    expect(openNextStageWindow(mentoring, aCase(mentoring.id, { stage: 'stage-3', outcomes: [outcome('stage-3')], deadlines: [window('stage-3', '2026-12-11')] }), '2026-11-23')).toBeUndefined();
    expect(openNextStageWindow(mentoring, aCase(mentoring.id, { stage: 'stage-9', outcomes: [outcome('stage-9')] }), '2026-11-23')).toBeUndefined();
  });
});
