/**
 * The digest and the morning view watch a service request's target, where the policy gives one (GOSS-style five
 * working days): listed under "Service requests past their target" from the day after it, never as a complaint with
 * "no date set", and no longer once dealt with or once it became a complaint (then its complaint deadlines rule).
 * Over the memory fakes, through the morning projection the digest reads (`cases.due`).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '#domain/access/staff-member';
import { morningView } from '#application/console/morning-view';
import { consoleApp } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import { buildDigest, morningOf } from '#domain/digest/build-digest';
import { PolicySet } from '#domain/policy/policy-set';
import { policySchema, type Policy } from '#domain/policy/policy-schema';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const CR: StaffMember = { id: 'cr', name: 'cr@county-council.example', email: 'cr@county-council.example', memberships: [{ policyId: 'county-council', role: 'customer-relations' }], operator: false };
const council = seedPolicies.get('county-council');

function councilWith(serviceRequests: Record<string, unknown>): { policies: PolicySet; policy: Policy } {
  const raw = structuredClone(council) as unknown as { serviceRequests: Record<string, unknown> };
  raw.serviceRequests = { ...raw.serviceRequests, ...serviceRequests };
  const policy: Policy = policySchema.parse(raw);
  return { policy, policies: new PolicySet([...seedPolicies.all.filter((x) => x.id !== 'county-council'), policy]) };
}

/** A streetlight reported on Monday 23 November 2026 and recorded as a service request that morning. */
async function serviceRequest(stack: MemoryStack, from = 'pat@example.net'): Promise<string> {
  const [o] = await stack.deliver(email([`From: A Resident <${from}>`, 'To: complaints@county-council.example', 'Subject: Streetlight out'], 'The streetlight outside number 14 has been out for a week.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.useCases.staff['service-request']({ reference: o.reference, asked: 'Repair the streetlight.', at: at('2026-11-23T11:00:00Z'), actor: 'cr' });
  await stack.drain();
  return o.reference;
}

async function digestOn(stack: MemoryStack, policy: Policy, iso: string) {
  const morning = morningOf(at(iso));
  return buildDigest(policy, await stack.cases.due(policy.id, morning.weekEnd, morning.since), at(iso));
}

describe('the digest watches a service request’s target', () => {
  const target = councilWith({ target: { amount: 5, unit: 'workingDays', clause: 'GOSS service standard' } });

  it('lists it once past its target (Monday 30 November), with the working days it is late, and not before', async () => {
    const stack = memoryStack({}, target.policies);
    const reference = await serviceRequest(stack);
    // On its target day it is not late; a service request is never "no date set".
    const onTheDay = await digestOn(stack, target.policy, '2026-11-30T08:00:00Z');
    expect(onTheDay?.sections.flatMap((s) => s.lines.map((l) => l.reference)) ?? []).not.toContain(reference);
    const late = await digestOn(stack, target.policy, '2026-12-02T08:00:00Z');
    expect(late?.sections.find((s) => s.heading === 'Service requests past their target')?.lines).toEqual([
      { reference, text: `${reference}: service request, to be dealt with by Monday 30 November 2026 (2 working days overdue)` },
    ]);
    const morning = await morningView(stack, CR, at('2026-12-02T08:00:00Z'));
    expect(morning[0]?.sections.map((s) => [s.heading, s.cases.map((c) => c.case.reference)])).toEqual([['Service requests past their target', [reference]]]);
  });

  it('the console’s morning page says when it was to be dealt with, and how late it is', async () => {
    const stack = memoryStack({}, target.policies);
    const reference = await serviceRequest(stack);
    stack.clock.set('2026-12-02T08:00:00Z');
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: 'http://localhost:4100', REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
    const staffSessions = new MemoryStaffSessions();
    const secret = 'a-test-session-secret-0123456789';
    const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: secret }));
    const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
    await staffSessions.open('sid-1', 'u-1', expiresAt);
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Staff', email: 'staff@org.test', groups: ['county-council:customer-relations'], csrf: 'the-csrf' }, secret, expiresAt)}`;
    const page = (await (await app.request('/console', { headers: { cookie } })).text()).replace(/\s+/g, ' ');
    expect(page).toContain('Service requests past their target (1)');
    expect(page).toContain(reference);
    expect(page).toContain('Service request, to be dealt with by Monday 30 November 2026 (2 working days overdue)');
  });

  it('no longer lists it once dealt with, nor once it became a complaint (its complaint deadlines rule then)', async () => {
    const stack = memoryStack({}, target.policies);
    const done = await serviceRequest(stack);
    const complained = await serviceRequest(stack, 'sam@example.net');
    await stack.useCases.staff['service-request-done']({ reference: done, done: 'The lamp was replaced.', at: at('2026-12-01T15:00:00Z'), actor: 'cr' });
    await stack.useCases.staff.complaint({ reference: complained, words: 'Still not fixed.', at: at('2026-12-01T15:00:00Z'), actor: 'cr' });
    await stack.drain();
    const digest = await digestOn(stack, target.policy, '2026-12-02T08:00:00Z');
    expect(digest?.sections.find((s) => s.heading === 'Service requests past their target')).toBeUndefined();
    expect(digest?.sections.flatMap((s) => s.lines.map((l) => l.reference))).not.toContain(done);
    expect(digest?.sections.find((s) => s.lines.some((l) => l.reference === complained))?.heading).toBe('Due this week');
  });

  it('without a target (the council’s own procedure sets none) lists it only while new, never as "no date set"', async () => {
    const stack = memoryStack();
    const reference = await serviceRequest(stack);
    const firstMorning = await digestOn(stack, council, '2026-11-24T08:00:00Z');
    expect(firstMorning?.sections.find((s) => s.lines.some((l) => l.reference === reference))?.heading).toBe('New since yesterday');
    const later = await digestOn(stack, council, '2026-12-15T08:00:00Z');
    expect(later?.sections.flatMap((s) => s.lines.map((l) => l.reference)) ?? []).not.toContain(reference);
  });
});
