/**
 * What each role may do, as its policy says (issue 23): capabilities per role (record, route, decide, held-mail),
 * each catalogue verb under one of them, the sentence that names who can, and the council's Customer Relations
 * Team, which records and routes every case and decides none. Over the seed policies and the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleApp } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { heldScopesFor } from '#application/console/held-access';
import { NotYoursToActOnError } from '#application/console/case-to-act-on';
import { STAFF_ACTIONS, type StaffVerb } from '#application/staff/staff-action-catalogue';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import { roleMayUse, whoCanSentence } from '#domain/access/capabilities';
import type { StaffMember } from '#domain/access/staff-member';
import type { Case } from '#domain/case/case';
import { entryStage } from '#domain/case/route-case';
import { policySchema } from '#domain/policy/policy-schema';
import { PolicySet } from '#domain/policy/policy-set';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const council = seedPolicies.get('county-council');
const CR_ADDRESS = 'customer-relations.notices@county-council.example';
const member = (email: string, role: string, policyId = 'county-council'): StaffMember => ({ id: email, name: email, email, memberships: [{ policyId, role }], operator: false });
const CR = member('cr@county-council.example', 'customer-relations');
const SAM = member('sam@county-council.example', 'service-manager');
const aCase = (policyId: string, fields: Partial<Case> = {}): Case => {
  const stage = entryStage(seedPolicies.get(policyId));
  return { reference: 'REF-2026-0001', policyId, stage: stage.id, status: 'open', confidential: false, handlerRole: stage.handler, complainant: { anonymous: false }, deadlines: [], ...fields } as Case;
};
const table = (policyId: string, c = aCase(policyId)) => {
  const p = seedPolicies.get(policyId);
  return Object.fromEntries(p.roles.map((r) => [r.id, (['record', 'route', 'decide'] as const).filter((k) => roleMayUse(p, r.id, c, k)).join(' ')]));
};

async function councilCase(stack: MemoryStack): Promise<string> {
  const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', email: 'pat@example.net', summary: 'The bins were missed.', channel: 'phone', confidential: false });
  await stack.drain();
  return reference;
}

describe('capabilities per role, from each seed policy', () => {
  it('maps every verb of the catalogue to a capability (take is the handling role\'s own)', () => {
    const mapping = Object.fromEntries((Object.keys(STAFF_ACTIONS) as StaffVerb[]).map((v) => [v, STAFF_ACTIONS[v].who.capability ?? 'handling role']));
    expect(mapping).toEqual({
      acknowledge: 'record', sign: 'record', event: 'record', meeting: 'record', category: 'record', 'outside-body': 'record', 'action-done': 'record',
      note: 'record', 'add-participant': 'record', 'page-new': 'record', 'page-revoke': 'record', message: 'record', posted: 'record', details: 'record', attach: 'record',
      reassign: 'route', assign: 'route', named: 'route', take: 'handling role',
      met: 'decide', extend: 'decide', outcome: 'decide', escalate: 'decide', withdraw: 'decide', redirect: 'decide', 'early-resolution': 'decide', close: 'decide', 'not-a-request': 'decide', reopen: 'decide',
      // Issue 24's service requests: turning a case into one is a decision; its steps, and a complaint about it, are records.
      'service-request': 'decide', 'service-request-step': 'record', 'service-request-done': 'record', complaint: 'record',
    });
  });

  it('the council: customer relations records and routes every case and decides none; the others as before', () => {
    expect(table('county-council')).toEqual({ 'customer-relations': 'record route', 'service-manager': 'record route decide', 'independent-officer': '', director: 'record route decide', 'chief-executive': 'record route decide' });
    expect(table('county-council', aCase('county-council', { stage: 'stage-2', handlerRole: 'independent-officer' }))).toEqual({ 'customer-relations': 'record route', 'service-manager': '', 'independent-officer': 'record route decide', director: 'record route decide', 'chief-executive': 'record route decide' });
  });

  it('the other four seeds give no role capabilities: the handler and those above do everything, others nothing (as before)', () => {
    expect(seedPolicies.all.filter((p) => p.roles.some((r) => r.capabilities)).map((p) => p.id)).toEqual(['county-council']);
    expect(table('alumot')).toEqual({ ceo: 'record route decide', chair: 'record route decide', board: 'record route decide', staff: '' });
    expect(table('connect-north-yorkshire')).toEqual({ 'frontline-staff': '', manager: 'record route decide', 'complaints-officer': 'record route decide' });
    expect(table('connected-together')).toEqual({ 'complaints-officer': '', ceo: 'record route decide', board: 'record route decide' });
    expect(table('not-alone-mentoring')).toEqual({ 'complaints-officer': 'record route decide' });
  });

  it('says who can in one sentence naming them', () => {
    expect(whoCanSentence(council, aCase('county-council', { stage: 'stage-2', handlerRole: 'independent-officer' }), 'decide')).toBe('Only an officer independent of the service complained about (or someone above them) can decide stage two.');
    expect(whoCanSentence(council, aCase('county-council'), 'route')).toBe('Only the manager responsible for the service complained about (or someone above them) or the Customer Relations Team can pass this case to another handler or person.');
    const alumot = seedPolicies.get('alumot');
    expect(whoCanSentence(alumot, aCase('alumot', { about: 'ceo', handlerRole: 'chair' }), 'decide')).toBe('Only the Chair of the Board, or a trustee the Board designates (or someone above them) can act on a complaint about the Chief Executive (Shaked Nir).');
    expect(whoCanSentence(seedPolicies.get('connect-north-yorkshire'), aCase('connect-north-yorkshire'), 'decide')).toBe('Only the Manager (or someone above them) can decide the investigation stage.');
  });

  it('a confidential case is not customer relations\' to record on: they cannot read it', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const c = (await stack.cases.get(reference)) as Case;
    expect(STAFF_ACTIONS.note.who.may(CR, council, c)).toBe(true);
    expect(STAFF_ACTIONS.note.who.may(CR, council, { ...c, confidential: true })).toBe(false);
  });

  it('a policy is refused where a role that handles a stage, or gets cases by routing, cannot decide; an unknown capability is named', () => {
    const raw = structuredClone(council) as unknown as { roles: { id: string; capabilities?: string[] }[] };
    const manager = raw.roles.find((r) => r.id === 'service-manager');
    if (!manager) throw new Error('no service-manager');
    manager.capabilities = ['record'];
    const refused = policySchema.safeParse(raw);
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('role \\"service-manager\\" handles stage-1 but its capabilities leave out decide');
    manager.capabilities = ['judge'];
    expect(JSON.stringify(policySchema.safeParse(raw).error?.issues)).toContain('unknown capability \\"judge\\"');
  });

  it('held mail: a role listing held-mail settles it; one listing capabilities without it does not; one listing none as before', () => {
    expect(heldScopesFor(CR, seedPolicies)).toEqual(['county-council']);
    expect(heldScopesFor(SAM, seedPolicies)).toEqual(['county-council']);
    const raw = structuredClone(council) as unknown as { roles: { id: string; capabilities?: string[] }[] };
    const crt = raw.roles.find((r) => r.id === 'customer-relations');
    if (!crt) throw new Error('no customer-relations');
    crt.capabilities = ['record', 'route'];
    const policies = new PolicySet([...seedPolicies.all.filter((p) => p.id !== 'county-council'), policySchema.parse(raw)]);
    expect(heldScopesFor(CR, policies)).toEqual([]);
    expect(heldScopesFor(member('io@county-council.example', 'independent-officer'), seedPolicies)).toEqual([]);
  });
});

describe('the Customer Relations Team at work', () => {
  it('notes, acknowledges, categorises, reassigns and assigns a case; cannot decide, escalate, resolve early or close it, told who can', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const act = (verb: StaffVerb, input: object) => stack.useCases.act({ kind: 'signed-in', member: CR }, verb, reference, input as never, { at: at('2026-11-24T09:00:00Z') });
    for (const [verb, input] of [
      ['note', { text: 'Rang the depot.' }],
      ['category', { category: 'waste' }],
      ['assign', { to: 'service-manager.notices@county-council.example' }],
    ] as const) expect((await act(verb, input)).outcome, verb).toBe('saved');
    const sentence = 'Only the manager responsible for the service complained about (or someone above them) can decide stage one.';
    for (const [verb, input] of [
      ['outcome', { decision: 'upheld', summary: 'x', remedies: [], actions: [] }],
      ['early-resolution', { summary: 'x' }],
      ['escalate', {}],
      ['close', { category: 'waste' }],
    ] as const) await expect(act(verb, input), verb).rejects.toThrow(new NotYoursToActOnError(reference, sentence));
    expect((await act('reassign', { role: 'independent-officer' })).outcome).toBe('saved');
    expect((await stack.cases.get(reference))?.status).toBe('open');
  });

  it('on the command line, --by their address does what they may, and a refusal is the same sentence', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    await stack.useCases.staff.note({ reference, text: 'Logged the call.', at: at('2026-11-24T09:00:00Z'), actor: CR_ADDRESS });
    await expect(stack.useCases.staff.outcome({ reference, decision: 'upheld', summary: 'x', remedies: [], actions: [], at: at('2026-11-24T09:00:00Z'), actor: CR_ADDRESS })).rejects.toThrow(
      'Only the manager responsible for the service complained about (or someone above them) can decide stage one.',
    );
    // Anyone else on the command line is trusted, as before.
    expect((await stack.useCases.staff.category({ reference, category: 'roads', at: at('2026-11-24T10:00:00Z'), actor: 'ops' })).category).toBe('roads');
  });

  it('the case page lists what they can do, then what others do, once per sentence', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const origin = 'http://localhost:4100';
    const secret = 'a-test-session-secret-0123456789';
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: origin, REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
    const staffSessions = new MemoryStaffSessions();
    const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: secret }));
    const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
    await staffSessions.open('sid-1', 'u-1', expiresAt);
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Cam', email: CR.email, groups: ['county-council:customer-relations'], csrf: 'the-csrf' }, secret, expiresAt)}`;
    const page = await (await app.request(`/console/cases/${reference}`, { headers: { cookie } })).text();
    const mine = page.slice(page.indexOf('<h2>What you can do</h2>'), page.indexOf('<h3>What others do</h3>'));
    for (const verb of ['note', 'acknowledge', 'category', 'reassign', 'assign']) expect(mine, verb).toContain(`/console/cases/${reference}/actions/${verb}"`);
    for (const verb of ['outcome', 'close', 'early-resolution', 'escalate', 'take']) expect(mine, verb).not.toContain(`/actions/${verb}"`);
    const others = page.slice(page.indexOf('<h3>What others do</h3>'), page.indexOf('<h2>Timeline</h2>'));
    expect(others.split('can decide stage one.')).toHaveLength(2);
    expect(others).toContain('Only the manager responsible for the service complained about (or someone above them) can decide stage one.');
  });
});
