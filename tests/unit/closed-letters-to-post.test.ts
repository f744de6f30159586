/**
 * A closed case's letters to post (issue 23): the closure letter of a complainant without email is drafted for post
 * as the case closes, and must still be listed in the morning view's "Letters to post" (the morning projection used to
 * go at close, so it was not). Kept by the same projection, so the view still reads what is due: after the last
 * letter is marked posted the closed case's projection is gone. Never listed in a section, nor in the digest.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { morningView } from '#application/console/morning-view';
import { fromGroups } from '#domain/access/staff-member';
import { buildDigest, morningOf } from '#domain/digest/build-digest';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const GROUPS = ['county-council:customer-relations'];
const CR = { id: 'u1', name: 'Cat Relations', ...fromGroups(GROUPS) };

/** A council telephone complaint from someone without email, carried to its close: every letter drafted for post. */
async function closedByPost(stack: MemoryStack): Promise<string> {
  const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', phone: '01632 960001', address: '14 Mill Lane\nLittle Ouseburn\nYork YO26 9TR', summary: 'The bins were missed.', channel: 'phone', confidential: false });
  await stack.useCases.staff.acknowledge({ reference, at: at('2026-11-24T11:00:00Z'), actor: 'cr' });
  await stack.useCases.staff.outcome({ reference, at: at('2026-12-01T11:00:00Z'), actor: 'manager', decision: 'upheld', summary: 'We read the round sheets.', remedies: ['apology'], actions: [] });
  // The letters before the closure one have gone.
  for (const letter of (await stack.cases.get(reference))?.postLetters ?? []) await stack.useCases.staff.posted({ reference, at: at('2026-12-01T15:00:00Z'), actor: 'cr', letter: letter.id });
  await stack.useCases.staff.close({ reference, category: 'waste', at: at('2026-12-02T11:00:00Z'), actor: 'manager' });
  return reference;
}

describe("a closed case's letters to post", () => {
  it('stay in the morning view\'s "Letters to post" (marked closed) and in no section, until the last is marked posted', async () => {
    const stack = memoryStack();
    const reference = await closedByPost(stack);
    stack.clock.set('2026-12-03T09:00:00Z');
    const console = await consoleOverMemory(stack);
    const closed = await stack.cases.get(reference);
    expect(closed?.status).toBe('closed');
    const waiting = (closed?.postLetters ?? []).filter((l) => !l.postedOn);
    expect(waiting.map((l) => l.kind)).toEqual(['closure']);

    const now = at('2026-12-03T09:30:00Z');
    const [council] = await morningView(stack, CR, now);
    expect(council?.toPost).toEqual([{ reference, letters: 1, closed: true, confidential: false, who: 'Pat Person' }]);
    expect(council?.sections.flatMap((s) => s.cases.map((c) => c.case.reference))).not.toContain(reference);
    const { weekEnd, since } = morningOf(now);
    const due = await stack.cases.due('county-council', weekEnd, since);
    expect(due.map((d) => d.reference)).toEqual([reference]);
    // The digest lists it as the morning view does: under its letters to post, and in no other section.
    expect(buildDigest(stack.policies.get('county-council'), due, now)?.sections).toEqual([{ heading: 'Letters to post', lines: [{ reference, text: `${reference}, Pat Person (closed): a letter to print and post, then mark posted` }] }]);

    const { status, page } = await console.page('/console', GROUPS);
    expect(status).toBe(200);
    expect(page).toMatch(new RegExp(`<h3>Letters to post \\(1\\)</h3><ul><li><a href="/console/cases/${reference}">${reference}</a>, Pat Person \\(closed\\): a letter to print and post, then mark posted</li></ul>`));

    await stack.useCases.staff.posted({ reference, at: at('2026-12-03T10:00:00Z'), actor: 'cr', letter: waiting[0]?.id as string });
    expect((await morningView(stack, CR, now))[0]?.toPost).toEqual([]);
    // The projection goes with the last letter: the view reads what is due, not every closed case.
    expect(await stack.cases.due('county-council', weekEnd, '2000-01-01T00:00:00Z')).toEqual([]);
  });
});
