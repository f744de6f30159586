/**
 * The annual report as staff open it (issue 21, item 9): on the current year, charts whose axes count in whole
 * numbers, and a self-assessment that answers only what the year and the policy show: no "Yes" on 0 of 0, and a
 * claim about final letters made from the letter Redress really sends for that policy.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { boardReport } from '#application/console/board-report';
import { monitoringExportFor } from '#application/console/monitoring-export-for';
import { reportCharts } from '#adapters/charts/report-charts';
import { consoleReportsApp } from '#adapters/http/console-reports-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { annualFigures } from '#domain/reporting/annual-figures';
import type { Policy } from '#domain/policy/policy-schema';
import { selfAssessment } from '#domain/reporting/self-assessment';
import { memoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { settingsFrom } from '#composition/settings';
import { loadConfig } from '#config/config';

const SECRET = 'a-test-session-secret-0123456789';
const council = seedPolicies.get('county-council');
const emptyYear = (policy: Policy, year: number) => annualFigures(policy, [], year, `${year}-12-31`);

describe('the annual report in the console', () => {
  it('opens on the current year, not the one before', async () => {
    const stack = memoryStack();
    const asked: number[] = [];
    const now = () => new Date('2026-11-23T10:00:00Z');
    const sessions = new MemoryStaffSessions();
    await sessions.open('sid-1', 'u-1', now().getTime() + 60_000);
    const app = consoleReportsApp({
      sessionSecret: SECRET,
      sessions,
      signOutOrigin: 'http://localhost:3001',
      publicUrl: 'http://localhost:3000',
      now,
      publishThreshold: 5,
      report: async (_member, policyId, year) => {
        asked.push(year);
        return stack.useCases.annualReport(policyId, year);
      },
      monitoring: async () => [],
    });
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Chris Chief', groups: ['county-council:chief-executive'], csrf: 'x' }, SECRET, now().getTime() + 60_000)}`;
    const page = await app.request('/console/reports/county-council', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(asked).toEqual([2026]);
    expect(await page.text()).toContain('<h1>Complaints in 2026: County Council</h1>');
  });
});

describe('a report the signed-in person may not see', () => {
  const now = () => new Date('2026-11-23T10:00:00Z');
  async function asMember(groups: string[]) {
    const stack = memoryStack();
    const sessions = new MemoryStaffSessions();
    await sessions.open('sid-1', 'u-1', now().getTime() + 60_000);
    const app = consoleReportsApp({
      sessionSecret: SECRET,
      sessions,
      signOutOrigin: 'http://localhost:3001',
      publicUrl: 'http://localhost:3000',
      now,
      publishThreshold: 5,
      report: (member, policyId, year) => boardReport(stack, member, policyId, year),
      monitoring: (member, policyId, year) => monitoringExportFor({ ...stack, ...settingsFrom(loadConfig({ REDRESS_STACK: 'local' })) }, member, policyId, year, DateTime.fromJSDate(now())),
    });
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Someone', groups, csrf: 'x' }, SECRET, now().getTime() + 60_000)}`;
    return async (path: string) => {
      const page = await app.request(path, { headers: { cookie } });
      return { status: page.status, text: await page.text() };
    };
  }

  it("says so in words for a report, never \"No such case\": refused to a member it is not for, not found otherwise", async () => {
    const ceo = await asMember(['alumot:ceo']);
    for (const path of ['/console/reports/alumot', '/console/reports/alumot/monitoring?year=2026']) {
      const refused = await ceo(path);
      expect(refused.status, path).toBe(403);
      expect(refused.text).toContain('You cannot see this organisation&#39;s report');
      expect(refused.text).toContain('Board of Trustees');
      expect(refused.text).not.toContain('No such case');
    }
    for (const path of ['/console/reports/nowhere', '/console/reports/alumot/monitoring?year=1999']) {
      const missing = await ceo(path);
      expect(missing.status, path).toBe(404);
      expect(missing.text).toContain('No such report');
      expect(missing.text).not.toContain('No such case');
    }
    // Someone outside the organisation is not told it has a report they may not see.
    const outsider = await (await asMember(['county-council:chief-executive']))('/console/reports/alumot');
    expect(outsider.status).toBe(404);
    expect(outsider.text).toContain('No such report');
    const board = await (await asMember(['alumot:board']))('/console/reports/alumot');
    expect(board.status).toBe(200);
  });
});

describe("the report's charts", () => {
  it('count in whole numbers: no axis repeats a rounded tick', () => {
    for (const counts of [[1], [2, 1], [3], [7, 2], [12, 5], [230, 41]]) {
      const figures = { ...emptyYear(council, 2026), byCategory: counts.map((count, i) => ({ category: `c${i}`, name: `Category ${i}`, count })) };
      const [chart] = reportCharts(figures, undefined);
      const labels = [...(/aria-label="x-axis tick label"[^>]*>(.*?)<\/g>/s.exec(chart?.svg ?? '')?.[1] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
      expect(labels.length, `ticks for ${counts}`).toBeGreaterThan(1);
      expect(new Set(labels).size, `ticks for ${counts}: ${labels.join(' ')}`).toBe(labels.length);
      expect(labels.every((l) => /^\d+$/.test(l.replace(/,/g, '')))).toBe(true);
      expect(Number(labels.at(-1)?.replace(/,/g, ''))).toBeGreaterThanOrEqual(Math.max(...counts));
    }
  });
});

describe('the self-assessment', () => {
  it('does not answer "Yes" where the year has nothing to show', () => {
    const assessment = selfAssessment(council, emptyYear(council, 2026));
    const timed = assessment?.provisions.filter((p) => /within \d+ working days/.test(p.provision)) ?? [];
    expect(timed.length).toBeGreaterThan(0);
    for (const p of timed) {
      expect(p.evidence).toContain('This year: 0 of 0 on time.');
      expect(p.answer, p.provision).toBe('Not shown: none this year');
    }
  });

  it('shows the Member Responsible for Complaints where the policy names one, and leaves it to staff where not', () => {
    const member = (policy: Policy) => selfAssessment(policy, emptyYear(policy, 2026))?.provisions.find((p) => p.provision === 'A member of the governing body has lead responsibility for complaints');
    expect(member(council)).toEqual({
      provision: 'A member of the governing body has lead responsibility for complaints',
      evidence:
        'The policy names the Member Responsible for Complaints (LGSCO Complaint Handling Code 9.5-9.7). Redress sends them this report each January and a summary each quarter (volumes, time taken, outcomes, themes, open actions); they read the reports in the console, not the cases.',
      answer: 'Yes',
    });
    expect(member({ ...council, oversight: { themes: council.oversight?.themes ?? { deviations: 2, minimumCount: 5, baselineWindows: 12 } } })).toEqual({ provision: 'A member of the governing body has lead responsibility for complaints' });
  });

  it("claims for final letters only what the council's final letter really says", () => {
    const provision = (policy: Policy) => selfAssessment(policy, emptyYear(policy, 2026))?.provisions.find((p) => p.provision.startsWith('The final response says where'));
    const said = provision(council);
    expect(said?.evidence).toBe(
      'The final letter names Local Government and Social Care Ombudsman with its website, telephone and post, and the last day to contact it (12 months). Redress checks each letter for these before it is sent.',
    );
    expect(said?.answer).toBe('Yes');

    // The same council with the Ombudsman's time limit taken out of its policy file: no letter gives a date, and the
    // assessment says so instead of claiming one.
    const undated: Policy = { ...council, outsideBodies: council.outsideBodies.map((b) => (b.id === 'lgo' ? { ...b, timeLimit: undefined } : b)) as Policy['outsideBodies'] };
    const unsaid = provision(undated);
    expect(unsaid?.evidence).toBe(
      'The final letter names Local Government and Social Care Ombudsman with its website, telephone and post, and no time limit (the policy gives none). Redress checks each letter for these before it is sent.',
    );
    expect(unsaid?.answer).toBe('Partly');
  });
});
