/**
 * The morning view says who complained, about what, and the case's flags in words (issue 21, item 10): never for a
 * confidential case (read on its own page, where the reading is recorded), and never a complaint about the
 * person looking. The console app over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleApp } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const SECRET = 'a-test-session-secret-0123456789';
const at = (iso: string) => DateTime.fromISO(iso);

async function morning(stack: MemoryStack, groups: string[]): Promise<string> {
  const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: 'http://localhost:4100', REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
  const staffSessions = new MemoryStaffSessions();
  const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: SECRET }));
  const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
  await staffSessions.open('sid-1', 'u-1', expiresAt);
  const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Staff', email: 'staff@org.test', groups, csrf: 'the-csrf' }, SECRET, expiresAt)}`;
  return (await app.request('/console', { headers: { cookie } })).text();
}

describe('the morning view', () => {
  it('names the complainant, the subject and the flags in words; a confidential case shows none of it', async () => {
    const stack = memoryStack();
    await stack.deliver(email(['From: Pat Person <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Missed bins <b>again</b>'], 'The bins were missed.'), { verdicts: { spam: 'PASS', virus: 'PASS', spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' } });
    await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Sol Secret', phone: '01632 960000', summary: 'About my care package.', channel: 'phone', confidential: true });
    const page = await morning(stack, ['county-council:customer-relations']);
    expect(page).toContain('Pat Person: Missed bins &lt;b&gt;again&lt;/b&gt;');
    expect(page).toContain('Flagged: sender not verified (SPF, DKIM or DMARC failed).');
    expect(page).toContain('Confidential: open the case to read it');
    expect(page).not.toContain('Sol Secret');
    expect(page).not.toContain('care package');
  });

  it('never shows a complaint about the person looking', async () => {
    const stack = memoryStack();
    await stack.useCases.staff.open({ policyId: 'alumot', at: at('2026-11-23T10:00:00Z'), actor: 'chair', name: 'Pat Person', phone: '01632 960000', summary: 'The CEO was rude to me.', about: 'ceo', channel: 'phone', confidential: false });
    expect(await morning(stack, ['alumot:chair'])).toContain('Pat Person: The CEO was rude to me.');
    expect(await morning(stack, ['alumot:ceo'])).not.toContain('Pat Person');
  });
});
