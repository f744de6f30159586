/**
 * What makes mail automatic: only machine evidence in its headers. A person's words are never enough to silence
 * them (issue 20): complaints whose subjects begin as auto-replies do open cases; bulk and list mail, and auto-reply
 * words on a message that asks not to be answered automatically, are held with staff told, shown in the digest and
 * in the console's held list, and one release away from their case. Over the memory fakes.
 */
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Hono } from 'hono';
import { consoleSessions } from '#adapters/http/console-session';
import { heldMailPage } from '#adapters/http/held-mail-page';
import { heldFor } from '#application/console/held-access';
import { fromGroups, type StaffMember } from '#domain/access/staff-member';
import { classifyEmail } from '#domain/mail/classify-email';
import { parseEmail } from '#adapters/mail/parse-email';
import { DEFAULT_PARSE_LIMITS } from '#domain/mail/email-parse-limits';
import type { IntakeOutcome } from '#application/intake/take-email';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const subjects = z
  .object({ subjects: z.array(z.object({ subject: z.string().min(1), source: z.string().min(1), verbatim: z.boolean() })) })
  .parse(JSON.parse(readFileSync(fileURLToPath(new URL('../corpus/complaint-subjects.json', import.meta.url)), 'utf8'))).subjects;

const COUNCIL = 'complaints@county-council.example';
const sentTo = (stack: MemoryStack, address: string) => stack.mailer.sent.filter((m) => m.to.includes(address));
const morning = DateTime.fromISO('2026-11-24T08:00:00Z');

/** The console's held-mail page as the person sees it. */
async function heldPage(stack: MemoryStack, groups: string[]): Promise<string> {
  const app = new Hono();
  const sessions = consoleSessions({ sessionSecret: 'a-test-secret-of-enough-length', publicUrl: 'http://localhost', now: () => stack.clock.now(), sessions: new MemoryStaffSessions(), signOutOrigin: 'http://localhost:3001' });
  const session = { sid: 'sid-1', sub: 'u1', name: 'Sam Staff', groups, csrf: 't' };
  const deps = { held: { list: (m: StaffMember) => heldFor({ heldMail: stack.heldMail, policies: stack.policies }, m) }, organisations: stack.policies.all.map((p) => ({ id: p.id, name: p.organisation.name, stages: [] })) };
  app.get('/console/held', (c) => heldMailPage(c, deps, sessions, session));
  return (await app.request('/console/held')).text();
}

function only(outcomes: IntakeOutcome[]): IntakeOutcome {
  expect(outcomes).toHaveLength(1);
  return outcomes[0] as IntakeOutcome;
}

describe('complaints whose subjects begin as auto-replies do', () => {
  it('has at least 30 of them, each with its source', () => {
    expect(subjects.length).toBeGreaterThanOrEqual(30);
    expect(new Set(subjects.map((s) => s.subject)).size).toBe(subjects.length);
  });

  it.each(subjects.map((s) => s.subject))('"%s" is read as automatic-sounding words, never as an automatic reply', async (subject) => {
    const parsed = await parseEmail(Buffer.from(email([`From: Sam Person <sam.person@example.net>`, `To: ${COUNCIL}`, `Subject: ${subject}`])), DEFAULT_PARSE_LIMITS);
    const classification = classifyEmail(parsed, []);
    expect(classification).toMatchObject({ autoReply: false, evidence: [], possiblyAutomatic: false, subjectReadsAutomatic: true });
  });

  it('each opens a case, acknowledged, flagged for staff as reading like an automatic reply', async () => {
    const stack = memoryStack();
    for (const [i, { subject }] of subjects.entries()) {
      const from = `person.${i}@example.net`;
      const outcome = only(await stack.deliver(email([`From: ${from}`, `To: ${COUNCIL}`, `Subject: ${subject}`, `Message-ID: <c${i}@example.net>`])));
      expect(outcome, subject).toMatchObject({ kind: 'case-opened', acknowledged: true });
      const opened = await stack.cases.get((outcome as { reference: string }).reference);
      expect(opened?.flags, subject).toContain('subject-reads-automatic');
    }
    await stack.drain();
    for (const i of subjects.keys()) expect(sentTo(stack, `person.${i}@example.net`), subjects[i]?.subject).toHaveLength(1);
    expect(await stack.heldMail.list('county-council')).toEqual([]);
  });

  it('a complainant replying on their case with such a subject is heard as a person: on the timeline, and the handler told', async () => {
    const stack = memoryStack();
    const first = only(await stack.deliver(email(['From: pat@example.net', `To: ${COUNCIL}`, 'Subject: The bins', 'Message-ID: <p1@example.net>'])));
    const reference = (first as { reference: string }).reference;
    await stack.drain();
    const ack = sentTo(stack, 'pat@example.net')[0];
    const before = stack.mailer.sent.length;
    const reply = email(['From: pat@example.net', `To: ${COUNCIL}`, 'Subject: Re: On holiday for two weeks and the bins were still not emptied', `In-Reply-To: ${ack?.messageId}`, `References: ${ack?.messageId}`]);
    expect(await stack.deliver(reply)).toEqual([{ kind: 'threaded', policyId: 'county-council', reference }]);
    const mailIn = (await stack.cases.timeline(reference)).find((e) => e.type === 'mail-in');
    expect(mailIn?.summary).toBe('Message from pat@example.net');
    expect(mailIn?.detail).toMatchObject({ automatic: false });
    await stack.drain();
    expect(stack.mailer.sent.slice(before).map((m) => m.subject)).toEqual([expect.stringContaining(reference)]);
  });
});

