/**
 * What the console answers when a case or held message is not there or an action is refused: the status and the
 * page, the same whichever route met the error (issue 22: one onError maps the typed errors). The console app over
 * the memory fakes.
 */
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleApp } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import { email, memoryStack } from '#tests/support/memory-stack';

const SECRET = 'a-test-session-secret-0123456789';
const ORIGIN = 'http://localhost:4100';
let request: (path: string, form?: Record<string, string>, groups?: readonly string[]) => Promise<{ status: number; page: string }>;
let heldId: string;

beforeAll(async () => {
  const stack = memoryStack();
  await stack.useCases.staff.open({ policyId: 'county-council', at: DateTime.fromISO('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', phone: '01632 960000', summary: 'The bins were missed.', channel: 'phone', confidential: false });
  const [held] = await stack.deliver(email(['From: X <x@example.net>', 'To: nobody@nowhere.example', 'Subject: lost'], 'Lost.'), { recipients: ['nobody@nowhere.example'] });
  if (held?.kind !== 'held') throw new Error(JSON.stringify(held));
  heldId = held.heldId;
  const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: ORIGIN, REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
  const staffSessions = new MemoryStaffSessions();
  const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: SECRET }));
  const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
  await staffSessions.open('sid-1', 'u-1', expiresAt);
  // By default customer relations at the council (may know of its cases, may not decide one its service manager
  // handles) and an operator (sees mail sent to no organisation).
  request = async (path, form, groups = ['county-council:customer-relations', 'operator']) => {
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Staff', email: 'staff@org.test', groups, csrf: 'the-csrf' }, SECRET, expiresAt)}`;
    const res = await app.request(path, form ? { method: 'POST', body: new URLSearchParams({ csrf: 'the-csrf', ...form }), headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } } : { headers: { cookie } });
    return { status: res.status, page: await res.text() };
  };
});

describe("the console's answers to what is missing or refused", () => {
  it('a case nobody can see: 404, "No such case", on its page and on its actions alike', async () => {
    for (const path of ['/console/cases/CCC-2026-0999', '/console/cases/CCC-2026-0999/actions/note']) {
      const { status, page } = await request(path);
      expect(status).toBe(404);
      expect(page).toContain('<h1>No such case</h1>');
    }
  });

  it("a decision that is not the person's to make: 403, saying who may make it", async () => {
    // Customer relations records and routes every council case, and decides none.
    const { status, page } = await request('/console/cases/CCC-2026-0001/actions/outcome');
    expect(status).toBe(403);
    expect(page).toContain('Only the manager responsible for the service complained about (or someone above them) can decide stage one.');
    expect(page).toContain('<h1>Not yours to act on</h1>');
    expect(page).toContain('<a href="/console/cases/CCC-2026-0001">Back to CCC-2026-0001</a>');
  });

  it('a held message nobody can see: 404, on the held messages page with the problem', async () => {
    const { status, page } = await request('/console/held/nope/discard', { reason: 'spam' });
    expect(status).toBe(404);
    expect(page).toContain('<h1>Held messages</h1>');
    expect(page).toContain('There is no such held message that you can see.');
  });

  it('a discard refused: 400, on the held messages page with the reason', async () => {
    const { status, page } = await request(`/console/held/${encodeURIComponent(heldId)}/discard`, { reason: '' });
    expect(status).toBe(400);
    expect(page).toContain('<h1>Held messages</h1>');
    expect(page).toContain('say why the message is discarded');
  });

  it("an action refused by the case's rules: 400, its form again with the reason", async () => {
    const { status, page } = await request('/console/cases/CCC-2026-0001/actions/add-participant/preview', { email: 'not an address' }, ['county-council:service-manager']);
    expect(status).toBe(400);
    expect(page).toContain('<h1>Someone else may write into the case</h1>');
    expect(page).toContain('value="not an address"');
    expect(page).toContain('role="alert"');
  });
});

describe('a date outside the bank-holiday calendar, from any console path', () => {
  it('is a 400 page naming the date problem, not a 500', async () => {
    const { consoleOverMemory } = await import('#tests/support/console-over-memory');
    const stack = memoryStack();
    await stack.useCases.staff.open({ policyId: 'county-council', at: DateTime.fromISO('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', phone: '01632 960000', summary: 'The bins were missed.', channel: 'phone', confidential: false });
    // A morning past the years the bank-holiday data covers: the working days to each deadline cannot be counted.
    stack.clock.set('2045-01-02T09:00:00Z');
    const console_ = await consoleOverMemory(stack);
    const { status, page } = await console_.page('/console', ['county-council:service-manager']);
    expect(status).toBe(400);
    expect(page).toContain('<h1>A date Redress cannot count</h1>');
    expect(page).toMatch(/no bank-holiday data for 20\d\d-\d\d-\d\d: the calendar covers 20\d\d-20\d\d/);
    expect(page).toContain('<a href="/console/cases">');
  });
});
