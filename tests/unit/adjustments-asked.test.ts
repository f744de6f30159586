/**
 * Every intake asks "Do you need us to do anything differently?" (issue 24, part 1): the web form's question (the
 * policy's adjustments as checkboxes and their own words, bounded), the console's record page (staff write down
 * what the caller says), and by email nothing asked but the acknowledgement says how to ask. What they ask is kept on
 * the case as a request and on the timeline; staff agree each one (case adjust). Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { complaintFormApp, type FormLimits } from '#adapters/http/complaint-form-app';
import { issueFormToken } from '#adapters/http/form-token';
import { MemoryRateLimiter } from '#adapters/memory/memory-rate-limiter';
import type { Case } from '#domain/case/case';
import { acknowledgementFacts } from '#domain/letters/letter-view';
import { unansweredAsk } from '#domain/adjustments/adjustment-kinds';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const SECRET = 'adjustments-asked-test-secret-0123456789';
const NOW = Date.parse('2026-11-23T10:00:00Z');
const limits: FormLimits = { maxBodyBytes: 64 * 1024, minFillSeconds: 3, maxFormAgeSeconds: 86_400, perIpLimit: 50, perIpWindowSeconds: 600, perOrganisationLimit: 50, perOrganisationWindowSeconds: 3600 };
const HANDLER = ['county-council:service-manager'];
const HEADING = 'If you need us to do anything differently';

function formApp(stack: MemoryStack = memoryStack()) {
  stack.clock.set(new Date(NOW));
  const app = complaintFormApp({ policies: stack.policies, counters: stack.counters, rateLimiter: new MemoryRateLimiter(), submit: stack.useCases.submitWebComplaint, secret: SECRET, limits, log: stack.log, now: () => NOW }, () => '198.51.100.7');
  // As a browser posts the form: each ticked box under the one name.
  const post = (pairs: [string, string][]) => {
    const body = new URLSearchParams([['formToken', issueFormToken(SECRET, 'county-council', NOW - 60_000)], ['name', 'Form Person'], ['email', 'form.person@example.net'], ['summary', 'The bins were not collected for three weeks.'], ['consent', 'yes'], ...pairs]);
    return app.request('/forms/county-council', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  };
  return { stack, app, post };
}

const only = async (stack: MemoryStack): Promise<Case> => (await stack.cases.newestFirst('county-council'))[0] as Case;

describe('the web form asks', () => {
  it('shows the question: the policy’s adjustments as checkboxes under one legend, and a box for their words', async () => {
    const { app } = formApp();
    const page = await (await app.request('/forms/county-council')).text();
    expect(page).toContain('<legend><h2>Do you need us to do anything differently?</h2></legend>');
    for (const kind of ['large-print', 'post', 'phone', 'email-only', 'easy-read', 'interpreter', 'advocate', 'more-time']) expect(page).toContain(`name="adjustments" value="${kind}"`);
    expect(page).toContain('name="adjustmentsWords"');
  });

  it('keeps what they ticked and their words on the case as a request, and on the timeline: it agrees nothing by itself', async () => {
    const { stack, post } = formApp();
    const res = await post([['adjustments', 'large-print'], ['adjustments', 'post'], ['adjustmentsWords', 'Please <b>ring</b> after 2pm']]);
    expect(res.status).toBe(200);
    const c = await only(stack);
    expect(c.adjustmentsAsked).toEqual({ kinds: ['large-print', 'post'], words: 'Please <b>ring</b> after 2pm', at: '2026-11-23T10:00:00.000Z', by: 'complainant' });
    expect(c.adjustments ?? []).toEqual([]);
    const asked = (await stack.cases.timeline(c.reference)).find((e) => e.type === 'adjustment-asked');
    expect(asked?.summary).toBe('Asked us to do things differently: Large print (letters printed at 16 point or more); Letters by post; in their words: Please <b>ring</b> after 2pm. Agree each one with them: “Reasonable adjustment: agree or review one” on the case page');
    // The acknowledgement (sent once they confirm their address) does not ask again: the form did.
    expect(acknowledgementFacts(stack.policies.get('county-council'), c).view.askAdjustments).toBe(false);
  });

  it('nothing ticked and no words: nothing asked is kept', async () => {
    const { stack, post } = formApp();
    expect((await post([['adjustmentsWords', '   ']])).status).toBe(200);
    const c = await only(stack);
    expect(c.adjustmentsAsked).toBeUndefined();
    expect((await stack.cases.timeline(c.reference)).some((e) => e.type === 'adjustment-asked')).toBe(false);
  });

  it('sends the form back for a choice not on the list, or words past 1,000 characters, with the answers kept and no case', async () => {
    const { stack, post } = formApp();
    const forged = await post([['adjustments', 'large-print'], ['adjustments', '<script>x</script>']]);
    expect(forged.status).toBe(400);
    const page = await forged.text();
    expect(page).toContain('Choose what we should do differently from the list, or tell us in your own words');
    expect(page).not.toContain('<script>x</script>');
    expect((await post([['adjustmentsWords', 'x'.repeat(1_001)]])).status).toBe(400);
    expect(await stack.cases.newestFirst('county-council')).toHaveLength(0);
  });
});

describe('the console’s record page asks', () => {
  const recorded = { channel: 'phone', receivedAt: '2026-11-23T09:30', name: 'Pat Phone', phone: '01632 960000', email: 'pat@example.net', preferredChannel: 'email', subject: 'Bins', summary: 'The bins were missed three weeks running.', submissionId: 'sub-0123456789abcdef' };

  it('shows the question to read to the caller, the policy’s adjustments and a box for their words', async () => {
    const console = await consoleOverMemory();
    const page = (await console.page('/console/record/county-council', HANDLER)).page;
    expect(page).toContain('<legend>Ask them: do you need us to do anything differently?</legend>');
    expect(page).toContain('name="adjustments" value="interpreter"');
    expect(page).toContain('name="adjustmentsWords"');
  });

  it('keeps what the caller asked for, recorded by the member of staff, and the acknowledgement does not ask again', async () => {
    const console = await consoleOverMemory();
    console.stack.clock.set(new Date('2026-11-23T10:00:00Z'));
    const res = await console.post('/console/record/county-council', { ...recorded, adjustments: 'interpreter', adjustmentsWords: 'Polish, please' }, HANDLER);
    expect(res.status).toBe(200);
    const c = (await console.stack.cases.newestFirst('county-council'))[0] as Case;
    expect(c.adjustmentsAsked).toEqual({ kinds: ['interpreter'], words: 'Polish, please', at: '2026-11-23T09:30:00.000Z', by: 'sam@org.test' });
    await console.stack.drain();
    expect(console.stack.mailer.sent.filter((m) => m.to.includes('pat@example.net')).map((m) => m.text).join('\n')).not.toContain(HEADING);
  });

  it('refuses a choice the policy does not offer, naming those it does', async () => {
    const console = await consoleOverMemory();
    console.stack.clock.set(new Date('2026-11-23T10:00:00Z'));
    const res = await console.post('/console/record/county-council', { ...recorded, adjustments: 'telepathy' }, HANDLER);
    expect(res.status).toBe(400);
    expect(res.page).toContain('&quot;telepathy&quot; is not one of the adjustments');
    // Its link goes to the question.
    expect(res.page).toContain('href="#f-adjustments"');
    expect(res.page).toMatch(/<fieldset class="field field--error" id="f-adjustments">/);
    expect(await console.stack.cases.newestFirst('county-council')).toHaveLength(0);
  });
});

describe('by email (or a call where nothing was recorded), nothing is asked: the acknowledgement says how to ask', () => {
  it('an acknowledgement by email tells them to reply; one for post tells them how to write or call', async () => {
    const stack = memoryStack();
    stack.clock.set(new Date('2026-11-23T10:00:00Z'));
    const open = (extra: Record<string, string>) =>
      stack.useCases.staff.open({ policyId: 'county-council', at: DateTime.fromISO('2026-11-23T09:00:00Z'), actor: 'staff', name: 'Pat Person', summary: 'The bins were not collected.', channel: 'phone', confidential: false, ...extra });
    await open({ email: 'pat@example.net' });
    await stack.drain();
    const emailed = stack.mailer.sent.find((m) => m.to.includes('pat@example.net') && /received your complaint/.test(m.subject))?.text ?? '';
    expect(emailed).toContain(HEADING);
    expect(emailed).toContain('Reply to this email and we will agree it with you.');
    const { reference } = await open({ address: '14 Mill Lane\nYork YO26 9TR', preferredChannel: 'post' });
    const drafted = (await stack.cases.timeline(reference)).find((e) => e.type === 'letter-drafted');
    expect(JSON.stringify(drafted?.detail)).toContain(HEADING);
  });
});

describe('what is left of what they asked, for the case page and every staff notice (unansweredAsk)', () => {
  const asked = { kinds: ['large-print', 'interpreter'], words: 'Polish, please.', at: '2026-11-23T10:00:00Z', by: 'complainant' };
  const agreed = (kind: string) => ({ kind, reviewOn: '2027-02-01', agreedAt: '2026-11-24T10:00:00Z', agreedBy: 'sam' });
  it('the kinds not yet agreed, with their words; once every kind is answered, nothing', () => {
    expect(unansweredAsk({ adjustmentsAsked: asked })).toEqual({ kinds: ['large-print', 'interpreter'], words: 'Polish, please.' });
    expect(unansweredAsk({ adjustmentsAsked: asked, adjustments: [agreed('large-print')] })).toEqual({ kinds: ['interpreter'], words: 'Polish, please.' });
    expect(unansweredAsk({ adjustmentsAsked: asked, adjustments: [agreed('large-print'), agreed('interpreter')] })).toBeUndefined();
  });
  it('their words alone stay until staff agree anything, then they have been read', () => {
    const wordsOnly = { ...asked, kinds: [] };
    expect(unansweredAsk({ adjustmentsAsked: wordsOnly })).toEqual({ kinds: [], words: 'Polish, please.' });
    expect(unansweredAsk({ adjustmentsAsked: wordsOnly, adjustments: [agreed('interpreter')] })).toBeUndefined();
    expect(unansweredAsk({})).toBeUndefined();
  });
});
