/**
 * actOnCase and the staff-action catalogue (issue 22): a staff action reads its case once, judges permission on
 * the version it writes, previews without writing, and every verb of the catalogue has its console form (or says
 * it has none) and its command-line flags. Assign and take (issue 23's named handlers) are one domain function
 * and one catalogue entry each. Over the memory fakes, and the console app over them.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleApp } from '#adapters/http/console-app';
import { CONSOLE_FORMS } from '#adapters/http/console-actions';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import type { MemoryCases } from '#adapters/memory/memory-cases';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { NotYoursToActOnError } from '#application/console/case-to-act-on';
import type { Cases } from '#application/ports/cases';
import { STAFF_ACTIONS, type StaffVerb } from '#application/staff/staff-action-catalogue';
import type { StaffActor } from '#application/staff/act-on-case';
import { CASE_VERB_COMMANDS, CASE_VERBS_HELP, CLI_VERBS } from '#cli/commands/case-verbs';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import { ActionRefusedError } from '#domain/case/case-change';
import type { StaffMember } from '#domain/access/staff-member';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const SECRET = 'a-test-session-secret-0123456789';
const ORIGIN = 'http://localhost:4100';
/** The council's stage-one handler and its notice mailbox, the address the policy gives the role's people. */
const MANAGERS = 'service-manager.notices@county-council.example';
const MANAGER_TITLE = 'The manager responsible for the service complained about';

function member(email: string, ...roles: string[]): StaffMember {
  return { id: email, name: email, email, memberships: roles.map((role) => ({ policyId: 'county-council', role })), operator: false };
}
const signedIn = (m: StaffMember): StaffActor => ({ kind: 'signed-in', member: m });
const SAM = member('sam@county-council.example', 'service-manager');
const DIRECTOR = member('dee@county-council.example', 'director');
const CR = member('cr@county-council.example', 'customer-relations');