describe('machine evidence in the headers', () => {
  it.each([
    ['Auto-Submitted: auto-replied', 'Out of office', 'Auto-Submitted: auto-replied'],
    ['Auto-Submitted: auto-generated', 'Automatic reply: your complaint', 'Auto-Submitted: auto-generated'],
    ['X-Autoreply: yes', 'Re: hello', 'X-Autoreply: yes'],
    ['X-Autorespond: Will not send another autoreply', 'Re: hello', 'X-Autorespond: Will'],
    ['Precedence: auto_reply', 'Re: hello', 'Precedence: auto_reply'],
    ['X-Autogenerated: Reply', 'Re: hello', 'X-Autogenerated: Reply'],
    ['Return-Path: <>', 'Away until Monday', 'Return-Path: <> (no return address)'],
    ['Thread-Topic: My complaint about the bins', 'Automatic reply: My complaint about the bins', 'an automatic-reply prefix before its Thread-Topic (Exchange)'],
    ['Thread-Topic: My complaint about the bins', 'Automatische Antwort: RE: My complaint about the bins', 'an automatic-reply prefix before its Thread-Topic (Exchange)'],
  ])('%s / "%s": held as automatic with its evidence, and nobody told or acknowledged', async (headerLine, subject, evidence) => {
    const stack = memoryStack();
    expect(only(await stack.deliver(email(['From: away@example.net', `To: ${COUNCIL}`, `Subject: ${subject}`, headerLine])))).toMatchObject({ kind: 'held', reason: 'auto-reply' });
    expect((await stack.heldMail.list('county-council')).map((h) => h.evidence)).toEqual([[evidence]]);
    await stack.drain();
    expect(stack.mailer.sent).toEqual([]);
  });

  it.each([
    ['Auto-Submitted: no', 'Out of office hours helpline never answers'],
    ['X-Autoreply: no', 'On holiday at your leisure centre the staff were rude'],
    ['Thread-Topic: Automatic reply: nobody reads these', 'Automatic reply: nobody reads these'],
  ])('%s / "%s" is a person’s complaint', async (headerLine, subject) => {
    const stack = memoryStack();
    expect(only(await stack.deliver(email(['From: sam@example.net', `To: ${COUNCIL}`, `Subject: ${subject}`, headerLine])))).toMatchObject({ kind: 'case-opened', acknowledged: true });
  });

  it('X-Auto-Response-Suppress alone, which Outlook and Exchange put on people’s own mail, opens a case', async () => {
    const stack = memoryStack();
    expect(only(await stack.deliver(email(['From: sam@example.net', `To: ${COUNCIL}`, 'Subject: Potholes on Mill Lane', 'X-Auto-Response-Suppress: All'])))).toMatchObject({ kind: 'case-opened' });
  });
});

