/**
 * Feedback after closure (issue 24; the LGSCO code's introduction): the complainant's page asks three short
 * questions once the case is closed, takes fixed answers only, once per case; the annual report counts them with
 * no name or reference; staff reading the case (the person complained about among them) never see the answers.
 * Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { complainantPageOver } from '#tests/support/complainant-page-over';
import { consoleApp } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryReportRecords } from '#adapters/memory/memory-report-records';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import { feedbackAnswersOf } from '#domain/case/actions/give-feedback';
import { FEEDBACK_QUESTIONS } from '#domain/case/case-feedback';
import { annualFigures } from '#domain/reporting/annual-figures';
import { reportRows } from '#domain/reporting/report-table';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const COUNCIL = 'complaints@county-council.example';
const council = seedPolicies.get('county-council');
const at = (iso: string) => DateTime.fromISO(iso);

type Opened = { reference: string; token: string };

async function complaint(stack: MemoryStack, from: string, id: string): Promise<Opened> {
  const [o] = await stack.deliver(email([`From: Pat Person <${from}>`, `To: ${COUNCIL}`, 'Subject: The bins', `Message-ID: <${id}@example.net>`], 'The bins were missed for the third week running.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  const token = (await stack.cases.get(o.reference))?.page?.token;
  if (!token) throw new Error('no page');
  return { reference: o.reference, token };
}

const close = (stack: MemoryStack, reference: string, when = '2027-02-01T10:00:00Z') => stack.useCases.staff.close({ category: 'other', reference, at: at(when), actor: 'manager' });

const pageApp = (stack: MemoryStack) => complainantPageOver(stack, '2027-02-02T10:00:00Z');

const post = (app: ReturnType<typeof pageApp>, token: string, body: Record<string, string>) => app.request(`/cases/${token}/feedback`, { method: 'POST', body: new URLSearchParams(body) });

describe('the feedback questions on the complainant’s page', () => {
  it('are not asked while the case is open, and a posted answer is refused', async () => {
    const stack = memoryStack();
    const { reference, token } = await complaint(stack, 'pat@example.net', 'p1');
    expect((await stack.useCases.complainant.view(token)).feedback).toBeUndefined();
    const app = pageApp(stack);
    expect(await (await app.request(`/cases/${token}`)).text()).not.toContain('How did we handle your complaint?');
    const refused = await post(app, token, { clear: 'yes' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('We ask these questions once your complaint is closed.');
    expect((await stack.cases.get(reference))?.feedback).toBeUndefined();
  });

  it('after closure: asked once, fixed answers only, then thanks; a second answer is refused and changes nothing', async () => {
    const stack = memoryStack();
    const { reference, token } = await complaint(stack, 'pat@example.net', 'p1');
    await close(stack, reference);
    const app = pageApp(stack);
    const page = await (await app.request(`/cases/${token}`)).text();
    expect(page).toContain('<h2 id="feedback">How did we handle your complaint?</h2>');
    for (const q of Object.values(FEEDBACK_QUESTIONS)) expect(page).toContain(`<legend>${q.question}</legend>`);
    expect(page).toContain('not shown to anyone your complaint was about');

    const sent = await post(app, token, { clear: 'partly', fair: 'no', time: '<script>alert(1)</script>', name: 'Pat Person', extra: 'x'.repeat(500) });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/cases/${token}?sent=feedback`);
    const c = await stack.cases.get(reference);
    // Only the fixed answers are kept: the made-up value and the fields the form has not are left out.
    expect(c?.feedback).toEqual({ at: '2027-02-02T10:00:00.000Z', answers: { clear: 'partly', fair: 'no' } });
    const thanked = await (await app.request(`/cases/${token}?sent=feedback`)).text();
    expect(thanked).toContain('Thank you. We have your answers.');
    expect(thanked).toContain('Thank you for telling us how we handled your complaint.');
    expect(thanked).not.toContain('<legend>');

    const again = await post(app, token, { clear: 'yes', fair: 'yes', time: 'about-right' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('you have already answered these questions for this complaint');
    expect((await stack.cases.get(reference))?.feedback).toEqual(c?.feedback);
    // The timeline says it was given, never what was said.
    const given = (await stack.cases.timeline(reference)).filter((e) => e.type === 'feedback-given');
    expect(given).toHaveLength(1);
    expect(JSON.stringify(given)).not.toMatch(/partly|"no"/);
  });

  it('refuses a form with no answer chosen', async () => {
    const stack = memoryStack();
    const { reference, token } = await complaint(stack, 'pat@example.net', 'p1');
    await close(stack, reference);
    const refused = await post(pageApp(stack), token, { clear: 'maybe' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Choose an answer to at least one question, then send them.');
    expect((await stack.cases.get(reference))?.feedback).toBeUndefined();
  });

  it('keeps only answers the questions offer', () => {
    expect(feedbackAnswersOf({ clear: 'yes', fair: ['yes', 'no'], time: 'too-long', toString: 'yes', __proto__: 'yes' })).toEqual({ clear: 'yes', time: 'too-long' });
    expect(feedbackAnswersOf({ clear: 'constructor', time: 'hasOwnProperty' })).toEqual({});
  });
});

describe('what is done with the answers', () => {
  it('the annual report counts them by the year given, with no name or reference; what they chose only once five have answered', async () => {
    const stack = memoryStack();
    const people = ['pat', 'sam', 'lee', 'kim', 'ash', 'joy'];
    const cases: Opened[] = [];
    for (const p of people) cases.push(await complaint(stack, `${p}@example.net`, `${p}1`));
    for (const x of cases) await close(stack, x.reference);
    const [a, b, c, d, e] = cases as [Opened, Opened, Opened, Opened, Opened, Opened];
    await stack.useCases.complainant.sendFeedback({ token: a.token, at: at('2027-02-02T10:00:00Z'), posted: { clear: 'yes', fair: 'yes', time: 'about-right' } });
    await stack.useCases.complainant.sendFeedback({ token: b.token, at: at('2027-02-03T10:00:00Z'), posted: { clear: 'no', time: 'much-too-long' } });
    const records = new MemoryReportRecords(stack.tables);
    const section = 'What complainants told us about how we handled their complaints';
    // Two answers: how many answered, but not what they chose (the timeline says when each answered).
    const few = annualFigures(council, await records.ofYear('county-council', 2027), 2027, '2027-12-31');
    expect(few.feedback).toEqual({ answered: 2 });
    const fewRows = reportRows(council, few, undefined).filter((r) => r.section === section);
    expect(fewRows.map((r) => [r.item, r.value])).toEqual([
      ['Answered the questions after their complaint closed', 2],
      ['What they answered: shown once 5 or more have answered in a year', null],
    ]);
    for (const [x, day] of [[c, '04'], [d, '05'], [e, '06']] as const) await stack.useCases.complainant.sendFeedback({ token: x.token, at: at(`2027-02-${day}T10:00:00Z`), posted: { clear: 'yes', fair: 'partly', time: 'too-long' } });
    const figures = annualFigures(council, await records.ofYear('county-council', 2027), 2027, '2027-12-31');
    expect(figures.feedback).toEqual({
      answered: 5,
      answers: { clear: { yes: 4, partly: 0, no: 1 }, fair: { yes: 1, partly: 3, no: 0 }, time: { 'about-right': 1, 'too-long': 3, 'much-too-long': 1 } },
    });
    const rows = reportRows(council, figures, undefined).filter((r) => r.section === section);
    expect(rows.map((r) => [r.item, r.value])).toContainEqual(['Answered the questions after their complaint closed', 5]);
    expect(rows.map((r) => [r.item, r.value])).toContainEqual(['How did the time it took feel to you? Much too long', 1]);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${a.reference}|${b.reference}|pat@|sam@`));
    // For publication every small count is words, as for every other count.
    const published = reportRows(council, figures, undefined, { threshold: 10 }).find((r) => r.item === 'Answered the questions after their complaint closed');
    expect(published?.value).toBe('fewer than 10');
  });

  it('the console’s case page never shows the answers', async () => {
    const stack = memoryStack();
    const { reference, token } = await complaint(stack, 'pat@example.net', 'p1');
    await close(stack, reference);
    await stack.useCases.complainant.sendFeedback({ token, at: at('2027-02-02T10:00:00Z'), posted: { clear: 'partly', fair: 'no', time: 'much-too-long' } });
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: 'http://localhost:4100', REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' });
    const staffSessions = new MemoryStaffSessions();
    const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: 'a-test-session-secret-0123456789' }));
    const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
    await staffSessions.open('sid-1', 'u-1', expiresAt);
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Sam Manager', email: 'sam@council.test', groups: ['county-council:service-manager', 'county-council:customer-relations'], csrf: 'the-csrf' }, 'a-test-session-secret-0123456789', expiresAt)}`;
    const page = await (await app.request(`/console/cases/${reference}`, { headers: { cookie } })).text();
    expect(page).toContain(reference);
    expect(page).toContain('answered the questions about how their complaint was handled');
    for (const q of Object.values(FEEDBACK_QUESTIONS)) expect(page).not.toContain(q.question);
    expect(page).not.toMatch(/much-too-long|Much too long/);
  });
});
