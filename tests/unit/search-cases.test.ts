import { describe, expect, it } from 'vitest';
import { searchCases } from '#application/console/search-cases';
import type { StaffMember } from '#domain/access/staff-member';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { settingsFrom } from '#composition/settings';
import { loadConfig } from '#config/config';
import { DateTime } from 'luxon';

const manager: StaffMember = { id: 'm', name: 'Manager', memberships: [{ policyId: 'county-council', role: 'service-manager' }], operator: false };
const NOW = DateTime.fromISO('2026-11-23T12:00:00Z');
const deps = (stack: MemoryStack) => ({ ...stack, ...settingsFrom(loadConfig({ REDRESS_STACK: 'local' })) });

describe('the console case list', () => {
  it('reads one organisation newest first a page at a time from its index, with a cursor to the next page', async () => {
    const stack = memoryStack();
    for (let i = 0; i < 30; i++) {
      await stack.deliver(email([`From: Person ${i} <p${i}@example.net>`, 'To: complaints@county-council.example', `Subject: Complaint ${i}`]), { receivedAt: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString() });
    }
    const first = await searchCases(deps(stack), manager, { q: '', page: 1 }, 25, NOW);
    expect(first.found).toHaveLength(25);
    expect(first.found[0]?.case.complainant.email).toBe('p29@example.net');
    expect(first.next).toBeDefined();
    const second = await searchCases(deps(stack), manager, { q: '', page: 2, after: first.next as string }, 25, NOW);
    expect(second.found.map((f) => f.case.complainant.email)).toEqual(['p4@example.net', 'p3@example.net', 'p2@example.net', 'p1@example.net', 'p0@example.net']);
    expect([second.more, second.next]).toEqual([false, undefined]);
  });

  it('pages through two organisations newest first from their own indexes, none skipped or shown twice', async () => {
    const stack = memoryStack();
    const both: StaffMember = { id: 'b', name: 'Both', memberships: [{ policyId: 'county-council', role: 'service-manager' }, { policyId: 'connected-together', role: 'ceo' }], operator: false };
    const sent: string[] = [];
    for (let i = 0; i < 23; i++) {
      // Interleaved unevenly: the council gets two of every three.
      const to = i % 3 === 2 ? 'complaints@connected-together.example' : 'complaints@county-council.example';
      await stack.deliver(email([`From: Person ${i} <p${i}@example.net>`, `To: ${to}`, `Subject: Complaint ${i}`]), { receivedAt: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString() });
      sent.unshift(`p${i}@example.net`);
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 1; page <= 5; page++) {
      const result = await searchCases(deps(stack), both, { q: '', page, ...(after ? { after } : {}) }, 10, NOW);
      seen.push(...result.found.map((f) => f.case.complainant.email ?? ''));
      if (!result.more) break;
      after = result.next;
    }
    expect(seen).toEqual(sent);
    // A cursor that is not one reads as the first page, not an error.
    expect((await searchCases(deps(stack), both, { q: '', page: 2, after: 'not-a-cursor' }, 10, NOW)).found[0]?.case.complainant.email).toBe('p22@example.net');
  });

  it('filters by the person it is assigned to, how it came and a missed deadline', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-02T09:00:00Z');
    for (let i = 0; i < 3; i++) await stack.deliver(email([`From: Person ${i} <p${i}@example.net>`, 'To: complaints@county-council.example', `Subject: Complaint ${i}`]), { receivedAt: new Date(Date.UTC(2026, 10, 2, 9, i)).toISOString() });
    const all = await searchCases(deps(stack), manager, { q: '', page: 1 }, 25, NOW);
    const [first] = all.found.map((f) => f.case.reference) as [string];
    await stack.useCases.staff.assign({ reference: first, at: NOW, actor: 'command-line', to: 'service-manager.notices@county-council.example' });
    const mine = await searchCases(deps(stack), manager, { q: '', page: 1, handler: 'Service-Manager.Notices@county-council.example' }, 25, NOW);
    expect(mine.found.map((f) => f.case.reference)).toEqual([first]);
    expect((await searchCases(deps(stack), manager, { q: '', page: 1, channel: 'phone' }, 25, NOW)).found).toEqual([]);
    expect((await searchCases(deps(stack), manager, { q: '', page: 1, channel: 'email' }, 25, NOW)).found).toHaveLength(3);
    // The council responds within ten working days: missed by 23 November, not yet on 3 November.
    expect((await searchCases(deps(stack), manager, { q: '', page: 1, overdue: true }, 25, NOW)).found).toHaveLength(3);
    expect((await searchCases(deps(stack), manager, { q: '', page: 1, overdue: true }, 25, DateTime.fromISO('2026-11-03T09:00:00Z'))).found).toEqual([]);
  });

  it('finds by the start of a name whatever its accents and case, and by address', async () => {
    const stack = memoryStack();
    await stack.deliver(email(['From: Zoë O\'Brien <zoe@example.net>', 'To: complaints@county-council.example', 'Subject: Bins']));
    await stack.deliver(email(['From: Zack Other <zack@example.net>', 'To: complaints@county-council.example', 'Subject: Roads']));
    expect((await searchCases(deps(stack), manager, { q: 'ZOE o', page: 1 }, 25, NOW)).found.map((f) => f.case.complainant.email)).toEqual(['zoe@example.net']);
    expect((await searchCases(deps(stack), manager, { q: 'Zack@Example.net', page: 1 }, 25, NOW)).found.map((f) => f.case.complainant.email)).toEqual(['zack@example.net']);
  });

  it('records on a confidential case\'s timeline each search by name or address that turns it up for someone who may read it; a list or a search by reference records nothing', async () => {
    const stack = memoryStack();
    const ceo: StaffMember = { id: 'c', name: 'Chief Executive', memberships: [{ policyId: 'alumot', role: 'ceo' }], operator: false };
    const member: StaffMember = { id: 's', name: 'Member of staff', memberships: [{ policyId: 'alumot', role: 'staff' }], operator: false };
    const [opened] = await stack.deliver(email(['From: Sol Secret <sol.secret@example.net>', 'To: Shaked@alumot.uk', 'Subject: Confidential complaint: my file']));
    const reference = opened?.kind === 'case-opened' ? opened.reference : '';
    expect((await stack.cases.get(reference))?.confidential).toBe(true);
    const views = async () => (await stack.cases.timeline(reference)).filter((e) => e.type === 'viewed').map((e) => [e.actor, e.summary]);

    const listed = await searchCases(deps(stack), ceo, { q: '', page: 1 }, 25, NOW);
    expect(listed.found.map((f) => [f.case.reference, f.readable])).toEqual([[reference, true]]);
    expect((await searchCases(deps(stack), ceo, { q: reference, page: 1 }, 25, NOW)).found).toHaveLength(1);
    expect(await views()).toEqual([]);

    expect((await searchCases(deps(stack), ceo, { q: 'sol', page: 1 }, 25, NOW)).found).toHaveLength(1);
    await searchCases(deps(stack), ceo, { q: 'sol.secret@example.net', page: 1 }, 25, NOW.plus({ minutes: 1 }));
    const found = "Found the confidential case by searching for the complainant's name or address";
    expect(await views()).toEqual([['Chief Executive', found], ['Chief Executive', found]]);
    // Someone who may not read it finds nothing by who complained, and nothing is recorded.
    expect((await searchCases(deps(stack), member, { q: 'sol', page: 1 }, 25, NOW)).found).toEqual([]);
    expect(await views()).toHaveLength(2);
  });
});
