/** What staff record for the report: the category of a case, lessons at an outcome, and agreed actions done. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { annualFigures } from '#domain/reporting/annual-figures';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const actor = 'cr@county-council.example';

async function complaint(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email(['From: Pat Person <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Bins'], 'The bins were missed again.'), { receivedAt: '2027-01-11T09:00:00Z' });
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  return o.reference;
}

describe('categories', () => {
  it('are set and changed before closure, from the policy list only, each on the timeline, and counted in the report', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack);
    await expect(staff.category({ reference, category: 'potholes', at: at('2027-01-12T10:00:00Z'), actor })).rejects.toMatchObject({
      message: expect.stringMatching(/^County Council's categories are waste, roads, .*, not "potholes"$/) as string,
      hint: { input: 'category' },
    });
    await staff.category({ reference, category: 'roads', at: at('2027-01-12T10:00:00Z'), actor });
    const changed = await staff.category({ reference, category: 'waste', at: at('2027-01-12T11:00:00Z'), actor });
    expect(changed.category).toBe('waste');
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'categorised').map((e) => e.summary)).toEqual([
      'Filed under Roads, pavements and parking',
      'Filed under Bins, recycling and street cleaning (was Roads, pavements and parking)',
    ]);
    await expect(staff.category({ reference, category: 'waste', at: at('2027-01-12T12:00:00Z'), actor })).rejects.toThrow('is already filed under Bins, recycling and street cleaning');
    await staff.close({ reference, at: at('2027-01-13T10:00:00Z'), actor });
    await expect(staff.category({ reference, category: 'roads', at: at('2027-01-14T10:00:00Z'), actor })).rejects.toMatchObject({ hint: { instead: 'reopen', reference } });
    const figures = annualFigures(seedPolicies.get('county-council'), await stack.reportRecords.ofYear('county-council', 2027), 2027, '2027-12-31');
    expect(figures.byCategory.filter((c) => c.count > 0)).toEqual([{ category: 'waste', name: 'Bins, recycling and street cleaning', count: 1 }]);
  });
});

describe('agreed actions', () => {
  it('are numbered across outcomes, done once (on a closed case too), and the report counts them done or overdue', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack);
    await staff.outcome({
      reference,
      decision: 'upheld',
      summary: 'The crew missed the street.',
      remedies: ['apology'],
      actions: [
        { text: 'Retrain the crew', due: '2027-02-15' },
        { text: 'Add the street to the checklist', due: '2027-02-01' },
      ],
      lessons: 'Route changes must reach the crews.',
      at: at('2027-01-20T15:00:00Z'),
      actor,
    });
    await staff.close({ category: 'other', reference, at: at('2027-01-21T10:00:00Z'), actor });
    const done = await staff['action-done']({ reference, action: 2, at: at('2027-02-03T10:00:00Z'), actor });
    expect(done.outcomes?.[0]?.actions).toEqual([
      { text: 'Retrain the crew', due: '2027-02-15' },
      { text: 'Add the street to the checklist', due: '2027-02-01', doneAt: '2027-02-03T10:00:00.000Z' },
    ]);
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'action-done')?.summary).toBe('Done: Add the street to the checklist (it was due by Monday 1 February 2027)');
    await expect(staff['action-done']({ reference, action: 2, at: at('2027-02-04T10:00:00Z'), actor })).rejects.toThrow('action 2 ("Add the street to the checklist") was already done on 2027-02-03');
    await expect(staff['action-done']({ reference, action: 3, at: at('2027-02-04T10:00:00Z'), actor })).rejects.toThrow(`${reference} has actions 1 to 2, not 3`);
    const figures = annualFigures(seedPolicies.get('county-council'), await stack.reportRecords.ofYear('county-council', 2027), 2027, '2027-03-01');
    expect(figures).toMatchObject({ actionsAgreed: 2, actionsDone: 1, actionsOverdue: 1, lessons: ['Route changes must reach the crews.'] });
  });

  it("keep a confidential case's lessons out of its report record", async () => {
    const stack = memoryStack();
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2027-01-11T09:00:00Z'), actor, name: 'Sol Secret', phone: '01632 960000', summary: 'About my care.', channel: 'phone', confidential: true });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'We found no fault.', remedies: [], actions: [], lessons: 'Sol asked for a named worker.', at: at('2027-01-20T15:00:00Z'), actor });
    expect((await stack.cases.get(reference))?.outcome?.lessons).toBe('Sol asked for a named worker.');
    expect(JSON.stringify(await stack.reportRecords.ofYear('county-council', 2027))).not.toContain('Sol');
  });
});

describe('an outside body', () => {
  it('is recorded once per body from the policy, on a closed case too, and refused for one the policy does not name', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    await stack.useCases.staff.close({ category: 'other', reference, at: at('2027-01-20T10:00:00Z'), actor });
    await expect(stack.useCases.staff['outside-body']({ reference, body: 'court', at: at('2027-02-01T10:00:00Z'), actor })).rejects.toThrow(`County Council's outside bodies are lgo, ico, ico-data-protection, not "court"`);
    const taken = await stack.useCases.staff['outside-body']({ reference, body: 'lgo', at: at('2027-02-01T10:00:00Z'), actor });
    expect(taken.referrals).toEqual([{ body: 'lgo', at: '2027-02-01T10:00:00.000Z' }]);
    await expect(stack.useCases.staff['outside-body']({ reference, body: 'lgo', at: at('2027-02-02T10:00:00Z'), actor })).rejects.toThrow('was already recorded as taken to Local Government and Social Care Ombudsman');
  });
});

describe('actions past their date', () => {
  it('are chased in the digest and the morning view, on a closed case too, until done; never shown to the role a complaint was about', async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    const reference = await complaint(stack);
    await staff.outcome({ reference, decision: 'upheld', summary: 'The crew missed the street.', remedies: ['apology'], actions: [{ text: 'Add the street to the checklist', due: '2027-02-01' }], at: at('2027-01-20T15:00:00Z'), actor });
    await staff.close({ category: 'other', reference, at: at('2027-01-21T10:00:00Z'), actor });
    const { buildDigest } = await import('#domain/digest/build-digest');
    const { overdueActions } = await import('#domain/digest/overdue-actions');
    const { morningView } = await import('#application/console/morning-view');
    const policy = seedPolicies.get('county-council');
    // Not yet due on 1 February; past due on Wednesday 3 February.
    expect(await stack.pendingActions.dueBefore('county-council', '2027-02-01')).toEqual([]);
    const pastDue = await stack.pendingActions.dueBefore('county-council', '2027-02-03');
    const digest = buildDigest(policy, await stack.cases.open('county-council'), at('2027-02-03T08:00:00Z'), overdueActions(policy, pastDue, '2027-02-03'));
    expect(digest?.sections).toEqual([{ heading: 'Actions past their date', lines: [{ reference, text: `${reference}: action 1, agreed at Stage one, was due Monday 1 February 2027 (2 working days overdue)` }] }]);
    const manager = { id: 'm', name: 'Manager', memberships: [{ policyId: 'county-council', role: 'service-manager' }], operator: false };
    expect((await morningView(stack, manager, at('2027-02-03T08:00:00Z')))[0]?.actionsOverdue.map((l) => l.reference)).toEqual([reference]);
    await staff['action-done']({ reference, action: 1, at: at('2027-02-04T10:00:00Z'), actor });
    expect(await stack.pendingActions.dueBefore('county-council', '2027-12-31')).toEqual([]);
  });

  it('of a complaint about a role are not shown to that role', async () => {
    const { overdueActions } = await import('#domain/digest/overdue-actions');
    const policy = seedPolicies.get('alumot');
    const pastDue = [{ reference: 'ALU-2027-0001', n: 1, due: '2027-02-01', stage: 'stage-1', aboutRole: 'ceo' }];
    expect(overdueActions(policy, pastDue, '2027-02-03', new Set(['ceo']))).toEqual([]);
    expect(overdueActions(policy, pastDue, '2027-02-03', new Set(['chair']))).toHaveLength(1);
  });
});

describe('the report record in each case write', () => {
  it('is written when a change alters what the report counts, and not again when it does not (a note)', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const written: (readonly number[])[] = [];
    const write = stack.cases.write.bind(stack.cases);
    stack.cases.write = async (change) => {
      written.push(change.report.years);
      return write(change);
    };
    await stack.useCases.staff.note({ reference, text: 'rang the complainant back', at: at('2027-01-12T09:00:00Z'), actor });
    await stack.useCases.staff.category({ reference, category: 'waste', at: at('2027-01-12T10:00:00Z'), actor });
    expect(written).toHaveLength(2);
    expect(written[0]).toEqual([]);
    expect(written[1]).toContain(2027);
    const [record] = await stack.reportRecords.ofYear('county-council', 2027);
    expect(record?.category).toBe('waste');
  });
});
