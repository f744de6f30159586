/** LGSCO 9.4: each week, the categories, teams and places with far more complaints in the last 30 days than usual. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findThemes } from '#domain/oversight/find-themes';
import { themesLetter } from '#domain/oversight/themes-letter';
import { judgeCount, usualInWords } from '#domain/oversight/theme-judgement';
import { THEME_DEFAULTS } from '#domain/policy/oversight-schema';
import { seedPolicies } from '#tests/support/policies';
import { email, memoryStack } from '#tests/support/memory-stack';
import { recordsByWindow, storeRecords } from '#tests/support/oversight-records';
import { reportRecordOf } from '#domain/reporting/report-record';
import { themesNotices } from '#application/oversight/send-themes';

const council = seedPolicies.get('county-council');
const rule = THEME_DEFAULTS;
// Twelve earlier 30-day windows of an ordinary year for one category: 2 to 7, about 4.
const USUAL = [4, 3, 5, 2, 6, 4, 3, 7, 4, 5, 3, 4];

describe('judging a count against its usual', () => {
  it('raises a spike: 14 where there are usually 4 (between 2 and 7)', () => {
    const j = judgeCount(14, USUAL, rule);
    expect(j.raised).toBe(true);
    expect(usualInWords(j.usual)).toBe('usually 4 (between 2 and 7)');
    // Mean 4.17, standard deviation 1.40 but sqrt(mean) 2.04 is larger: 4.17 + 2 x 2.04 = 8.25.
    expect(j.above).toBe(8);
  });

  it('does not raise the ordinary ups and downs: 8, the top of the usual spread, and 7, the highest seen', () => {
    expect(judgeCount(8, USUAL, rule).raised).toBe(false);
    expect(judgeCount(7, USUAL, rule).raised).toBe(false);
    expect(judgeCount(9, USUAL, rule).raised).toBe(true);
  });

  it('keeps small numbers quiet: 4 where there is usually none is under the minimum of 5; 5 is raised', () => {
    const never = new Array<number>(12).fill(0);
    expect(judgeCount(4, never, rule)).toMatchObject({ raised: false, above: 4 });
    expect(judgeCount(5, never, rule).raised).toBe(true);
    expect(usualInWords(judgeCount(5, never, rule).usual)).toBe('usually none');
  });

  it('does not take a steady year for no variation: 4 every month makes 7 chance (the Poisson floor), 9 a theme', () => {
    const steady = new Array<number>(12).fill(4);
    expect(judgeCount(7, steady, rule).raised).toBe(false);
    expect(judgeCount(9, steady, rule).raised).toBe(true);
    expect(usualInWords(judgeCount(9, steady, rule).usual)).toBe('usually 4');
  });

  it('follows the policy: three standard deviations and a minimum of 10 raise less', () => {
    expect(judgeCount(9, USUAL, { deviations: 3, minimumCount: 10 }).raised).toBe(false);
    expect(judgeCount(12, USUAL, { deviations: 3, minimumCount: 10 }).raised).toBe(true);
  });
});

describe('finding themes in the reporting index', () => {
  const today = '2026-12-07';

  it('names the category, team and place that rose, with the cases behind it, and leaves the rest', () => {
    const records = [
      ...recordsByWindow(today, [14, ...USUAL], { category: 'roads', handlerRole: 'service-manager', place: 'high street' }),
      ...recordsByWindow(today, [5, ...USUAL], { category: 'waste', handlerRole: 'independent-officer' }),
    ];
    const check = findThemes(council, records, today, rule);
    expect(check).toMatchObject({ from: '2026-11-08', to: '2026-12-07', windows: 12 });
    expect(check?.themes.map((t) => [t.dimension, t.name, t.judgement.count, t.references.length])).toEqual([
      // "Roads" and "high street" are 14 over about 4; the manager's team 14 over about 4 too, since the waste
      // cases go to another team; waste's 5 is within its usual.
      ['category', 'Roads, pavements and parking', 14, 14],
      ['team', 'The manager responsible for the service complained about', 14, 14],
      ['place', 'high street', 14, 14],
    ]);
    // One thing is said as one thing.
    const one = check ? themesLetter(council, { ...check, themes: check.themes.slice(0, 1) }, rule, (r) => r).text : '';
    expect(one).toContain('One thing has had far more complaints than usual in the last 30 days (8 November to 7 December 2026) at the County Council:');
    expect(one).toContain('Please read the cases behind it and decide whether there is a wider problem to put right.');
    const roads = check?.themes[0];
    expect(roads?.references).toEqual(records.filter((r) => r.category === 'roads' && r.receivedAt >= '2026-11-08').map((r) => r.reference).sort());
  });

  it('counts nothing before the organisation had cases as a quiet month: with under three earlier windows, no judgement', () => {
    expect(findThemes(council, recordsByWindow(today, [14, 4, 4]), today, rule)).toBeUndefined();
    const short = findThemes(council, recordsByWindow(today, [14, 4, 4, 4]), today, rule);
    expect(short?.windows).toBe(3);
  });

  it('leaves out cases sent elsewhere as not for this procedure, and counts a case in two years once', () => {
    const redirected = recordsByWindow(today, [14, ...USUAL], { category: 'roads', closure: 'redirected' });
    const waste = recordsByWindow(today, [4, ...USUAL], { category: 'waste' });
    expect(findThemes(council, [...redirected, ...waste], today, rule)?.themes).toEqual([]);
    const once = recordsByWindow(today, [14, ...USUAL], { category: 'roads' });
    expect(findThemes(council, [...once, ...once], today, rule)?.themes.find((t) => t.dimension === 'category')?.judgement.count).toBe(14);
  });

  it('counts no service request until the person complains about it (a fresh tester saw 12 counted where 6 were complaints)', () => {
    const usual = recordsByWindow(today, [0, ...USUAL], { category: 'roads' });
    const requests = recordsByWindow(today, [14], { category: 'roads', serviceRequest: { recordedAt: `${today}T09:00:00.000Z` } }).map((r, i) => ({ ...r, reference: `SR-${i}` }));
    expect(findThemes(council, [...usual, ...requests], today, rule)?.themes).toEqual([]);
    const complained = requests.map((r) => ({ ...r, serviceRequest: { recordedAt: `${today}T09:00:00.000Z`, becameComplaintAt: `${today}T10:00:00.000Z` } }));
    expect(findThemes(council, [...usual, ...complained], today, rule)?.themes.find((t) => t.dimension === 'category')?.judgement.count).toBe(14);
  });
});

describe('the weekly notice', () => {
  // Monday 7 December 2026; Tuesday 8 December.
  const monday = DateTime.fromISO('2026-12-07T08:00:00Z');

  it("goes on the week's first working day to the roles the report is for, once, as a person would want to read it", async () => {
    const stack = memoryStack();
    stack.clock.set('2026-12-07T08:00:00Z');
    storeRecords(stack.tables, recordsByWindow('2026-12-07', [14, ...USUAL], { category: 'roads', handlerRole: 'service-manager' }));
    expect(await stack.useCases.sendThemes('county-council', monday.plus({ days: 1 }))).toBe('not-this-morning');
    expect(await stack.useCases.sendThemes('county-council', monday)).toBe('sent');
    expect(await stack.useCases.sendThemes('county-council', monday.plus({ hours: 2 }))).toBe('already-sent');
    // Alumot has no history at all.
    expect(await stack.useCases.sendThemes('alumot', monday)).toBe('not-enough-history');
    await stack.drain();
    const notices = stack.mailer.sent.filter((m) => m.subject.startsWith('Complaints well above usual'));
    expect(notices.map((m) => [m.subject, [...m.to].sort()])).toEqual([
      ['Complaints well above usual in the last 30 days: County Council', ['chief-executive.notices@county-council.example', 'customer-relations.notices@county-council.example']],
    ]);
    const text = notices[0]?.text ?? '';
    mkdirSync('tests/artefacts/letters', { recursive: true });
    writeFileSync('tests/artefacts/letters/county-council-themes.txt', `Subject: ${notices[0]?.subject}\n\n${text}`);
    expect(text).toContain('Two things have had far more complaints than usual in the last 30 days (8 November to 7 December 2026) at the County Council:');
    expect(text).toContain('- Roads, pavements and parking (category): 14 in the last 30 days; usually 4 (between 2 and 7).');
    expect(text).toContain('- The manager responsible for the service complained about (the team handling them): 14 in the last 30 days; usually 4 (between 2 and 7).');
    expect(text).toContain('Roads, pavements and parking (category)\n---------------------------------------\n\n14 in the last 30 days; usually 4 (between 2 and 7). It would not have been listed at 8 or fewer.\n');
    expect(text).toMatch(/The 14 cases behind it:\nCCC-2026-\d{4}: http:\/\/localhost:3000\/console\/cases\/CCC-2026-\d{4}\n/);
    expect(text).toContain('A count is listed when it is at least 5 and higher than the average of those periods plus twice their usual variation');
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  it('is looked at on any day (`redress themes`): the same notice, with whom it goes to, and nothing queued', async () => {
    const stack = memoryStack();
    storeRecords(stack.tables, recordsByWindow('2026-12-08', [14, ...USUAL], { category: 'roads' }));
    const sending = { mailDomain: 'redress.localhost', operatorEmail: 'operator@redress.localhost', pageBaseUrl: 'http://localhost:3000' };
    const { enoughHistory, notices } = await themesNotices({ reportRecords: stack.reportRecords, sending }, council, '2026-12-08');
    expect(enoughHistory).toBe(true);
    expect(notices.map((n) => [[...n.recipients].sort(), n.letter.subject])).toEqual([[['chief-executive.notices@county-council.example', 'customer-relations.notices@county-council.example'], 'Complaints well above usual in the last 30 days: County Council']]);
    expect(notices[0]?.letter.text).toContain('- Roads, pavements and parking (category): 14 in the last 30 days; usually 4 (between 2 and 7).');
    expect(await themesNotices({ reportRecords: stack.reportRecords, sending }, seedPolicies.get('alumot'), '2026-12-08')).toEqual({ enoughHistory: false, notices: [] });
    await stack.drain();
    expect(stack.mailer.sent).toEqual([]);
  });

  it('says nothing when nothing is well above usual', async () => {
    const stack = memoryStack();
    storeRecords(stack.tables, recordsByWindow('2026-12-07', [6, ...USUAL], { category: 'roads' }));
    expect(await stack.useCases.sendThemes('county-council', monday)).toBe('nothing-to-say');
  });

  it('goes on Tuesday when Monday is a bank holiday (the spring bank holiday, 25 May 2026)', async () => {
    const stack = memoryStack();
    storeRecords(stack.tables, recordsByWindow('2026-05-26', [14, ...USUAL], { category: 'roads' }));
    expect(await stack.useCases.sendThemes('county-council', DateTime.fromISO('2026-05-25T08:00:00Z'))).toBe('not-a-working-day');
    expect(await stack.useCases.sendThemes('county-council', DateTime.fromISO('2026-05-26T08:00:00Z'))).toBe('sent');
  });

  it('never tells someone of complaints about themselves, even as a count', async () => {
    const stack = memoryStack();
    storeRecords(stack.tables, recordsByWindow('2026-12-07', [14, ...USUAL], { category: 'roads', aboutRole: 'chief-executive', handlerRole: 'director' }));
    expect(await stack.useCases.sendThemes('county-council', monday)).toBe('sent');
    await stack.drain();
    const notices = stack.mailer.sent.filter((m) => m.subject.startsWith('Complaints well above usual'));
    expect(notices.map((m) => m.to)).toEqual([['customer-relations.notices@county-council.example']]);
  });

  it('keeps the team and the place on the record written with the case: the place as one key, never for a confidential case or after destruction', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-12-01T09:00:00Z');
    const [opened] = await stack.deliver(email(['From: Pat <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Potholes'], 'The road is broken.'));
    const reference = opened?.kind === 'case-opened' ? opened.reference : '';
    const stored = [...(stack.tables.reportRecords.get('county-council#2026')?.values() ?? [])].find((r) => r.reference === reference);
    expect(stored).toMatchObject({ handlerRole: 'service-manager' });
    expect(stored?.place).toBeUndefined();
    const c = await stack.cases.get(reference);
    if (!c) throw new Error('no case');
    const at = { ...c, incident: { place: '  Library, High St.\u202e ' } };
    expect(reportRecordOf(at).place).toBe('library high st');
    expect(reportRecordOf({ ...at, confidential: true }).place).toBeUndefined();
    expect(reportRecordOf({ ...at, destroyedAt: '2032-12-01T00:00:00Z' }).place).toBeUndefined();
    expect(reportRecordOf({ ...at, incident: { place: 'x'.repeat(61) } }).place).toBeUndefined();
  });
});
