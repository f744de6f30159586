/**
 * Releasing held mail from the console (issue 20, item 11): whose complaint mail to no organisation is must be
 * chosen, never defaulted, and a message whose subject is 1 MB is released like any other, its subject bounded in the
 * case. The release function's own app over the memory fakes, as the console's held-mail page posts to it.
 */
import { describe, expect, it } from 'vitest';
import { heldReleaseApp } from '#adapters/http/held-release-app';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { heldReleaseDeps } from '#composition/held-release';
import { loadConfig } from '#config/config';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const SECRET = 'a-test-session-secret-0123456789';
const PUBLIC = 'http://localhost:4100';

function releasing(stack: MemoryStack) {
  const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: PUBLIC, REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
  const staffSessions = new MemoryStaffSessions();
  const app = heldReleaseApp(heldReleaseDeps(config, { ...stack, staffSessions }, SECRET));
  const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
  void staffSessions.open('sid-1', 'u-1', expiresAt);
  const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Olu Operator', email: 'olu@redress.test', groups: ['operator'], csrf: 'the-csrf' }, SECRET, expiresAt)}`;
  return (id: string, policy?: string) =>
    app.request(`/console/held/${encodeURIComponent(id)}/release`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ csrf: 'the-csrf', ...(policy !== undefined ? { policy } : {}) }).toString(),
    });
}

async function strayHeld(stack: MemoryStack, subject = 'My complaint about the bins'): Promise<string> {
  const [outcome] = await stack.deliver(email(['From: Stray Person <stray@example.net>', 'To: old@nowhere.example', `Subject: ${subject}`], 'The bins were missed again.'), { recipients: ['old@nowhere.example'] });
  expect(outcome).toMatchObject({ kind: 'held' });
  expect(outcome).not.toHaveProperty('policyId');
  return (outcome as { heldId: string }).heldId;
}

describe('releasing mail sent to no organisation', () => {
  it('offers no organisation by default: the form asks for one, and a release without one is refused, saying why, with nothing released', async () => {
    const stack = memoryStack();
    const id = await strayHeld(stack);
    const release = releasing(stack);
    for (const policy of [undefined, '']) {
      const refused = await release(id, policy);
      expect(refused.status).toBe(400);
      const page = await refused.text();
      expect(page).toContain('Choose whose complaint it is before releasing it: it was sent to an address no organisation uses, so Redress cannot tell which organisation it is for. Nothing was released.');
      // The organisation list starts on a choice that is none, and the browser will not send the form without one.
      const select = /<select id="p-[^"]+" name="policy" required="">([\s\S]*?)<\/select>/.exec(page)?.[1] ?? '';
      expect(select).toMatch(/^<option value="" selected="">Choose the organisation<\/option><option value="alumot">/);
      expect(select.match(/selected/g)).toHaveLength(1);
    }
    expect((await stack.heldMail.get(id))?.settled).toBeUndefined();
    expect(await stack.counters.lastReference('ALU', 2026)).toBe(0);

    const released = await release(id, 'county-council');
    expect(released.status).toBe(303);
    expect((await stack.heldMail.get(id))?.settled).toMatchObject({ status: 'released', by: 'olu@redress.test' });
  });
});

describe('a message whose subject is 1 MB', () => {
  const subject = `The bins ${'and the bins '.repeat(Math.ceil((1024 * 1024) / 13))}`;

  it('opens its case at intake: the parser reads the message with the subject bounded, and the case says it was shortened', async () => {
    const stack = memoryStack();
    expect(Buffer.byteLength(subject)).toBeGreaterThan(1024 * 1024);
    const [outcome] = await stack.deliver(email(['From: pat@example.net', 'To: Shaked@alumot.uk', `Subject: ${subject}`]));
    expect(outcome).toMatchObject({ kind: 'case-opened', acknowledged: true });
    const c = await stack.cases.get((outcome as { reference: string }).reference);
    expect(Buffer.byteLength(c?.subject ?? '')).toBeLessThanOrEqual(998);
    expect(c?.subject?.startsWith('The bins and the bins')).toBe(true);
    expect(c?.flags).toContain('text-shortened');
  });

  it('sent to no organisation, is held, and released from the console into a case with its acknowledgement', async () => {
    const stack = memoryStack();
    const id = await strayHeld(stack, subject);
    expect(Buffer.byteLength((await stack.heldMail.get(id))?.subject ?? '')).toBeLessThanOrEqual(2_000);
    const released = await releasing(stack)(id, 'alumot');
    expect(released.status).toBe(303);
    const reference = decodeURIComponent(/released=([^&]+)/.exec(released.headers.get('location') ?? '')?.[1] ?? '');
    const c = await stack.cases.get(reference);
    expect(c?.complainant.email).toBe('stray@example.net');
    expect(Buffer.byteLength(c?.subject ?? '')).toBeLessThanOrEqual(998);
    expect(c?.flags).toContain('text-shortened');
    await stack.drain();
    expect(stack.mailer.sent.filter((m) => m.to.includes('stray@example.net')).map((m) => m.subject)).toEqual([`[${reference}] We have received your complaint`]);
  });
});