/** The case store with its reads and writes counted. */
function counted(cases: MemoryCases): { cases: Cases; calls: { get: number; write: number } } {
  const calls = { get: 0, write: 0 };
  const proxy = new Proxy(cases, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'get' || property === 'write') {
        return (...args: unknown[]) => {
          calls[property]++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
  return { cases: proxy, calls };
}

async function councilCase(stack: MemoryStack): Promise<string> {
  const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', email: 'pat@example.net', summary: 'The bins were missed.', channel: 'phone', confidential: false });
  await stack.drain();
  return reference;
}

describe('actOnCase', () => {
  it('reads the case once and writes once, for a console action through its route', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const { cases, calls } = counted(stack.cases);
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: ORIGIN, REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
    const staffSessions = new MemoryStaffSessions();
    const app = consoleApp(consoleDeps(config, { ...stack, cases, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: SECRET }));
    const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
    await staffSessions.open('sid-1', 'u-1', expiresAt);
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Sam', email: SAM.email, groups: ['county-council:service-manager'], csrf: 'the-csrf' }, SECRET, expiresAt)}`;
    const post = (path: string, form: Record<string, string>) =>
      app.request(path, { method: 'POST', body: new URLSearchParams({ csrf: 'the-csrf', ...form }), headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } });

    const res = await post(`/console/cases/${reference}/actions/note`, { text: 'Rang the depot.' });
    expect(res.status).toBe(303);
    expect(calls).toEqual({ get: 1, write: 1 });
    expect((await stack.cases.timeline(reference)).some((e) => e.type === 'note' && e.summary.includes('Rang the depot.'))).toBe(true);

    // Confirming a preview twice (a double click, Back and resend) acts once: the confirm form carries the version shown.
    const shown = await post(`/console/cases/${reference}/actions/note/preview`, { text: 'Posted the leaflet.' });
    const version = /name="previewed" value="(\d+)"/.exec(await shown.text())?.[1] as string;
    expect(version).toMatch(/^\d+$/);
    expect((await post(`/console/cases/${reference}/actions/note`, { text: 'Posted the leaflet.', previewed: version })).status).toBe(303);
    const twice = await post(`/console/cases/${reference}/actions/note`, { text: 'Posted the leaflet.', previewed: version });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('this case has changed since your preview');
    expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'note' && e.summary.includes('Posted the leaflet.'))).toHaveLength(1);

    // The preview reads once and writes nothing.
    calls.get = 0;
    calls.write = 0;
    const preview = await post(`/console/cases/${reference}/actions/close/preview`, { category: 'waste' });
    expect(preview.status).toBe(200);
    expect(calls).toEqual({ get: 1, write: 0 });
    // The council reports by category: closing without one is refused on the form, which has the select.
    const uncategorised = await post(`/console/cases/${reference}/actions/close/preview`, { category: '' });
    expect(uncategorised.status).toBe(400);
    const refusedPage = await uncategorised.text();
    expect(refusedPage).toContain(`${reference} has no category, and County Council reports its complaints by category: choose one to close it`);
    expect(refusedPage).toContain('<select id="f-category" name="category">');

    // A refusal is shown on the form from the same one read.
    calls.get = 0;
    const refused = await post(`/console/cases/${reference}/actions/reopen`, { reason: 'Again.' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('is not closed');
    expect(calls).toEqual({ get: 1, write: 0 });

    // Take is offered to a person of the handling role; taken, the case page names them and the timeline says so.
    const get = (path: string) => app.request(path, { headers: { cookie } });
    expect(await (await get(`/console/cases/${reference}`)).text()).toContain(`/console/cases/${reference}/actions/take`);
    expect((await post(`/console/cases/${reference}/actions/take`, {})).status).toBe(303);
    const page = await (await get(`/console/cases/${reference}`)).text();
    expect(page).toContain(`<dt>Assigned to</dt><dd>${SAM.email}</dd>`);
    expect(page).toContain(`Taken by ${SAM.email}`);
    expect(page).not.toContain(`/console/cases/${reference}/actions/take`);
  });

  it('judges permission again on the version it writes: a lost race to a reassignment re-reads and refuses', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const { cases, calls } = counted(stack.cases);
    let raced = false;
    const racing = new Proxy(cases, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property !== 'write' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          if (!raced) {
            raced = true;
            // Between the action's read and its write, someone gives the case to the independent officer.
            await stack.useCases.staff.reassign({ reference, role: 'independent-officer', at: at('2026-11-24T09:00:00Z'), actor: 'dee' });
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const act = stack.withPorts({ cases: racing }).act(signedIn(SAM), 'note', reference, { text: 'Rang the depot.' }, { at: at('2026-11-24T09:00:00Z') });
    await expect(act).rejects.toBeInstanceOf(NotYoursToActOnError);
    expect(calls.get).toBe(2);
    expect((await stack.cases.timeline(reference)).some((e) => e.type === 'note')).toBe(false);
  });

  it('without a race, decides on the one read and saves', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const { cases, calls } = counted(stack.cases);
    const acted = await stack.withPorts({ cases }).act(signedIn(SAM), 'category', reference, { category: stack.policies.get('county-council').categories[0]?.id ?? '' }, { at: at('2026-11-24T09:00:00Z') });
    expect(acted.outcome).toBe('saved');
    expect(calls).toEqual({ get: 1, write: 1 });
  });

  it('previews without writing: the letters it would send, the case as it was', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const before = await stack.cases.get(reference);
    const outbox = (await stack.outbox.ofCase(reference)).length;
    const acted = await stack.useCases.act(signedIn(SAM), 'close', reference, { category: 'other' }, { at: at('2026-11-24T09:00:00Z'), preview: true });
    if (acted.outcome !== 'preview') throw new Error(acted.outcome);
    expect(acted.letters.map((l) => l.purpose)).toContain('closure');
    expect(acted.letters.find((l) => l.purpose === 'closure')?.text).toContain('Pat Person');
    expect(acted.events.some((e) => e.type === 'closed')).toBe(true);
    expect(await stack.cases.get(reference)).toEqual(before);
    expect(await stack.outbox.ofCase(reference)).toHaveLength(outbox);
  });

  it('says "no such case" to a person who may not know of it, and who may act to one who may not', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const stranger: StaffMember = { ...SAM, memberships: [{ policyId: 'alumot', role: 'ceo' }] };
    await expect(stack.useCases.act(signedIn(stranger), 'note', reference, { text: 'x' }, { at: at('2026-11-24T09:00:00Z') })).rejects.toMatchObject({ name: 'CaseNotFoundError' });
    await expect(stack.useCases.act(signedIn(CR), 'outcome', reference, { decision: 'upheld', summary: 'x', remedies: [], actions: [] }, { at: at('2026-11-24T09:00:00Z') })).rejects.toThrow(
      'Only the manager responsible for the service complained about (or someone above them) can decide stage one.',
    );
  });

  it('refuses an input that does not fit the verb, naming the field', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const acted = await stack.useCases.act(signedIn(SAM), 'note', reference, { text: 42 } as unknown as { text: string }, { at: at('2026-11-24T09:00:00Z') });
    if (acted.outcome !== 'refused') throw new Error(acted.outcome);
    expect(acted.refusal).toBeInstanceOf(ActionRefusedError);
    expect(acted.refusal.hint).toEqual({ input: 'text' });
  });
});

