/**
 * Reasonable adjustments and vulnerability (issue 24, part 1): which form a letter takes for every adjustment (one
 * pure rule, letterForm), the actions that agree, review and end them, the letters that follow them (large print is
 * the letter's own form on the print page and the PDF), the call put on the officer's list before a letter goes,
 * the lines every staff notice carries, and who may read why a complainant may be vulnerable. Over the memory fakes.
 */
import { execFileSync } from 'node:child_process';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Adjustment } from '#domain/case/adjustment';
import type { Case } from '#domain/case/case';
import { letterForm } from '#domain/letters/letter-form';
import { printForm } from '#domain/letters/print-form';
import { caseFacts } from '#domain/letters/staff-notices';
import { buildDigest } from '#domain/digest/build-digest';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';
import { pdfFontSizes } from '#tests/support/pdf-font-sizes';
import { letterFontFiles, PdfLetterPrinter } from '#adapters/pdf/pdf-letter-printer';
import { annualFigures } from '#domain/reporting/annual-figures';
import { reportRows } from '#domain/reporting/report-table';

const at = (iso: string) => DateTime.fromISO(iso);
const SENDING = { mailDomain: 'redress.test', operatorEmail: 'ops@redress.test', pageBaseUrl: 'https://complaints.example.org' };
const council = seedPolicies.get('county-council');
const HANDLER = ['county-council:service-manager'];
const CUSTOMER_RELATIONS = ['county-council:customer-relations'];
const pdfText = (pdf: Uint8Array, ...args: string[]) => execFileSync('pdftotext', [...args, '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

/** A complaint by telephone with a proved email address, a telephone number and a postal address: every way is open. */
async function reachableCase(stack: MemoryStack): Promise<Case> {
  const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', email: 'pat@example.net', phone: '01632 960001', address: '14 Mill Lane\nYork YO26 9TR', summary: 'The bins were not collected for three weeks.', channel: 'phone', confidential: false });
  return (await stack.cases.get(reference)) as Case;
}

const agreed = (kind: string, extra: Partial<Adjustment> = {}): Adjustment => ({ kind, reviewOn: '2027-03-01', agreedAt: '2026-11-24T10:00:00Z', agreedBy: 'sam', ...extra });
const base: Pick<Case, 'complainant' | 'flags' | 'adjustments'> = { complainant: { anonymous: false, name: 'Pat', email: 'pat@example.net', phone: '01632 960001', postalAddress: '1 Lane' }, flags: [] };
const formWith = (kinds: readonly string[], c: Partial<typeof base> = {}) => letterForm(council, { ...base, ...c, adjustments: kinds.map((k) => agreed(k)) });

describe('which form a letter takes (letterForm), for every adjustment', () => {
  it('no adjustment: by email where Redress may email them, else for post', () => {
    expect(formWith([])).toMatchObject({ channel: 'email', largePrint: false, callFirst: false });
    expect(formWith([], { complainant: { ...base.complainant, emailConfirmed: false } })).toMatchObject({ channel: 'post', reasons: ['the address cannot be written to'] });
    expect(formWith([], { complainant: { ...base.complainant, preferredChannel: 'post' } })).toMatchObject({ channel: 'post', reasons: ['the complainant asked for letters by post'] });
  });

  it('large print: a letter for post, printed at 16 point, even where an email address is proved', () => {
    expect(formWith(['large-print'])).toEqual({ channel: 'post', largePrint: true, callFirst: false, reasons: ['agreed adjustment: large print'] });
  });

  it('letters by post: a letter for post', () => {
    expect(formWith(['post'])).toMatchObject({ channel: 'post', largePrint: false, callFirst: false, reasons: ['agreed adjustment: letters by post'] });
  });

  it('a telephone call instead of letters: the letter is kept for staff, with a call first', () => {
    expect(formWith(['phone'])).toMatchObject({ channel: 'post', largePrint: false, callFirst: true });
  });

  it('email only: by email, even where they once asked for post; never drafted for post while the address works', () => {
    expect(formWith(['email-only'], { complainant: { ...base.complainant, preferredChannel: 'post' } })).toMatchObject({ channel: 'email', largePrint: false, callFirst: false });
    // The address bounced: the letter is still kept (never lost), and staff are told not to post it.
    const bounced = formWith(['email-only'], { flags: ['complainant-undeliverable'] });
    expect(bounced.channel).toBe('post');
    expect(bounced.reasons.join(' ')).toContain('do not post it');
  });

  it('easy read, an interpreter or BSL, an advocate, more time, something else, and a policy’s own: letters go as before', () => {
    for (const kind of ['easy-read', 'interpreter', 'advocate', 'more-time', 'other']) expect(formWith([kind]), kind).toMatchObject({ channel: 'email', largePrint: false, callFirst: false });
  });

  it('an ended adjustment no longer counts; two together combine (large print and a call first)', () => {
    expect(letterForm(council, { ...base, adjustments: [agreed('large-print', { endedAt: '2026-12-01T10:00:00Z' })] }).channel).toBe('email');
    expect(formWith(['large-print', 'phone'])).toMatchObject({ channel: 'post', largePrint: true, callFirst: true });
  });
});

describe('the form a letter for post prints in (printForm)', () => {
  it('waiting: the adjustments in force now; posted: the form it went in; asked and not agreed: normal size, and said', () => {
    const asked: Pick<Case, 'adjustmentsAsked'> = { adjustmentsAsked: { kinds: ['large-print'], at: '2026-11-23T10:00:00Z', by: 'staff' } };
    expect(printForm({ adjustments: [agreed('large-print')] }, {})).toEqual({ largePrint: true, largePrintAsked: false });
    expect(printForm({ adjustments: [agreed('large-print', { endedAt: '2026-12-01T10:00:00Z' })] }, { largePrint: true })).toEqual({ largePrint: false, largePrintAsked: false });
    expect(printForm({ adjustments: [] }, { largePrint: true, postedOn: '2026-11-25' })).toEqual({ largePrint: true, largePrintAsked: false });
    expect(printForm({ adjustments: [agreed('large-print')] }, { postedOn: '2026-11-25' })).toEqual({ largePrint: false, largePrintAsked: false });
    expect(printForm(asked, {})).toEqual({ largePrint: false, largePrintAsked: true });
    expect(printForm({ ...asked, adjustments: [agreed('large-print')] }, {})).toEqual({ largePrint: true, largePrintAsked: false });
  });
});

describe('agreeing, reviewing and ending an adjustment', () => {
  it('large print agreed: the next letter is a large-print letter for post, on the timeline; the print page and PDF are large without being asked', async () => {
    const console = await consoleOverMemory();
    const c = await reachableCase(console.stack);
    const done = await console.stack.useCases.staff.adjust({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'large-print', reviewOn: '2027-02-24' });
    expect(done.adjustments).toEqual([{ kind: 'large-print', reviewOn: '2027-02-24', agreedAt: '2026-11-24T10:00:00.000Z', agreedBy: 'sam' }]);
    const before = (await console.stack.outbox.ofCase(c.reference)).filter((e) => e.kind === 'letter' && e.letter.toComplainant).length;
    const written = await console.stack.useCases.staff.message({ reference: c.reference, at: at('2026-11-24T11:00:00Z'), actor: 'sam', subject: 'Your bins', text: 'We have spoken to the crew.' });
    expect((await console.stack.outbox.ofCase(c.reference)).filter((e) => e.kind === 'letter' && e.letter.toComplainant).length).toBe(before);
    const timeline = await console.stack.cases.timeline(c.reference);
    expect(timeline.find((e) => e.type === 'adjustment-agreed')?.summary).toBe('Adjustment agreed (LGSCO Complaint Handling Code 5.6): Large print (letters printed at 16 point or more) (review by Wednesday 24 February 2027)');
    const drafted = timeline.find((e) => e.type === 'letter-drafted');
    expect(drafted?.detail).toMatchObject({ largePrint: true, channel: 'post' });
    expect(drafted?.summary).toContain('agreed adjustment: large print');
    expect(written.postLetters?.at(-1)).toMatchObject({ largePrint: true });

    const href = `/console/cases/${c.reference}/letters/${drafted?.id}`;
    const print = await console.page(`${href}/print`, HANDLER);
    expect(print.page).toContain('class="printed-letter printed-letter--large"');
    const pdf = await console.get(`${href}/pdf`, HANDLER);
    expect(pdf.headers.get('content-disposition')).toContain('large-print.pdf');
    expect(pdfText(pdf.body)).toContain('We have spoken to the crew.');
    // Every size the PDF sets its text in (each Tf), read back with pdf-lib: 16 point or more, foot included.
    const sizes = await pdfFontSizes(pdf.body);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    // A letter not in large print is as before: 11 point, its foot 9.
    const plain = await pdfFontSizes(await new PdfLetterPrinter(await letterFontFiles()).pdf({ reference: c.reference, kind: 'message', subject: 'Your bins', from: [], date: '', to: [], body: [{ kind: 'paragraph', text: 'We have spoken to the crew.' }] }));
    expect([...new Set(plain)].sort()).toEqual([11, 9]);
  });

  it('large print asked at intake, agreed later: the letter still waiting prints at 16 point; one already posted keeps the form it went in', async () => {
    const console = await consoleOverMemory();
    const { reference } = await console.stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', phone: '01632 960001', address: '14 Mill Lane\nYork YO26 9TR', summary: 'The bins were not collected for three weeks.', channel: 'phone', confidential: false, preferredChannel: 'post', adjustmentsAsked: { kinds: ['large-print'] } });
    const ack = (await console.stack.cases.get(reference))?.postLetters?.[0];
    expect(ack).toBeDefined();
    expect(ack?.largePrint).toBeUndefined();
    const href = `/console/cases/${reference}/letters/${ack?.id}`;
    // Asked, not agreed: normal size, and the officer is told so beside the waiting letter.
    expect((await console.page(`${href}/print`, HANDLER)).page).not.toContain('class="printed-letter printed-letter--large"');
    expect((await console.page(`/console/cases/${reference}`, HANDLER)).page).toContain('They asked for large print: this letter prints at normal size until large print is agreed.');

    await console.stack.useCases.staff.adjust({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'large-print', reviewOn: '2027-02-24' });
    expect((await console.page(`${href}/print`, HANDLER)).page).toContain('class="printed-letter printed-letter--large"');
    const pdf = await console.get(`${href}/pdf`, HANDLER);
    expect(pdf.headers.get('content-disposition')).toContain('large-print.pdf');
    expect(Math.min(...(await pdfFontSizes(pdf.body)))).toBeGreaterThanOrEqual(16);
    const page = (await console.page(`/console/cases/${reference}`, HANDLER)).page;
    expect(page).toContain('to post, in large print');
    expect(page).not.toContain('prints at normal size until');
    expect((await console.page('/console', HANDLER)).page).toContain('in large print');

    // Posted at 16 point, then large print ended: the posted letter still prints as it went; a later one would not.
    await console.stack.useCases.staff.posted({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'cr', letter: ack?.id as string });
    await console.stack.useCases.staff['end-adjustment']({ reference, at: at('2026-11-26T10:00:00Z'), actor: 'sam', kind: 'large-print', reason: 'No longer needed' });
    expect((await console.page(`${href}/print`, HANDLER)).page).toContain('class="printed-letter printed-letter--large"');
  });

  it('a call first: the letter waits on the officer’s list ("Call Pat Person on 01632 960001 before sending"), on the case page and the morning view', async () => {
    const console = await consoleOverMemory();
    const c = await reachableCase(console.stack);
    await console.stack.useCases.staff.adjust({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'phone' });
    const done = await console.stack.useCases.staff.message({ reference: c.reference, at: at('2026-11-24T11:00:00Z'), actor: 'sam', subject: 'Your bins', text: 'We have spoken to the crew.' });
    expect(done.postLetters?.at(-1)).toMatchObject({ callFirst: true });
    const page = (await console.page(`/console/cases/${c.reference}`, HANDLER)).page;
    expect(page).toContain('Call Pat Person on 01632 960001 before sending:</strong> [');
    const morning = (await console.page('/console', HANDLER)).page;
    expect(morning).toContain('Call Pat Person on <a href="tel:01632960001">01632 960001</a> before sending (a letter waits for the call they asked for instead of letters).');
  });

  it('email only: a complainant who asked for post is written to by email; ending it goes back to post', async () => {
    const stack = memoryStack();
    const c = await reachableCase(stack);
    await stack.useCases.staff.details({ reference: c.reference, at: at('2026-11-24T09:00:00Z'), actor: 'sam', preferredChannel: 'post' });
    await stack.useCases.staff.adjust({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'email-only' });
    await stack.useCases.staff.message({ reference: c.reference, at: at('2026-11-24T11:00:00Z'), actor: 'sam', subject: 'One', text: 'First.' });
    const emailed = () => stack.outbox.ofCase(c.reference).then((es) => es.filter((e) => e.kind === 'letter' && e.letter.toComplainant && e.letter.subject.includes('One')).length);
    expect(await emailed()).toBe(1);
    const ended = await stack.useCases.staff['end-adjustment']({ reference: c.reference, at: at('2026-11-25T10:00:00Z'), actor: 'sam', kind: 'email-only', reason: 'They asked for paper again' });
    expect(ended.adjustments?.[0]).toMatchObject({ kind: 'email-only', endedAt: '2026-11-25T10:00:00.000Z', endReason: 'They asked for paper again' });
    const after = await stack.useCases.staff.message({ reference: c.reference, at: at('2026-11-25T11:00:00Z'), actor: 'sam', subject: 'Two', text: 'Second.' });
    expect(after.postLetters?.at(-1)?.subject).toContain('Two');
    expect((await stack.cases.timeline(c.reference)).find((e) => e.type === 'adjustment-ended')?.summary).toBe('Adjustment ended: Email only (no letters by post) (They asked for paper again)');
  });

  it('agreeing one again is its review (new date, "reviewed and kept"); the policy’s weeks give the date when none is given', async () => {
    const stack = memoryStack();
    const c = await reachableCase(stack);
    const first = await stack.useCases.staff.adjust({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'interpreter', details: 'Polish' });
    expect(first.adjustments?.[0]?.reviewOn).toBe('2027-02-16');
    const again = await stack.useCases.staff.adjust({ reference: c.reference, at: at('2027-02-16T10:00:00Z'), actor: 'sam', kind: 'interpreter', details: 'Polish', reviewOn: '2027-05-16' });
    expect(again.adjustments).toHaveLength(1);
    expect(again.adjustments?.[0]?.reviewOn).toBe('2027-05-16');
    expect((await stack.cases.timeline(c.reference)).filter((e) => e.type === 'adjustment-agreed').map((e) => e.summary.split(':')[0])).toEqual(['Adjustment agreed (LGSCO Complaint Handling Code 5.6)', 'Adjustment reviewed and kept (LGSCO Complaint Handling Code 5.6)']);
  });

  it('refuses a kind the policy does not list, "something else" without words, and a review date not after today or more than a year away', async () => {
    const stack = memoryStack();
    const c = await reachableCase(stack);
    const refused = async (input: { kind: string; details?: string; reviewOn?: string }) => {
      const acted = await stack.useCases.act({ kind: 'command-line', name: 'sam' }, 'adjust', c.reference, input, { at: at('2026-11-24T10:00:00Z') });
      return acted.outcome === 'refused' ? acted.refusal.message : 'not refused';
    };
    expect(await refused({ kind: 'telepathy' })).toContain('"telepathy" is not an adjustment this policy lists: choose one of large-print, post, phone, email-only');
    expect(await refused({ kind: 'other' })).toBe('say what the adjustment is: "something else" needs its words');
    expect(await refused({ kind: 'post', reviewOn: '2026-11-24' })).toContain('the review date must be after today');
    expect(await refused({ kind: 'post', reviewOn: '24/11/2027' })).toContain('is not a date');
    // Never open-ended (a fresh tester set 2100): within a year, the last day allowed included.
    expect(await refused({ kind: 'post', reviewOn: '2100-01-01' })).toBe('the review date must be within a year, by Thursday 25 November 2027: an adjustment is kept under active review, and a review may keep it for longer');
    expect(await refused({ kind: 'post', reviewOn: '2027-11-25' })).toBe('not refused');
  });
});

describe('what staff see', () => {
  it('the digest lists adjustments whose review comes this week, overdue ones marked; not those further off', async () => {
    const stack = memoryStack();
    const c = await reachableCase(stack);
    await stack.useCases.staff.adjust({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'large-print', reviewOn: '2026-11-30' });
    await stack.useCases.staff.adjust({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'more-time', reviewOn: '2027-06-30' });
    const digest = async (day: string) => {
      const cases = await stack.cases.due('county-council', DateTime.fromISO(day).plus({ days: 7 }).toISODate() as string, '9999');
      return buildDigest(council, cases, DateTime.fromISO(`${day}T08:00:00Z`))?.sections.find((s) => s.heading === 'Adjustments due for review')?.lines.map((l) => l.text);
    };
    expect(await digest('2026-12-02')).toEqual([`${c.reference}: review the adjustment "Large print (letters printed at 16 point or more)" by Monday 30 November 2026 (overdue): agree it again with a new review date, or end it`]);
    expect(await digest('2026-11-25')).toEqual([`${c.reference}: review the adjustment "Large print (letters printed at 16 point or more)" by Monday 30 November 2026: agree it again with a new review date, or end it`]);
    // The CLI's digest reads the open cases whole, not the projection: the same line.
    const whole = buildDigest(council, await stack.cases.open('county-council'), DateTime.fromISO('2026-11-25T08:00:00Z'));
    expect(whole?.sections.find((s) => s.heading === 'Adjustments due for review')?.lines.map((l) => l.text)).toEqual(await digest('2026-11-25'));
  });

  it('every staff notice about the case carries the adjustments in force and what they asked for that is not yet agreed', async () => {
    const stack = memoryStack();
    const c = await reachableCase(stack);
    const adjusted = await stack.useCases.staff.adjust({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'advocate', details: 'Jo from Age UK', reviewOn: '2027-01-07' });
    const asked: Case = { ...adjusted, adjustmentsAsked: { kinds: ['advocate', 'easy-read'], words: 'Please <b>ring</b> after 2pm', at: '2026-11-23T10:00:00Z', by: 'complainant' } };
    const facts = caseFacts(council, asked, SENDING);
    expect(facts).toContain('Adjustment: An advocate, or someone to support them: Jo from Age UK (review by Thursday 7 January 2027)');
    expect(facts.find((l) => l.startsWith('They asked us'))).toBe(`They asked us to do things differently: Easy read; in their words: Please <b>ring</b> after 2pm. Agree each one in the console (Reasonable adjustment) or with: redress case adjust ${c.reference} KIND --review DATE`);
  });

  it('why a complainant may be vulnerable is on top of the case page for the handler and above, never for a team below, never on the timeline', async () => {
    const console = await consoleOverMemory();
    const c = await reachableCase(console.stack);
    await console.stack.useCases.staff.vulnerability({ reference: c.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', reason: 'Recently bereaved; <script>alert(1)</script>' });
    const handler = (await console.page(`/console/cases/${c.reference}`, HANDLER)).page;
    expect(handler).toContain('The complainant may be vulnerable.</strong> Recently bereaved; &lt;script&gt;');
    expect(handler.indexOf('may be vulnerable')).toBeLessThan(handler.indexOf('<h2>Deadlines</h2>'));
    const director = (await console.page(`/console/cases/${c.reference}`, ['county-council:director'])).page;
    expect(director).toContain('Recently bereaved');
    const below = (await console.page(`/console/cases/${c.reference}`, CUSTOMER_RELATIONS)).page;
    expect(below).not.toContain('Recently bereaved');
    expect(below).not.toContain('may be vulnerable.</strong>');
    const timeline = await console.stack.cases.timeline(c.reference);
    expect(JSON.stringify(timeline)).not.toContain('bereaved');
    // The team below cannot note one either: it is refused with who can.
    const acted = await console.stack.useCases.act({ kind: 'signed-in', member: { id: 'cr', name: 'CR', email: 'cr@county-council.example', memberships: [{ policyId: 'county-council', role: 'customer-relations' }], operator: false } }, 'vulnerability', c.reference, { reason: 'x' }, { at: at('2026-11-24T11:00:00Z') }).catch((e: Error) => e);
    expect(acted instanceof Error ? acted.message : 'allowed').toContain('or someone above them can note or read why the complainant may be vulnerable');
  });
});

describe('the annual report', () => {
  it('counts the cases with an adjustment in force in the year, once each, and each adjustment; never its words', async () => {
    const stack = memoryStack();
    const [one, two, three] = [await reachableCase(stack), await reachableCase(stack), await reachableCase(stack)];
    await stack.useCases.staff.adjust({ reference: one.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'large-print' });
    await stack.useCases.staff.adjust({ reference: one.reference, at: at('2026-11-24T10:05:00Z'), actor: 'sam', kind: 'interpreter', details: 'Polish' });
    await stack.useCases.staff.adjust({ reference: two.reference, at: at('2026-11-24T10:00:00Z'), actor: 'sam', kind: 'large-print' });
    await stack.useCases.staff['end-adjustment']({ reference: two.reference, at: at('2026-11-25T10:00:00Z'), actor: 'sam', kind: 'large-print', reason: 'No longer needed' });
    void three;
    const records = await stack.reportRecords.ofYear('county-council', 2026);
    expect(JSON.stringify(records)).not.toContain('Polish');
    const figures = annualFigures(council, records, 2026, '2026-12-31');
    // The second case's ended adjustment was still in force in 2026: it counts.
    expect(figures.adjustments).toEqual({ cases: 2, byKind: [{ kind: 'large-print', count: 2 }, { kind: 'interpreter', count: 1 }] });
    const rows = reportRows(council, figures, undefined).filter((r) => r.section === 'Reasonable adjustments').map((r) => [r.item, r.value]);
    expect(rows).toEqual([
      ['Cases with a reasonable adjustment in force in the year', 2],
      ['Large print (letters printed at 16 point or more)', 2],
      ['An interpreter or British Sign Language (BSL)', 1],
    ]);
    // In 2027 only the first case's are still in force: the second's ended in 2026.
    expect(annualFigures(council, records, 2027, '2027-12-31').adjustments).toEqual({ cases: 1, byKind: [{ kind: 'large-print', count: 1 }, { kind: 'interpreter', count: 1 }] });
  });
});
