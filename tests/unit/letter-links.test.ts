/**
 * The complainant's page link in an HTML letter is a real link (issue 21, item 10): escaped, https only, and only
 * for the addresses Redress makes, never for anything a complainant wrote.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { letterFor } from '#domain/letters/complainant-letter';
import { previewFacts } from '#domain/letters/letter-preview';
import { renderTemplate } from '#domain/letters/render-template';
import type { Case } from '#domain/case/case';
import { memoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);

async function emailCase(): Promise<Case> {
  const stack = memoryStack();
  const { reference } = await stack.useCases.staff.open({ policyId: 'alumot', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', email: 'pat@example.net', summary: 'See https://evil.example/x for what happened.', channel: 'phone', confidential: false });
  return (await stack.cases.get(reference)) as Case;
}

describe('the page link in an HTML letter', () => {
  it('is a link to the page, escaped, and the text letter writes it out', async () => {
    const c = await emailCase();
    const policy = seedPolicies.get('alumot');
    const sending = { mailDomain: 'redress.test', operatorEmail: 'ops@redress.test', pageBaseUrl: 'https://complaints.example.org/' };
    const [letter] = letterFor(policy, c, previewFacts(policy, 'acknowledgement', c, at('2026-11-23T10:00:00Z')), 't', '2026-11-23T10:00:00Z', sending).letters;
    const url = `https://complaints.example.org/cases/${c.page?.token}`;
    expect(letter?.text).toContain(url);
    const shown = url.replace(/[-#]/g, (ch) => `&#${ch.charCodeAt(0)};`);
    expect(letter?.html).toContain(`<a href="${shown}">${shown}</a>`);
    expect(letter?.html.match(/<a /g)).toHaveLength(1);
  });

  it('stays plain text where the front door is not https', async () => {
    const c = await emailCase();
    const policy = seedPolicies.get('alumot');
    const sending = { mailDomain: 'redress.test', operatorEmail: 'ops@redress.test', pageBaseUrl: 'http://localhost:3000' };
    const [letter] = letterFor(policy, c, previewFacts(policy, 'acknowledgement', c, at('2026-11-23T10:00:00Z')), 't', '2026-11-23T10:00:00Z', sending).letters;
    expect(letter?.html).toContain('/cases/');
    expect(letter?.html).not.toContain('<a ');
  });

  it('makes a link only of the addresses named, and never of a value that would break out of the attribute', () => {
    const view = { words: 'https://evil.example/a', link: 'https://ok.example/"><script>' };
    const letter = renderTemplate({ subject: 's', body: '{{words}}\n\n{{link}}' }, view, [view.link]);
    expect(letter.html).not.toContain('<a ');
    expect(letter.html).not.toContain('<script>');
    const named = renderTemplate({ subject: 's', body: '{{words}}' }, view, []);
    expect(named.html).not.toContain('<a ');
  });
});