describe('the catalogue', () => {
  const verbs = Object.keys(STAFF_ACTIONS) as StaffVerb[];

  it('gives every verb a console form or says it has none, and its command-line flags or the command it is part of', () => {
    for (const verb of verbs) {
      expect(CONSOLE_FORMS[verb], verb).toBeDefined();
      const cli = CLI_VERBS[verb];
      expect(cli, verb).toBeDefined();
      // A verb that is part of another command: the page's (new, revoke), or attach, which reads a file first.
      if ('partOf' in cli) expect(['case page', 'case attach'], verb).toContain(cli.partOf);
      else {
        expect(CASE_VERB_COMMANDS[`case ${verb}`], verb).toBeTypeOf('function');
        expect(CASE_VERBS_HELP, verb).toContain(`  case ${verb} REF`);
        expect(cli.usage.startsWith(`${verb} REF`), verb).toBe(true);
      }
    }
    expect(Object.keys(CONSOLE_FORMS).sort()).toEqual([...verbs].sort());
    expect(Object.keys(CLI_VERBS).sort()).toEqual([...verbs].sort());
  });
});

describe('assign and take: a person within the handling role', () => {
  it('whoever may act on the case (its role or above) assigns it to an address the policy gives the role; the timeline says so', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const acted = await stack.useCases.act(signedIn(DIRECTOR), 'assign', reference, { to: MANAGERS.toUpperCase() }, { at: at('2026-11-24T09:00:00Z') });
    if (acted.outcome !== 'saved') throw new Error(acted.outcome);
    expect(acted.case.handler).toEqual({ email: MANAGERS, at: '2026-11-24T09:00:00.000Z', by: DIRECTOR.email });
    const entry = (await stack.cases.timeline(reference)).find((e) => e.type === 'assigned');
    expect(entry?.summary).toBe(`Assigned to ${MANAGERS} (${MANAGER_TITLE})`);
  });

  it('refuses an address outside the handling role, and sends the person to reassign', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const acted = await stack.useCases.act(signedIn(SAM), 'assign', reference, { to: 'independent-officer.notices@county-council.example' }, { at: at('2026-11-24T09:00:00Z') });
    if (acted.outcome !== 'refused') throw new Error(acted.outcome);
    expect(acted.refusal.message).toBe(`independent-officer.notices@county-council.example does not hold the role handling ${reference} (${MANAGER_TITLE}): assign it to someone who does, or reassign the case to their role first`);
    expect(acted.refusal.hint).toMatchObject({ input: 'to', instead: 'reassign' });
    expect((await stack.cases.get(reference))?.handler).toBeUndefined();
  });

  it('a person of the handling role takes it; someone above may assign it but not take it; another role (not above it, without route) may do neither', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const taken = await stack.useCases.act(signedIn(SAM), 'take', reference, {}, { at: at('2026-11-24T09:00:00Z') });
    if (taken.outcome !== 'saved') throw new Error(taken.outcome);
    expect(taken.case.handler?.email).toBe(SAM.email);
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'assigned')?.summary).toBe(`Taken by ${SAM.email} (${MANAGER_TITLE})`);
    await expect(stack.useCases.act(signedIn(DIRECTOR), 'take', reference, {}, { at: at('2026-11-24T10:00:00Z') })).rejects.toThrow(`Only a person of the manager responsible for the service complained about, the role handling ${reference}, can take it`);
    await expect(stack.useCases.act(signedIn(member('io@county-council.example', 'independent-officer')), 'assign', reference, { to: MANAGERS }, { at: at('2026-11-24T10:00:00Z') })).rejects.toBeInstanceOf(NotYoursToActOnError);
    // Reassigned to another role, the case has no person until that role gives it one.
    await stack.useCases.staff.reassign({ reference, role: 'independent-officer', at: at('2026-11-24T11:00:00Z'), actor: 'dee' });
    expect((await stack.cases.get(reference))?.handler).toBeUndefined();
  });

  it('on the command line: case assign --to, and take by the address given as --by', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    await expect(stack.useCases.staff.take({ reference, at: at('2026-11-24T09:00:00Z'), actor: 'jo' })).rejects.toThrow('"jo" is not an email address');
    const c = await stack.useCases.staff.take({ reference, at: at('2026-11-24T09:00:00Z'), actor: MANAGERS });
    expect(c.handler?.email).toBe(MANAGERS);
    await expect(stack.useCases.staff.assign({ reference, to: MANAGERS, at: at('2026-11-24T10:00:00Z'), actor: 'jo' })).rejects.toThrow('already assigned');
  });
});
