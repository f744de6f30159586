/**
 * The Member Responsible for Complaints (LGSCO 9.5-9.7; Housing Ombudsman 9.5, 9.7): a role with the `reports`
 * capability alone reads the organisation's reports in the console and no case, not even that one exists.
 */
import { describe, expect, it } from 'vitest';
import { caseRolesIn, mayAct, mayKnowOf, mayRead, mayReadReport } from '#domain/access/case-access';
import { roleMayUse } from '#domain/access/capabilities';
import type { StaffMember } from '#domain/access/staff-member';
import type { Case } from '#domain/case/case';
import { policySchema } from '#domain/policy/policy-schema';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { email } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const council = seedPolicies.get('county-council');
const person = (role: string): StaffMember => ({ id: role, name: role, memberships: [{ policyId: 'county-council', role }], operator: false });
const aCase = (fields: Partial<Case> = {}): Case =>
  ({ reference: 'CCC-2026-0001', policyId: 'county-council', stage: 'stage-1', status: 'open', confidential: false, handlerRole: 'service-manager', complainant: { anonymous: false }, deadlines: [], ...fields }) as Case;
const MEMBER = ['county-council:member-responsible'];

describe('what the Member Responsible for Complaints may see', () => {
  it('reads the reports, though the report is for other roles; knows of, reads and acts on no case', () => {
    const member = person('member-responsible');
    expect(council.reporting.to).not.toContain('member-responsible');
    expect(mayReadReport(member, council)).toBe(true);
    for (const c of [aCase(), aCase({ confidential: true }), aCase({ handlerRole: 'member-responsible' })]) {
      expect([mayKnowOf(member, council, c), mayRead(member, council, c), mayAct(member, council, c)]).toEqual([false, false, false]);
    }
    expect(['record', 'route', 'decide'].map((k) => roleMayUse(council, 'member-responsible', aCase(), k as 'record'))).toEqual([false, false, false]);
    expect(caseRolesIn(member, council).size).toBe(0);
    // Everyone else as before: the service manager reads cases and not the report (it is for the Chief Executive and the CRT).
    expect([mayKnowOf(person('service-manager'), council, aCase()), mayReadReport(person('service-manager'), council)]).toEqual([true, false]);
  });

  it('a role that lists reports beside a case capability still reads cases', () => {
    const policy = policySchema.parse({ ...council, roles: council.roles.map((r) => (r.id === 'member-responsible' ? { ...r, capabilities: ['reports', 'record'] } : r)) });
    expect(mayRead(person('member-responsible'), policy, aCase())).toBe(true);
  });

  it('a policy naming a member with no such role is refused, saying which roles there are', () => {
    const wrong = policySchema.safeParse({ ...council, oversight: { memberResponsible: { role: 'councillor', clause: '9.5' } } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['oversight.memberResponsible.role', expect.stringMatching(/^no role "councillor" in roles \(known: customer-relations, .*member-responsible\)$/)]]);
  });

  it('in the console: the morning page and the annual report, and no case, case list or record form', async () => {
    const console = await consoleOverMemory();
    const [opened] = await console.stack.deliver(email(['From: Pat Person <pat@example.net>', 'To: complaints@county-council.example', 'Subject: Bins not collected'], 'Three weeks without a collection.'));
    const reference = opened?.kind === 'case-opened' ? opened.reference : '';
    expect(reference).toMatch(/^CCC-/);

    const morning = await console.page('/console', MEMBER);
    expect(morning.status).toBe(200);
    expect(morning.page).toContain('You read its annual report on complaints here; its cases are for the staff who handle them.');
    expect(morning.page).toContain('href="/console/reports/county-council"');
    expect(morning.page).not.toContain('Record a complaint');
    // No case list offered, in the header or on the page: it could only be empty.
    expect(morning.page).not.toMatch(/href="\/console\/(cases|held)/);
    expect(morning.page).not.toContain(reference);

    const report = await console.page('/console/reports/county-council', MEMBER);
    expect(report.status).toBe(200);
    expect(report.page).toContain('County Council');
    // The report, not the cases in it: no monitoring fields (personal data), offered or asked for.
    expect(report.page).not.toContain('/monitoring');
    const year = console.stack.clock.now().getUTCFullYear();
    const monitoring = await console.page(`/console/reports/county-council/monitoring?year=${year}`, MEMBER);
    expect(monitoring.status).toBe(404);
    expect(monitoring.page).not.toContain(reference);
    const crt = await console.page('/console/reports/county-council', ['county-council:customer-relations']);
    expect(crt.page).toContain('/console/reports/county-council/monitoring?year=');
    expect((await console.page(`/console/reports/county-council/monitoring?year=${year}`, ['county-council:customer-relations'])).status).toBe(200);

    // Every page of cases, held mail and files: refused in words (403), with the reports they may read instead,
    // never an empty list that reads as "no complaints", and no case list offered on the refusal either.
    for (const path of [`/console/cases/${reference}`, `/console/cases?q=${reference}`, '/console/cases', '/console/cases?handler=mine', '/console/held', `/console/cases/${reference}/actions/note`, `/console/cases/${reference}/attach`, '/console/files/anything']) {
      const refused = await console.page(path, MEMBER);
      expect(refused.status, path).toBe(403);
      expect(refused.page, path).toContain('Cases are not open to your role');
      expect(refused.page, path).toContain('<a href="/console/reports/county-council">County Council&#39;s annual report</a>');
      expect(refused.page, path).not.toContain('Bins not collected');
      expect(refused.page, path).not.toMatch(/href="\/console\/(cases|held)/);
    }
    const posted = await console.post(`/console/cases/${reference}/actions/note`, { text: 'x' }, MEMBER);
    expect(posted.status).toBe(403);
    const record = await console.page('/console/record', MEMBER);
    expect(record.page).not.toMatch(/<form[^>]*action="\/console\/record"/);
    // Told why in words that fit them: not "you are not a member of any organisation".
    expect(record.page).toContain('None of your roles records complaints');
    expect(record.page).not.toContain('not a member of any organisation');

    // The service manager, as before, sees the case, and the case lists.
    expect((await console.page('/console', ['county-council:service-manager'])).page).toContain('href="/console/cases?handler=mine"');
    expect((await console.page(`/console/cases/${reference}`, ['county-council:service-manager'])).page).toContain('Bins not collected');
  });
});
