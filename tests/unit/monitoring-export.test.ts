/** The staff-only export of the monitoring fields (Not Alone Mentoring 11.1): rows, access, the timeline, the CSV. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { monitoringCsv } from '#domain/reporting/monitoring-row';
import { email, memoryStack } from '#tests/support/memory-stack';

const at = (iso: string) => DateTime.fromISO(iso);

describe('the monitoring export', () => {
  it("gives each case of the year its 11.1 fields, withholds a confidential case's content from a reader who may not see it, and records every export", async () => {
    const stack = memoryStack();
    const staff = stack.useCases.staff;
    stack.clock.set('2026-11-23T10:00:00Z');
    const [o] = await stack.deliver(email(['From: =HYPERLINK("http://evil.example") <pat@example.net>', 'To: not.alone.mentoring@gmail.com', 'Subject: My sessions'], 'The sessions were cancelled.'));
    const open = o?.kind === 'case-opened' ? o.reference : '';
    await staff.sign({ reference: open, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
    await staff.category({ reference: open, category: 'mentoring', at: at('2026-11-24T11:00:00Z'), actor: 'katie' });
    await staff.outcome({ reference: open, decision: 'upheld', summary: 'The sessions were cancelled without notice.', remedies: ['apology'], actions: [{ text: 'Brief the mentors', due: '2027-01-15' }], lessons: 'Tell families when a mentor is ill.', at: at('2026-12-04T15:00:00Z'), actor: 'katie@notalonementoring.example' });
    const secret = await staff.open({ policyId: 'not-alone-mentoring', at: at('2026-11-25T10:00:00Z'), actor: 'katie', name: 'Sol Secret', phone: '01632 960000', summary: 'Private.', channel: 'phone', confidential: true });

    const rows = await stack.useCases.monitoringExport({ policyId: 'not-alone-mentoring', year: 2026, actor: 'trustee@notalonementoring.example', at: at('2027-01-05T09:00:00Z'), mayRead: (c) => !c.confidential });
    expect(rows.map((r) => r.reference)).toEqual([open, secret.reference]);
    expect(rows[0]).toMatchObject({
      received: '2026-11-23',
      name: '=HYPERLINK',
      email: 'pat@example.net',
      'nature of complaint': 'The mentoring itself',
      'dealt with by': 'katie@notalonementoring.example (Complaints officer (Katie Smith))',
      responses: 'Investigation: upheld on Friday 4 December 2026',
      remedies: 'An apology',
      actions: 'Brief the mentors (due 2027-01-15)',
      'lessons learnt': 'Tell families when a mentor is ill.',
    });
    expect(rows[1]).toMatchObject({ name: 'confidential', phone: 'confidential', 'lessons learnt': 'confidential' });
    for (const reference of [open, secret.reference]) {
      expect((await stack.cases.timeline(reference)).filter((e) => e.type === 'exported').map((e) => [e.actor, e.summary])).toEqual([['trustee@notalonementoring.example', 'Exported with the monitoring fields for 2026']]);
    }
    const csv = monitoringCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('"reference","received","name","email","phone","postal address","nature of complaint","stage","status","dealt with by","responses","remedies","actions","lessons learnt","closed"');
    // A name that is a formula is kept as text: it cannot run when the file is opened in a spreadsheet.
    expect(csv).toContain(`,"'=HYPERLINK",`);
  });
});
