/**
 * Held mail you can judge (issue 23): the held-mail page shows each message as text (never its HTML), the addresses it
 * was sent from and to, its attachments by name, type and size, and why it was held, all escaped; a confidential
 * message's words are not shown; and a message about a person is still never shown to them.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { consoleSessions } from '#adapters/http/console-session';
import { heldMailPage } from '#adapters/http/held-mail-page';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { heldFor } from '#application/console/held-access';
import type { StaffMember } from '#domain/access/staff-member';
import { heldWithoutPerson } from '#domain/mail/held-message';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

async function heldPage(stack: MemoryStack, groups: string[]): Promise<string> {
  const app = new Hono();
  const sessions = consoleSessions({ sessionSecret: 'a-test-secret-of-enough-length', publicUrl: 'http://localhost', now: () => stack.clock.now(), sessions: new MemoryStaffSessions(), signOutOrigin: 'http://localhost:3001' });
  const session = { sid: 'sid-1', sub: 'u1', name: 'Sam Staff', groups, csrf: 't' };
  const deps = { held: { list: (m: StaffMember) => heldFor({ heldMail: stack.heldMail, policies: stack.policies }, m) }, organisations: stack.policies.all.map((p) => ({ id: p.id, name: p.organisation.name, stages: [] })) };
  app.get('/console/held', (c) => heldMailPage(c, deps, sessions, session));
  return (await app.request('/console/held')).text();
}

/** An HTML-only message with a PDF and an executable attached, sent to no organisation's address. */
function htmlMessageWithFiles(subject: string): string {
  return [
    'From: Stray Person <stray@example.net>',
    'To: old@nowhere.example, "Another" <another@nowhere.example>',
    'Cc: copy@example.org',
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><head><style>p{color:red}</style><script>steal()</script></head><body><p>The <b>bins</b> were missed <i>again</i> on Tuesday.</p><p>Please &amp; thank you.</p></body></html>',
    '--b',
    'Content-Type: application/pdf; name="photo of bins.pdf"',
    'Content-Disposition: attachment; filename="photo of bins.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 '.repeat(300)).toString('base64'),
    '--b',
    'Content-Type: application/octet-stream; name="invoice.exe"',
    'Content-Disposition: attachment; filename="invoice.exe"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('MZ').toString('base64'),
    '--b--',
    '',
  ].join('\n');
}

async function heldFrom(stack: MemoryStack, raw: string, recipients: string[]): Promise<string> {
  const [outcome] = await stack.deliver(raw, { recipients });
  expect(outcome).toMatchObject({ kind: 'held' });
  return (outcome as { heldId: string }).heldId;
}

describe('a held message on the held-mail page', () => {
  it('shows its HTML as text, its From, To and Cc, its subject escaped, why it was held and its attachments listed', async () => {
    const stack = memoryStack();
    const id = await heldFrom(stack, htmlMessageWithFiles(HOSTILE), ['old@nowhere.example']);
    const held = await stack.heldMail.get(id);
    expect(held).toMatchObject({ to: ['old@nowhere.example', 'another@nowhere.example'], cc: ['copy@example.org'] });
    expect(held?.text).toContain('The bins were missed again on Tuesday.');

    const page = await heldPage(stack, ['operator']);
    const shown = page.slice(page.indexOf('<h3>'));
    // Its words, converted from the HTML: no tag of the message, no script or style text, entities decoded once and escaped again.
    expect(shown).toContain('The message, as text');
    expect(shown).toMatch(/The bins were missed again on Tuesday\.\s+Please &amp; thank you\./);
    expect(shown).not.toContain('<b>');
    expect(shown).not.toContain('steal()');
    expect(shown).not.toContain('color:red');
    // The hostile subject is text, never markup.
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(shown).toContain('<h3>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</h3>');
    // Who sent it to which addresses, and why it was held.
    expect(shown).toContain('<dt>From</dt><dd>stray@example.net</dd>');
    expect(shown).toContain('<dt>To</dt><dd>old@nowhere.example, another@nowhere.example</dd>');
    expect(shown).toContain('<dt>Cc</dt><dd>copy@example.org</dd>');
    expect(shown).toContain('<dt>Why it was held</dt><dd>sent to an address no policy uses</dd>');
    // Its attachments by name, size and type; the one that can run code says so.
    expect(shown).toContain('Attached (2)');
    expect(shown).toMatch(/photo of bins\.pdf <span class="hint">\(3 KB, application\/pdf\)<\/span>/);
    expect(shown).toMatch(/invoice\.exe <span class="hint">\(2 bytes, application\/octet-stream\)<\/span> A file of this kind can run code on your computer\./);
  });

  it('bounds its text: a message of 1 MB is shown cut, and said to be', async () => {
    const stack = memoryStack();
    const id = await heldFrom(stack, email(['From: stray@example.net', 'To: old@nowhere.example', 'Subject: A long one'], 'The bins. '.repeat(100_000)), ['old@nowhere.example']);
    const text = (await stack.heldMail.get(id))?.text ?? '';
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(16 * 1024);
    expect(text.endsWith('[…]')).toBe(true);
  });

  it('does not show the words of a message marked confidential, and says why', async () => {
    const stack = memoryStack();
    const policy = stack.policies.all.find((p) => p.intake.confidentialMarker);
    if (!policy?.intake.confidentialMarker) throw new Error('a seed policy with a confidential marker is needed');
    // Automatic-looking mail to the organisation is held in its scope; its subject carries the marker.
    const id = await heldFrom(stack, email([`From: someone@example.net`, `To: ${policy.intake.addresses[0]}`, `Subject: ${policy.intake.confidentialMarker.phrase} out of office`, 'Auto-Submitted: auto-replied'], 'Secret words about my neighbour.'), [policy.intake.addresses[0] as string]);
    const held = await stack.heldMail.get(id);
    expect(held?.text).toBeUndefined();
    const page = await heldPage(stack, ['operator']);
    expect(page).not.toContain('Secret words');
    expect(page).toContain('marked confidential');
  });

  it('keeps none of its addresses, words or attachments once its personal data is destroyed', async () => {
    const stack = memoryStack();
    const id = await heldFrom(stack, htmlMessageWithFiles('Bins'), ['old@nowhere.example']);
    const forgotten = heldWithoutPerson((await stack.heldMail.get(id)) as NonNullable<Awaited<ReturnType<typeof stack.heldMail.get>>>, '2026-12-01T00:00:00Z');
    for (const field of ['from', 'to', 'cc', 'text', 'attachments', 'subject']) expect(forgotten).not.toHaveProperty(field);
  });
});
