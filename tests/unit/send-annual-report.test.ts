/** Alumot 4.1: the year just ended's report goes to the Board each January, once. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { email, memoryStack } from '#tests/support/memory-stack';

const ARTEFACTS = 'tests/artefacts/letters';

describe('the annual report each January', () => {
  it("goes to Alumot's Board on the first working day of January, once, with the year's figures and where the full report is", async () => {
    const stack = memoryStack();
    stack.clock.set('2026-12-01T09:00:00Z');
    const [o] = await stack.deliver(email(['From: Pat Person <pat@example.net>', 'To: Shaked@alumot.uk', 'Subject: The helpline'], 'Nobody called me back.'), { receivedAt: '2026-12-01T09:00:00Z' });
    const reference = o?.kind === 'case-opened' ? o.reference : '';
    await stack.useCases.staff.outcome({ reference, decision: 'upheld', summary: 'We did not call back.', remedies: ['apology'], actions: [], lessons: 'Call-backs need an owner.', at: DateTime.fromISO('2026-12-08T15:00:00Z'), actor: 'ceo' });
    await stack.drain();
    const before = stack.mailer.sent.length;

    // 1 January 2027 is a bank holiday; Monday 4 January is the first working day.
    expect(await stack.useCases.sendAnnualReport('alumot', DateTime.fromISO('2027-01-01T08:00:00Z'))).toBe('not-a-working-day');
    expect(await stack.useCases.sendAnnualReport('alumot', DateTime.fromISO('2027-01-04T08:00:00Z'))).toBe('sent');
    expect(await stack.useCases.sendAnnualReport('alumot', DateTime.fromISO('2027-01-05T08:00:00Z'))).toBe('already-sent');
    expect(await stack.useCases.sendAnnualReport('alumot', DateTime.fromISO('2027-02-01T08:00:00Z'))).toBe('not-january');
    // Connected Together's policy neither asks for it nor names a Member Responsible for Complaints.
    expect(await stack.useCases.sendAnnualReport('connected-together', DateTime.fromISO('2027-01-04T08:00:00Z'))).toBe('not-asked');
    await stack.drain();
    const sent = stack.mailer.sent.slice(before);
    expect(sent.map((m) => [m.subject, m.to])).toEqual([['Complaints in 2026: the annual report for Alumot', ['board.notices@alumot.example']]]);
    const text = sent[0]?.text ?? '';
    mkdirSync(ARTEFACTS, { recursive: true });
    writeFileSync(`${ARTEFACTS}/alumot-annual-report-2026.txt`, `Subject: ${sent[0]?.subject}\n\n${text}`);
    expect(text).toContain('for 1 January to 31 December 2026 is ready (our complaints policy, clause 4.1).');
    expect(text).toContain('Complaints received: 1.');
    expect(text).toContain('Stage One: 1 entered, 1 responded to (1 on time, in 5 working days on average); upheld 1, partly upheld 0, not upheld 0.');
    expect(text).toContain('The full report, with what complaints were about, the charts, the year before and the lessons learnt: http://localhost:3000/console/reports/alumot?year=2026');
    // Nothing about any one case, and no lessons, in an email.
    for (const detail of [reference, 'Call-backs', 'pat@example.net', 'helpline']) expect(text).not.toContain(detail);
  });
});
