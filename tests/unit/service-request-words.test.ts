/**
 * A service request never reads as a complaint (issue 24, found by a fresh tester): the record form taking one down
 * asks in a request's words, the timeline says a request was received, the handler's notice says "New service
 * request", and the case page heads what they said "The request". Complaints keep their words. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '#domain/access/staff-member';
import { consoleOverMemory } from '#tests/support/console-over-memory';

const CR: StaffMember = { id: 'cr', name: 'cr@county-council.example', email: 'cr@county-council.example', memberships: [{ policyId: 'county-council', role: 'customer-relations' }], operator: false };
const GROUPS = ['county-council:customer-relations'];
const text = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function recorded(serviceRequest: boolean, words = 'A pothole outside 14 Mill Lane needs filling.') {
  const console_ = await consoleOverMemory();
  const { stack } = console_;
  const opened = await stack.useCases.record(
    CR,
    { policyId: 'county-council', receivedAt: DateTime.fromISO('2026-11-23T09:30:00Z'), channel: 'phone', name: 'Pat Phone', phone: '01632 960000', preferredChannel: 'phone', subject: 'Pothole', summary: words, confidential: false, ...(serviceRequest ? { serviceRequest: true } : {}) },
    DateTime.fromJSDate(stack.clock.now()),
  );
  await stack.drain();
  return { console_, stack, reference: opened.reference };
}

describe('a service request in staff’s words', () => {
  it('the record form takes one down in a request’s words, and a complaint in a complaint’s', async () => {
    const console_ = await consoleOverMemory();
    const request = text((await console_.page('/console/record/county-council?kind=service-request', GROUPS)).page);
    expect(request).toContain('Record a service request');
    expect(request).toContain('How the request was made');
    expect(request).toContain('What they asked us to do, in their words as far as you can');
    expect(request).not.toMatch(/How the complaint was made|The complaint, in their words|The complainant/);
    expect(request).toContain('Not a service request: record a complaint instead');
    const complaint = text((await console_.page('/console/record/county-council', GROUPS)).page);
    expect(complaint).toContain('How the complaint was made');
    expect(complaint).toContain('The complaint, in their words as far as you can');
    expect(complaint).toContain('Not a complaint: record a service request instead');
  });

  it('the timeline, the handler’s notice and the case page say request', async () => {
    const { console_, stack, reference } = await recorded(true);
    const received = (await stack.cases.timeline(reference)).find((e) => e.type === 'received');
    expect(received?.summary).toBe('Service request received by phone, recorded by cr@county-council.example');
    const subjects = stack.mailer.sent.map((m) => m.subject);
    expect(subjects).toContain(`[${reference}] New service request: Pothole`);
    expect(subjects.some((s) => s.includes('New complaint'))).toBe(false);
    // The notice names the person, not a complainant, and sets out no complaint deadlines (a fresh tester found
    // "Acknowledge by", "Respond by" and a "Complainant" heading in it while the case page said there were none).
    const notice = stack.mailer.sent.find((m) => m.subject === `[${reference}] New service request: Pothole`)?.text ?? '';
    expect(notice).toContain('The person');
    expect(notice).not.toMatch(/Complainant|Acknowledge by|Respond by|Respond at the latest/);
    const page = (await console_.page(`/console/cases/${reference}`, GROUPS)).page;
    expect(page).toContain('<h2>The request</h2>');
    expect(page).not.toContain('<h2>The complaint</h2>');
  });

  it('a complaint keeps a complaint’s words', async () => {
    const { console_, stack, reference } = await recorded(false);
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'received')?.summary).toBe('Complaint received by phone, recorded by cr@county-council.example');
    expect(stack.mailer.sent.map((m) => m.subject)).toContain(`[${reference}] New complaint: Pothole`);
    expect((await console_.page(`/console/cases/${reference}`, GROUPS)).page).toContain('<h2>The complaint</h2>');
  });

  it('takes down words with a direction override or a control character in them, as a complaint does', async () => {
    // A fresh tester: the request was refused with "the service-request letter is missing what was asked", for the
    // letter printed the words without the characters that disguise text and the check looked for them with.
    const { stack, reference } = await recorded(true, 'Please fix the \u202Elight\u202C outside\u0007 number 14.');
    expect((await stack.cases.get(reference))?.serviceRequest).toBeDefined();
    const drafted = (await stack.cases.timeline(reference)).filter((e) => e.type === 'letter-drafted' && e.detail?.subject === `[${reference}] We have recorded your request`);
    expect(drafted).toHaveLength(1);
    expect(String(drafted[0]?.detail?.text)).toContain('Please fix the light outside number 14.');
  });
});
