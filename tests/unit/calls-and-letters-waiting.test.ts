/**
 * Letters waiting to be posted and the calls that must come first (a telephone call instead of letters, agreed as an
 * adjustment), found by a fresh tester: the morning view's call list gives the number to call (a tel: link), and
 * the digest (sent, and printed by `redress digest`, both built by buildDigest) lists both, as the morning view does.
 * Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildDigest, digestLetter } from '#domain/digest/build-digest';
import { dueCaseOf } from '#domain/digest/due-case';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const HANDLER = ['county-council:service-manager'];

async function callWaiting() {
  const console_ = await consoleOverMemory();
  const { stack } = console_;
  const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', email: 'pat@example.net', phone: '01632 960001', address: '14 Mill Lane\nYork YO26 9TR', summary: 'The bins were not collected for three weeks.', channel: 'phone', confidential: false });
  await stack.useCases.staff.adjust({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'phone' });
  await stack.useCases.staff.message({ reference, at: at('2026-11-24T11:00:00Z'), actor: 'sam', subject: 'Your bins', text: 'We have spoken to the crew.' });
  return { console_, stack, reference };
}

describe('a letter waiting for a call', () => {
  it('the morning view gives the number to call, as a tel: link', async () => {
    const { console_ } = await callWaiting();
    const morning = (await console_.page('/console', HANDLER)).page;
    expect(morning).toContain('Call Pat Person on <a href="tel:01632960001">01632 960001</a> before sending (a letter waits for the call they asked for instead of letters).');
  });

  it('the sent digest lists the call, with the number, and the letter to post', async () => {
    const { stack, reference } = await callWaiting();
    await stack.useCases.sendDigest('county-council', at('2026-11-25T07:00:00Z'));
    await stack.drain();
    const digest = stack.mailer.sent.find((m) => m.subject.startsWith('Complaints digest'));
    const text = (digest?.text ?? '').replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`Calls to make before a letter goes \\(1\\) -+ ${reference}: Call Pat Person on 01632 960001 before sending \\(a letter waits for the call they asked for instead of letters\\)`));
    expect(text).toMatch(new RegExp(`Letters to post \\(1\\) -+ ${reference}, Pat Person: a letter to print and post, then mark posted`));
  });

  it('the digest (as `redress digest` builds it from cases read whole) lists a closed case’s letter to post, and a confidential one without name or number', async () => {
    const { stack, reference } = await callWaiting();
    const c = await stack.cases.get(reference);
    if (!c) throw new Error('no case');
    const policy = seedPolicies.get('county-council');
    const closed = { ...c, status: 'closed' as const };
    const secret = { ...c, reference: 'CCC-2026-0999', confidential: true };
    const digest = buildDigest(policy, [closed, dueCaseOf(secret)], at('2026-11-25T07:00:00Z'));
    const text = digestLetter(policy, digest ?? { policyId: '', date: '2026-11-25', sections: [] }).text.replace(/\s+/g, ' ');
    expect(text).toContain(`${reference}, Pat Person (closed): a letter to print and post, then mark posted`);
    expect(text).toContain('CCC-2026-0999 (confidential): a letter to print and post, then mark posted');
    expect(text).toContain('CCC-2026-0999: Call the complainant (open the case for the number) before sending');
    expect(text).not.toMatch(/CCC-2026-0999[^.]*01632/);
  });
});

describe('a letter to post with no postal address on the case', () => {
  // Found by a fresh tester: a letter that could not go by email waited "to print and post" with nowhere to post
  // it, and only the case's timeline said so.
  it('says so on the morning view and in the digest, from the projection and from the case read whole', async () => {
    const console_ = await consoleOverMemory();
    const { stack } = console_;
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Nora Noaddress', phone: '01632 960002', summary: 'The library was shut without notice.', channel: 'phone', confidential: false });
    await stack.useCases.staff.adjust({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'post' });
    await stack.useCases.staff.message({ reference, at: at('2026-11-24T11:00:00Z'), actor: 'sam', subject: 'The library', text: 'The library reopens on Monday.' });
    const words = 'Nora Noaddress: a letter to print and post, then mark posted (no postal address on the case: add one on the case page, or read it to them)';
    const line = `${reference}, ${words}`;
    expect((await console_.page('/console', HANDLER)).page).toContain(`<a href="/console/cases/${reference}">${reference}</a>, ${words}`);
    const c = await stack.cases.get(reference);
    if (!c) throw new Error('no case');
    const policy = seedPolicies.get('county-council');
    for (const known of [c, dueCaseOf(c)]) {
      const digest = buildDigest(policy, [known], at('2026-11-25T07:00:00Z'));
      expect(digestLetter(policy, digest ?? { policyId: '', date: '2026-11-25', sections: [] }).text.replace(/\s+/g, ' ')).toContain(line);
    }
    // With an address, nothing more is said.
    const addressed = { ...c, complainant: { ...c.complainant, postalAddress: '14 Mill Lane\nYork YO26 9TR' } };
    for (const known of [addressed, dueCaseOf(addressed)]) {
      const digest = buildDigest(policy, [known], at('2026-11-25T07:00:00Z'));
      expect(digestLetter(policy, digest ?? { policyId: '', date: '2026-11-25', sections: [] }).text).not.toContain('no postal address');
    }
  });
});
