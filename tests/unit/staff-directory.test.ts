/**
 * The staff directory (issue 23, named handlers): a sign-in records the person per organisation with their roles;
 * "Assign to a person" offers the people who have signed in holding the case's handling role (not the role's
 * mailbox, never a person the complaint is about, not the one who has it now) and says that people appear once
 * they have signed in; the decision refuses a person not in the role and a person the complaint is about. Over the
 * memory fakes and the console app over them.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleApp } from '#adapters/http/console-app';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import type { StaffActor } from '#application/staff/act-on-case';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import type { StaffMember } from '#domain/access/staff-member';
import { complaintIsAbout, type StaffPerson } from '#domain/access/staff-person';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const CR = ['county-council:customer-relations'];
const MANAGERS_MAILBOX = 'service-manager.notices@county-council.example';
const person = (email: string, name: string, ...roles: string[]): StaffPerson => ({ policyId: 'county-council', email, name, roles, signedInAt: '2026-11-23T09:00:00.000Z' });
const member = (email: string, ...roles: string[]): StaffMember => ({ id: email, name: email, email, memberships: roles.map((role) => ({ policyId: 'county-council', role })), operator: false });
const signedIn = (m: StaffMember): StaffActor => ({ kind: 'signed-in', member: m });

async function councilCase(stack: MemoryStack, about?: string): Promise<string> {
  const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', email: 'pat@example.net', summary: 'The bins were missed.', channel: 'phone', confidential: false, ...(about ? { about } : {}) });
  return reference;
}

describe('the staff directory', () => {
  it('is made of sign-ins: the console callback records the person once per organisation, with their name and roles', async () => {
    const stack = memoryStack();
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: 'http://localhost:4100', REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
    const secret = 'a-test-session-secret-0123456789';
    const deps = consoleDeps(config, { ...stack, staffSessions: new MemoryStaffSessions(), fileLinks: { linkTo: async () => 'x' } }, { clientSecret: 'c', sessionSecret: secret });
    const app = consoleApp({
      ...deps,
      signIn: { ...deps.signIn, finish: async () => ({ sub: 'u-9', name: 'Sam Jones', email: 'Sam.Jones@county-council.example', groups: ['county-council:service-manager', 'county-council:director', 'alumot:coordinator', 'operator'], idToken: 't' }) },
    });
    const pending = seal({ checks: { state: 's', codeVerifier: 'v', nonce: 'n' }, returnTo: '/console' }, secret, stack.clock.now().getTime() + 60_000);
    const res = await app.request('/console/callback?code=c&state=s', { headers: { cookie: `redress_signin=${pending}` } });
    expect(res.status).toBe(302);
    expect(await stack.staffDirectory.person('county-council', 'sam.jones@county-council.example')).toEqual({ policyId: 'county-council', email: 'sam.jones@county-council.example', name: 'Sam Jones', roles: ['director', 'service-manager'], signedInAt: stack.clock.now().toISOString() });
    expect((await stack.staffDirectory.inRole('alumot', 'coordinator')).map((p) => p.email)).toEqual(['sam.jones@county-council.example']);
  });

  it("the assign form offers the people of the handling role who have signed in, by name, not the role's mailbox nor anyone else", async () => {
    const console = await consoleOverMemory();
    const { stack } = console;
    const reference = await councilCase(stack);
    await stack.staffDirectory.record(person('sam@county-council.example', 'Sam Jones', 'service-manager'));
    await stack.staffDirectory.record(person('al@county-council.example', 'Al Khan', 'service-manager', 'director'));
    await stack.staffDirectory.record(person('io@county-council.example', 'Ivy Ode', 'independent-officer'));
    const { status, page } = await console.page(`/console/cases/${reference}/actions/assign`, CR);
    expect(status).toBe(200);
    const options = [...page.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
    expect(options).toEqual([
      ['al@county-council.example', 'Al Khan (al@county-council.example)'],
      ['sam@county-council.example', 'Sam Jones (sam@county-council.example)'],
    ]);
    expect(page).not.toContain(MANAGERS_MAILBOX);
    expect(page).toContain('People appear here once they have signed in to the console');
  });

  it('with no one of the role signed in, the form says people appear once they have', async () => {
    const console = await consoleOverMemory();
    const reference = await councilCase(console.stack);
    const { page } = await console.page(`/console/cases/${reference}/actions/assign`, CR);
    expect(page).toContain('No one else in this role has signed in to the console yet: people appear here once they have.');
    expect(page).not.toContain('<select');
  });

  it('never offers, nor assigns, a person the complaint is about: one holding a role it is about, even with the handling role too', async () => {
    const console = await consoleOverMemory();
    const { stack } = console;
    const aboutCeo = await councilCase(stack, 'chief-executive');
    const handling = (await stack.cases.get(aboutCeo))?.handlerRole as string;
    await stack.staffDirectory.record(person('ceo@county-council.example', 'Chris Eo', 'chief-executive', handling));
    await stack.staffDirectory.record(person('al@county-council.example', 'Al Khan', handling));
    const { page } = await console.page(`/console/cases/${aboutCeo}/actions/assign`, CR);
    expect(page).toContain('al@county-council.example');
    expect(page).not.toContain('ceo@county-council.example');
    const forged = await stack.useCases.act(signedIn(member('cr@county-council.example', 'customer-relations')), 'assign', aboutCeo, { to: 'ceo@county-council.example' }, { at: at('2026-11-24T09:00:00Z') });
    if (forged.outcome !== 'refused') throw new Error(forged.outcome);
    expect(forged.refusal.message).toBe(`${aboutCeo} is about ceo@county-council.example (or a role they hold), so it cannot be assigned to them: choose someone else in the role handling it`);
    expect((await stack.cases.get(aboutCeo))?.handler).toBeUndefined();
  });

  it('a complaint whose words of whom it is about name a person, by address or by name, is about them', () => {
    const sam = { email: 'sam@county-council.example', name: 'Sam Jones', roles: ['service-manager'] };
    expect(complaintIsAbout({ about: 'Sam Jones in the waste team' }, sam)).toBe(true);
    expect(complaintIsAbout({ about: 'SAM@county-council.example' }, sam)).toBe(true);
    expect(complaintIsAbout({ about: 'service-manager' }, sam)).toBe(true);
    expect(complaintIsAbout({ about: 'the waste team' }, sam)).toBe(false);
    expect(complaintIsAbout({}, sam)).toBe(false);
  });

  it('assigns a person the directory holds in the handling role; refuses one it holds in another role, and one it does not know', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    await stack.staffDirectory.record(person('sam@county-council.example', 'Sam Jones', 'service-manager'));
    await stack.staffDirectory.record(person('io@county-council.example', 'Ivy Ode', 'independent-officer'));
    const cr = signedIn(member('cr@county-council.example', 'customer-relations'));
    for (const to of ['io@county-council.example', 'nobody@county-council.example']) {
      const acted = await stack.useCases.act(cr, 'assign', reference, { to }, { at: at('2026-11-24T09:00:00Z') });
      if (acted.outcome !== 'refused') throw new Error(`${to}: ${acted.outcome}`);
      expect(acted.refusal.message).toContain(`${to} does not hold the role handling ${reference}`);
    }
    const acted = await stack.useCases.act(cr, 'assign', reference, { to: 'Sam@County-Council.example' }, { at: at('2026-11-24T09:00:00Z') });
    if (acted.outcome !== 'saved') throw new Error(acted.outcome);
    expect(acted.case.handler?.email).toBe('sam@county-council.example');
  });
});
