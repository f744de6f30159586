/**
 * Letters for a complainant written to by post (issue 21, item 8): a phone complaint with a postal address and no
 * email. Every letter of every seed, drafted for post, opens with the organisation's address, the date in words,
 * the complainant's name and address and the reference; asks to be answered in writing or by telephone, never "reply
 * to this email"; and writes out no page link that could not be copied from paper. The console keeps listing a
 * posted letter once the action that drafted it is confirmed. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleApp } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import type { Case } from '#domain/case/case';
import { letterFor } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { previewFacts } from '#domain/letters/letter-preview';
import { LETTER_KINDS } from '#domain/policy/policy-schema';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const SENDING = { mailDomain: 'redress.test', operatorEmail: 'ops@redress.test', pageBaseUrl: 'https://complaints.example.org' };
const ADDRESS = '14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR';

async function phoneCase(stack: MemoryStack, policyId: string): Promise<Case> {
  const { reference } = await stack.useCases.staff.open({ policyId, at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', phone: '01632 960001', address: ADDRESS, summary: 'The volunteer did not come to three sessions.', channel: 'phone', confidential: false });
  return (await stack.cases.get(reference)) as Case;
}

describe('every letter for a complainant written to by post', () => {
  for (const policy of seedPolicies.all) {
    it(`${policy.id}: each kind is laid out for post, with both addresses and the date in words, and never asks for an email reply`, async () => {
      const stack = memoryStack();
      const c = await phoneCase(stack, policy.id);
      const written = '2026-11-24T15:00:00Z';
      for (const kind of LETTER_KINDS.filter((k) => k !== 'confirm-address')) {
        const delivery = letterFor(policy, c, previewFacts(policy, kind, c, at(written)), 'test', written, SENDING);
        expect(delivery.letters, kind).toEqual([]);
        const text = String(delivery.events[0]?.detail?.text);
        expect(text.toLowerCase(), kind).not.toContain('reply to this email');
        expect(text.toLowerCase(), kind).not.toContain('click');
        expect(text.toLowerCase(), kind).not.toContain('this email');
        // Their address block, then ours: each line of each.
        for (const line of ['Pat Person', '14 Mill Lane', 'Little Ouseburn', 'York YO26 9TR']) expect(text, kind).toContain(`\n${line}\n`);
        expect(text.startsWith(`${policy.organisation.name}\n[street address]\n[town]\n[postcode]\n`), kind).toBe(true);
        expect(text, kind).toContain(`\n${dateInWords('2026-11-24')}\n`);
        expect(text, kind).toContain(`Our reference: ${c.reference}`);
        // The page's 43 random characters are not written out on paper: they may ask for its address instead.
        expect(text, kind).not.toContain(SENDING.pageBaseUrl);
        if (!['redirect', 'withdrawal', 'closure'].includes(kind)) expect(text, kind).toContain('ask us for its address');
      }
    });
  }

  it('asks to be written to or called, at the address the policy gives, where the email letter says "reply"', async () => {
    const stack = memoryStack();
    const policy = seedPolicies.get('county-council');
    const c = await phoneCase(stack, 'county-council');
    const written = '2026-11-24T15:00:00Z';
    const ack = String(letterFor(policy, c, previewFacts(policy, 'acknowledgement', c, at(written)), 't', written, SENDING).events[0]?.detail?.text);
    expect(ack).toContain('To add anything or ask a question, write to us at County Council, [street address], [town], [postcode], or call us on [telephone number].');
    expect(ack).toContain('Thank you for your complaint to the County Council.');
    // The same letter by email is as it was.
    const byEmail = letterFor(policy, { ...c, complainant: { ...c.complainant, email: 'pat@example.net' } }, previewFacts(policy, 'acknowledgement', c, at(written)), 't', written, SENDING);
    expect(byEmail.letters[0]?.text).toContain('You can reply to this email to add anything or ask a question');
    expect(byEmail.letters[0]?.text).not.toContain('[street address]');
  });

  it('tells staff to fill in the placeholders before posting while the policy gives no address of its own, and not once it does', async () => {
    const policy = seedPolicies.get('county-council');
    const c = await phoneCase(memoryStack(), 'county-council');
    const written = '2026-11-24T15:00:00Z';
    const summary = (p: typeof policy) => String(letterFor(p, c, previewFacts(p, 'acknowledgement', c, at(written)), 't', written, SENDING).events[0]?.summary);
    expect(summary(policy)).toContain("Before posting it, fill in our own address and telephone number where the letter shows [brackets], and ask whoever runs Redress to put them in the policy (organisation.contact.address, organisation.contact.phone)");
    const filled = { ...policy, organisation: { ...policy.organisation, contact: { address: 'County Hall\nMain Street\nAnytown AN1 1AA', phone: '01632 960 000' } } };
    expect(summary(filled)).not.toContain('fill in');
  });
});

describe('the console case page of a complainant written to by post', () => {
  it('lists each posted letter once its action is confirmed, with its state', async () => {
    const stack = memoryStack();
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: 'http://localhost:4100', REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
    const staffSessions = new MemoryStaffSessions();
    const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: 'a-test-session-secret-0123456789' }));
    const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
    await staffSessions.open('sid-1', 'u-1', expiresAt);
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Cara Relations', email: 'cara@council.test', groups: ['county-council:customer-relations'], csrf: 'the-csrf' }, 'a-test-session-secret-0123456789', expiresAt)}`;

    const c = await phoneCase(stack, 'county-council');
    await stack.useCases.staff.acknowledge({ reference: c.reference, at: at('2026-11-23T11:00:00Z'), actor: 'cara' });
    const page = await (await app.request(`/console/cases/${c.reference}`, { headers: { cookie } })).text();
    const letters = /<h2>Letters<\/h2>([\s\S]*?)<h2>/.exec(page)?.[1] ?? '';
    expect(letters).not.toContain('None yet');
    expect(letters).toContain(`[${c.reference}] We have received your complaint`);
    expect(letters).toContain('to post');
  });
});
