import { describe, expect, it } from 'vitest';
import { searchCases } from '#application/console/search-cases';
import type { StaffMember } from '#domain/access/staff-member';
import { email, memoryStack } from '#tests/support/memory-stack';

const manager: StaffMember = { id: 'm', name: 'Manager', memberships: [{ policyId: 'county-council', role: 'service-manager' }], operator: false };

describe('the console case list', () => {
  it('reads one organisation newest first a page at a time from its index, with a cursor to the next page', async () => {
    const stack = memoryStack();
    for (let i = 0; i < 30; i++) {
      await stack.deliver(email([`From: Person ${i} <p${i}@example.net>`, 'To: complaints@county-council.example', `Subject: Complaint ${i}`]), { receivedAt: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString() });
    }
    const first = await searchCases(stack, manager, { q: '', page: 1 }, 25);
    expect(first.found).toHaveLength(25);
    expect(first.found[0]?.case.complainant.email).toBe('p29@example.net');
    expect(first.next).toBeDefined();
    const second = await searchCases(stack, manager, { q: '', page: 2, after: first.next as string }, 25);
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
      const result = await searchCases(stack, both, { q: '', page, ...(after ? { after } : {}) }, 10);
      seen.push(...result.found.map((f) => f.case.complainant.email ?? ''));
      if (!result.more) break;
      after = result.next;
    }
    expect(seen).toEqual(sent);
    // A cursor that is not one reads as the first page, not an error.
    expect((await searchCases(stack, both, { q: '', page: 2, after: 'not-a-cursor' }, 10)).found[0]?.case.complainant.email).toBe('p22@example.net');
  });

  it('finds by the start of a name whatever its accents and case, and by address', async () => {
    const stack = memoryStack();
    await stack.deliver(email(['From: Zoë O\'Brien <zoe@example.net>', 'To: complaints@county-council.example', 'Subject: Bins']));
    await stack.deliver(email(['From: Zack Other <zack@example.net>', 'To: complaints@county-council.example', 'Subject: Roads']));
    expect((await searchCases(stack, manager, { q: 'ZOE o', page: 1 }, 25)).found.map((f) => f.case.complainant.email)).toEqual(['zoe@example.net']);
    expect((await searchCases(stack, manager, { q: 'Zack@Example.net', page: 1 }, 25)).found.map((f) => f.case.complainant.email)).toEqual(['zack@example.net']);
  });
});