describe('mail that looks automatic without proof reaches staff', () => {
  const bulk = email(['From: Robin Rude <robin@example.net>', `To: ${COUNCIL}`, 'Subject: On holiday at your leisure centre the staff were rude', 'Precedence: bulk', 'Message-ID: <r1@example.net>'], 'The receptionist shouted at my children.');

  it.each([
    ['Precedence: bulk', 'Monthly newsletter', ['Precedence: bulk']],
    ['List-Id: <residents.example.org>', 'Potholes again', ['List-Id']],
    ['X-Auto-Response-Suppress: All', 'Out of office hours helpline never answers', ['its subject begins "Out of office"', 'X-Auto-Response-Suppress: All']],
  ])('%s / "%s" is held as perhaps automatic, the handler told at once, the sender not acknowledged', async (headerLine, subject, signs) => {
    const stack = memoryStack();
    expect(only(await stack.deliver(email(['From: sam@example.net', `To: ${COUNCIL}`, `Subject: ${subject}`, headerLine])))).toMatchObject({ kind: 'held', reason: 'possibly-automatic' });
    expect((await stack.heldMail.list('county-council'))[0]?.evidence).toEqual(signs);
    await stack.drain();
    expect(sentTo(stack, 'sam@example.net')).toEqual([]);
    const notice = stack.mailer.sent.find((m) => m.subject.startsWith('Message held for review'));
    expect(notice?.subject).toBe('Message held for review: it may be automatic or bulk mail, though nothing in its headers shows a machine sent it');
    expect(notice?.text).toContain(`Why it looks automatic: ${signs.join('; ')}`);
    expect(notice?.text).toContain('A person may have written it');
  });

  it('the morning digest lists it, and so does the console’s held list, saying why it was held and that nothing proves a machine sent it', async () => {
    const stack = memoryStack();
    expect(only(await stack.deliver(bulk))).toMatchObject({ kind: 'held', reason: 'possibly-automatic' });
    // Held as an automatic reply before the evidence was recorded: no proof either.
    await stack.heldMail.hold({ id: 'held-old', scope: 'county-council', reason: 'auto-reply', rawKey: 'inbound/old.eml', receivedAt: '2026-11-20T09:00:00.000Z', from: 'old@example.net', subject: 'Out of office hours helpline never answers' }, [], '2026-11-20T09:00:00.000Z');
    // Proven automatic: kept in the held list, but no one is asked to look at it.
    await stack.deliver(email(['From: away@example.net', `To: ${COUNCIL}`, 'Subject: Out of office', 'Auto-Submitted: auto-replied']));

    stack.clock.set(morning.toISO() as string);
    expect(await stack.useCases.sendDigest('county-council', morning)).toBe('sent');
    await stack.drain();
    const digest = stack.mailer.sent.find((m) => m.subject.startsWith('Complaints digest'));
    expect(digest?.text).toContain('Held, perhaps written by a person (2)');
    expect(digest?.text).toContain('A message received 20 November 2026 at 09:00, held as an automatic reply: nothing in its headers shows a machine sent it. If a person wrote it, release it into a case.');
    expect(digest?.text).toContain('held as perhaps automatic or bulk mail (its subject begins "On holiday"; Precedence: bulk): nothing in its headers shows a machine sent it.');
    expect(digest?.text).not.toContain('robin@example.net');
    expect(digest?.text).not.toContain('away@example.net');

    const ceo = { id: 'u1', name: 'Chief', ...fromGroups(['county-council:chief-executive']) };
    const [groups] = await heldFor({ heldMail: stack.heldMail, policies: stack.policies }, ceo);
    expect(groups?.messages.map((m) => m.reason).sort()).toEqual(['auto-reply', 'auto-reply', 'possibly-automatic']);
    const page = await heldPage(stack, ['county-council:chief-executive']);
    expect(page).toContain('Nothing in its headers shows a machine sent it; it was held because its subject begins &quot;On holiday&quot;; Precedence: bulk. A person may have written it');
    expect(page).toContain('It was held as automatic mail with no record of why');
    expect(page).toContain('<dt>Why it was held</dt><dd>an automatic reply (Auto-Submitted: auto-replied)</dd>');
    expect(page).toContain('The receptionist shouted at my children.');
  });

  it('one release away from its case: released, it opens the case and acknowledges the complainant', async () => {
    const stack = memoryStack();
    const held = only(await stack.deliver(bulk));
    const { reference, acknowledged } = await stack.useCases.held.release({ id: (held as { heldId: string }).heldId, at: morning, actor: 'cro.lee' });
    expect(acknowledged).toBe(true);
    const c = await stack.cases.get(reference);
    expect(c?.complainant.email).toBe('robin@example.net');
    expect(c?.summary).toContain('The receptionist shouted at my children.');
    stack.clock.set(morning.toISO() as string);
    await stack.drain();
    expect(sentTo(stack, 'robin@example.net').map((m) => m.subject)).toEqual([`[${reference}] We have received your complaint`]);
    expect((await stack.heldMail.list('county-council')).map((h) => h.id)).toEqual([]);
  });
});
