/**
 * The annual report counts service requests apart from complaints (LGSCO 1.8; Housing Ombudsman 1.4: recorded,
 * monitored and reviewed): a service request is not a complaint received unless the person complained about it;
 * how many were recorded, dealt with (by their target, where the policy sets one), how many became complaints,
 * and their themes (the policy's categories). Over the memory fakes, from the report records the case's writes keep.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { annualFigures } from '#domain/reporting/annual-figures';
import { reportRows } from '#domain/reporting/report-table';
import { PolicySet } from '#domain/policy/policy-set';
import { policySchema, type Policy } from '#domain/policy/policy-schema';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const council = seedPolicies.get('county-council');
const raw = structuredClone(council) as unknown as { serviceRequests: Record<string, unknown> };
raw.serviceRequests = { ...raw.serviceRequests, target: { amount: 5, unit: 'workingDays', clause: 'GOSS service standard' } };
const withTarget: Policy = policySchema.parse(raw);
const policies = new PolicySet([...seedPolicies.all.filter((x) => x.id !== 'county-council'), withTarget]);

async function emailed(stack: MemoryStack, from: string): Promise<string> {
  const [o] = await stack.deliver(email([`From: A Resident <${from}>`, 'To: complaints@county-council.example', 'Subject: A problem'], 'Something needs fixing outside my house.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  return o.reference;
}

describe('the annual report counts service requests', () => {
  it('apart from complaints: recorded, dealt with (by target), became complaints, and their themes', async () => {
    const stack = memoryStack({}, policies);
    const staff = stack.useCases.staff;
    const actor = 'cr';
    const [, fixed, late, complained] = [await emailed(stack, 'a@example.net'), await emailed(stack, 'b@example.net'), await emailed(stack, 'c@example.net'), await emailed(stack, 'd@example.net')];
    for (const reference of [fixed, late, complained]) await staff['service-request']({ reference, asked: 'Fix it.', at: at('2026-11-23T11:00:00Z'), actor });
    await staff.category({ reference: fixed, category: 'roads', at: at('2026-11-23T12:00:00Z'), actor });
    await staff.category({ reference: late, category: 'roads', at: at('2026-11-23T12:00:00Z'), actor });
    await staff.category({ reference: complained, category: 'waste', at: at('2026-11-23T12:00:00Z'), actor });
    // Target Monday 30 November: one dealt with by it, one after it; the third the person complains about.
    await staff['service-request-done']({ reference: fixed, done: 'Filled the pothole.', at: at('2026-11-27T12:00:00Z'), actor });
    await staff['service-request-done']({ reference: late, done: 'Filled the pothole.', at: at('2026-12-02T12:00:00Z'), actor });
    await staff.complaint({ reference: complained, words: 'Still not fixed.', at: at('2026-11-25T12:00:00Z'), actor });
    await stack.drain();
    const figures = annualFigures(withTarget, await stack.reportRecords.ofYear('county-council', 2026), 2026, '2026-12-31');
    // The complaint made by email and the service request the person complained about; not the other two.
    expect(figures.received).toBe(2);
    expect(figures.byCategory.find((c) => c.category === 'roads')?.count).toBe(0);
    expect(figures.serviceRequests).toEqual({
      recorded: 3,
      dealtWith: 2,
      dealtWithByTarget: 1,
      becameComplaints: 1,
      byCategory: expect.arrayContaining([
        { category: 'roads', name: 'Roads, pavements and parking', count: 2 },
        { category: 'waste', name: 'Bins, recycling and street cleaning', count: 1 },
        { category: 'uncategorised', name: 'Not yet categorised', count: 0 },
      ]),
    });
    const rows = reportRows(withTarget, figures, undefined).filter((r) => r.section.includes('ervice request'));
    expect(rows.filter((r) => r.section === 'Service requests (not complaints)').map((r) => [r.item, r.value])).toEqual([
      ['Recorded', 3],
      ['Dealt with', 2],
      ['Dealt with by their target', 1],
      ['The person then complained', 1],
    ]);
    expect(rows.find((r) => r.section === 'What service requests were about' && r.item === 'Roads, pavements and parking')?.value).toBe(2);
  });

  it('leaves them out of a policy without service requests, and of the report for it', () => {
    const alumot = seedPolicies.all.find((p) => !p.serviceRequests) as Policy;
    const figures = annualFigures(alumot, [], 2026, '2026-12-31');
    expect(figures.serviceRequests).toBeUndefined();
    expect(reportRows(alumot, figures, undefined).some((r) => r.section.includes('ervice request'))).toBe(false);
  });
});
