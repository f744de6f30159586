/**
 * Guesses at complainants' pages (/cases/<token>), over the memory fakes: each address that opens no page is
 * "no such page", as ever, and logged with where it came from; past the limit from one client address, every page
 * request from it waits, the right address too (so guessing learns nothing), until the window ends. Other
 * addresses, and complainants who never mistype, are not slowed.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { complainantPageApp } from '#adapters/http/complainant-page-app';
import { MemoryRateLimiter } from '#adapters/memory/memory-rate-limiter';
import { complainantPageDeps } from '#composition/complainant-page';
import { loadConfig } from '#config/config';
import { email, memoryStack } from '#tests/support/memory-stack';

describe('guesses at a complainant page', () => {
  it('are answered 404 and logged; past the limit from one address, every page from it waits until the window ends', async () => {
    const stack = memoryStack();
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PAGE_MISS_LIMIT: '3', REDRESS_PAGE_MISS_WINDOW_SECONDS: '600' });
    const app = complainantPageApp(complainantPageDeps(config, { ...stack, rateLimiter: new MemoryRateLimiter() }), (c) => c.req.header('x-client') ?? 'unknown');
    const [opened] = await stack.deliver(email(['From: Robin Page <robin@example.net>', 'To: complaints@county-council.example', 'Subject: Bins']));
    const reference = opened?.kind === 'case-opened' ? opened.reference : '';
    const issued = await stack.useCases.staff['page-new']({ reference, at: DateTime.fromJSDate(stack.clock.now()), actor: 'officer' });
    const right = `/cases/${issued.page?.token as string}`;
    const from = (client: string, path: string) => app.request(path, { headers: { 'x-client': client } });

    // A complainant who never mistypes is never counted.
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.7', right)).status).toBe(200);
    const guesses = [`/cases/${'A'.repeat(43)}`, '/cases/short', `/cases/${reference}`];
    for (const guess of guesses) expect((await from('203.0.113.9', guess)).status).toBe(404);
    expect(stack.log.lines.filter((l) => l.message === 'complainant page not found').map((l) => l.extra)).toEqual(guesses.map(() => ({ sourceIp: '203.0.113.9', method: 'GET' })));

    const waiting = await from('203.0.113.9', `/cases/${'B'.repeat(43)}`);
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe('600');
    expect(waiting.headers.get('cache-control')).toBe('no-store');
    // The right address too, so that a guess that found a page could not be told from one that did not.
    expect((await from('203.0.113.9', right)).status).toBe(429);
    expect((await app.request(`${right}/information`, { method: 'POST', headers: { 'x-client': '203.0.113.9' }, body: new URLSearchParams({ text: 'more' }) })).status).toBe(429);
    expect(stack.log.lines.some((l) => l.message.startsWith('complainant page refused') && l.extra?.sourceIp === '203.0.113.9')).toBe(true);
    expect((await from('198.51.100.7', right)).status).toBe(200);

    stack.clock.advance(600_000);
    expect((await from('203.0.113.9', right)).status).toBe(200);
  });
});
