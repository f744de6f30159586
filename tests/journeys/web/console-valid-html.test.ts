/**
 * Every console page is valid HTML by a standard validator (issue 23: "every page valid HTML, not only the
 * browser's tolerance"): the morning view, search, a case with letters for post, a letter's print page, an action's
 * form, held mail, a policy, the annual report and the "no such" pages, rendered through the console's app over the
 * memory fakes and checked by the Nu HTML Checker (vnu-jar) in one Java process.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { email } from '#tests/support/memory-stack';
import { htmlErrors } from '#tests/support/valid-html';

const at = (iso: string) => DateTime.fromISO(iso);

describe('the console pages, by the Nu HTML Checker', () => {
  it('are valid HTML', async () => {
    const console = await consoleOverMemory();
    const { stack } = console;
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', phone: '01632 960001', address: '14 Mill Lane\nYork YO26 9TR', summary: 'The bins were missed <again> & again.', channel: 'phone', confidential: false });
    await stack.useCases.staff.acknowledge({ reference, at: at('2026-11-24T11:00:00Z'), actor: 'staff' });
    const drafted = (await stack.cases.timeline(reference)).find((e) => e.type === 'letter-drafted');
    await stack.deliver(email(['From: X <x@example.net>', 'To: nobody@nowhere.example', 'Subject: lost <b>'], 'Lost.'), { recipients: ['nobody@nowhere.example'] });
    const handler = `county-council:${(await stack.cases.get(reference))?.handlerRole}`;
    const relations = ['county-council:customer-relations', 'county-council:chief-executive', 'operator'];
    const paths: Record<string, readonly string[]> = {
      '/console': relations,
      '/console/cases?q=Pat': relations,
      [`/console/cases/${reference}`]: relations,
      [`/console/cases/${reference}/letters/${drafted?.id}/print`]: relations,
      [`/console/cases/${reference}/actions/note`]: [handler],
      '/console/held': relations,
      '/console/policies/county-council': relations,
      '/console/reports/county-council': relations,
    };
    const missing: Record<string, readonly string[]> = { '/console/cases/CCC-2026-0999': relations, [`/console/cases/${reference}/letters/nope/print`]: relations };
    const pages: Record<string, string> = {};
    for (const [path, groups] of [...Object.entries(paths), ...Object.entries(missing)]) {
      const { status, page } = await console.page(path, groups);
      expect(page, path).toMatch(/^<!doctype html>/i);
      expect(status, path).toBe(path in missing ? 404 : 200);
      pages[path] = page;
    }
    // The checker is heard: a page with a stray end tag is not valid.
    const broken = '<!doctype html><html lang="en"><head><title>x</title></head><body><p>x</span></body></html>';
    const errors = await htmlErrors({ ...pages, broken });
    expect(errors.broken?.join('\n')).toContain('Stray end tag “span”');
    delete errors.broken;
    expect(Object.fromEntries(Object.entries(errors).filter(([, e]) => e.length > 0))).toEqual({});
  }, 120_000);
});
