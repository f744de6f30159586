/**
 * A letter's text headings ("What happens next" over a row of dashes) are headings on the complainant's page, not
 * dashes (found by a fresh tester). The complainant's page over the memory fakes.
 */
import { describe, expect, it } from 'vitest';
import { complainantPageOver } from '#tests/support/complainant-page-over';
import { email, memoryStack } from '#tests/support/memory-stack';

describe('letters on the complainant’s page', () => {
  it('show their headings as headings, with no underline of dashes', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: Pat Person <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Bins'], 'The bins were not collected for three weeks.'));
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    await stack.drain();
    const token = (await stack.cases.get(o.reference))?.page?.token as string;
    const page = await (await complainantPageOver(stack, '2026-11-24T10:00:00Z').request(`/cases/${token}`)).text();
    expect(page).toMatch(/<div class="letter">(<h3>[^<]+<\/h3>|<p>[^<]*<\/p>)+<\/div>/);
    expect(page).toContain('<h3>');
    expect(page).not.toMatch(/\n-{3,}/);
  });
});
