/**
 * A service request stays findable (LGSCO 1.8: recorded and monitored): the console's case list filters by kind,
 * a service request the person has not complained about apart from complaints, and one they complained about
 * among the complaints. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { searchCases } from '#application/console/search-cases';
import { settingsFrom } from '#composition/settings';
import { loadConfig } from '#config/config';
import type { StaffMember } from '#domain/access/staff-member';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const manager: StaffMember = { id: 'm', name: 'Manager', memberships: [{ policyId: 'county-council', role: 'service-manager' }], operator: false };
const NOW = DateTime.fromISO('2026-11-23T12:00:00Z');
const deps = (stack: MemoryStack) => ({ ...stack, ...settingsFrom(loadConfig({ REDRESS_STACK: 'local' })) });

async function emailed(stack: MemoryStack, from: string): Promise<string> {
  const [o] = await stack.deliver(email([`From: A Resident <${from}>`, 'To: complaints@county-council.example', 'Subject: A problem'], 'Something needs fixing.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  return o.reference;
}

describe('the console case list by kind', () => {
  it('lists service requests apart from complaints; one complained about is a complaint', async () => {
    const stack = memoryStack();
    const [complaint, request, complained] = [await emailed(stack, 'a@example.net'), await emailed(stack, 'b@example.net'), await emailed(stack, 'c@example.net')];
    for (const reference of [request, complained]) await stack.useCases.staff['service-request']({ reference, asked: 'Fix it.', at: NOW, actor: 'm' });
    await stack.useCases.staff.complaint({ reference: complained, words: 'Still not fixed.', at: NOW.plus({ hours: 1 }), actor: 'm' });
    const listed = async (kind?: 'complaint' | 'service-request') => (await searchCases(deps(stack), manager, { q: '', page: 1, ...(kind ? { kind } : {}) }, 25, NOW)).found.map((f) => f.case.reference).sort();
    expect(await listed('service-request')).toEqual([request]);
    expect(await listed('complaint')).toEqual([complaint, complained].sort());
    expect(await listed()).toEqual([complaint, request, complained].sort());
  });
});
