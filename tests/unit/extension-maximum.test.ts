/**
 * A policy's maximum for a response (the council's stage one: "up to ten working days ... with a maximum of
 * twenty") holds against an extension: past it the policy either refuses (the council, whose acknowledgement
 * promised that date "at the latest") or allows it only with a reason the holding letter explains. The console's
 * extension form names the deadlines and the maximum in words, and shows the refusal.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { html } from '../../shared/adapters/http/console/html.js';
import { actionFor } from '#adapters/http/console-actions';
import type { Case } from '#domain/case/case';
import { ActionRefusedError } from '#domain/case/case-change';
import { PolicySet } from '#domain/policy/policy-set';
import type { Policy } from '#domain/policy/policy-schema';
import { policySchema } from '#domain/policy/policy-schema';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const PAT = 'pat@example.net';
const council = seedPolicies.get('county-council');
const SIGNED = { name: 'Casey Officer', csrf: 'csrf-token' };

/** A council complaint received Monday 23 November 2026: respond by 7 December, at the latest by 21 December. */
async function councilCase(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', 'Subject: Missed bins'], 'My bins were not collected.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

const lastToPat = (stack: MemoryStack) => stack.mailer.sent.filter((m) => m.to.includes(PAT)).at(-1);
const MAXIMUM = 'Monday 21 December 2026 (20 working days, section “What is the Corporate Complaints Procedure?”)';

describe('an extension past the policy’s maximum (the council, stage one)', () => {
  it('is allowed up to the maximum, with the holding letter', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const moved = await stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2026-12-21', reason: 'The crew supervisor is away until the 14th.', at: at('2026-12-03T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(moved.deadlines.find((d) => d.kind === 'respond' && d.status === 'pending')?.dueDate).toBe('2026-12-21');
    expect(lastToPat(stack)?.text).toContain('We will now send you our full response by Monday 21 December 2026.');
  });

  it('is refused past it, naming the maximum and the date to choose instead; nothing is recorded or sent', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const sent = stack.mailer.sent.length;
    const refusal = await stack.useCases.staff
      .extend({ reference, kind: 'respond', newDate: '2026-12-22', reason: 'The crew supervisor is away.', at: at('2026-12-03T10:00:00Z'), actor: 'manager' })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ActionRefusedError);
    expect((refusal as ActionRefusedError).message).toBe(
      `Tuesday 22 December 2026 is past the policy’s maximum for the response at Stage one, ${MAXIMUM}, which the acknowledgement promised at the latest; the policy allows no extension past it: choose a date on or before Monday 21 December 2026`,
    );
    expect((refusal as ActionRefusedError).hint).toEqual({ input: 'newDate' });
    await stack.drain();
    expect(stack.mailer.sent.length).toBe(sent);
    expect((await stack.cases.get(reference))?.deadlines.find((d) => d.kind === 'respond')?.dueDate).toBe('2026-12-07');
  });

  it('once the maximum has passed, says the response is overdue rather than offering a date already gone', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    await expect(stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2027-01-08', reason: 'Away.', at: at('2026-12-23T10:00:00Z'), actor: 'manager' })).rejects.toThrow(
      `the policy’s maximum for the response at Stage one was ${MAXIMUM}, and the policy allows no extension past it: the response is overdue, so send it as soon as you can`,
    );
  });

  it('the maximum itself cannot be moved where the policy refuses', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    await expect(stack.useCases.staff.extend({ reference, kind: 'respond-max', newDate: '2027-01-08', reason: 'Away.', at: at('2026-12-03T10:00:00Z'), actor: 'manager' })).rejects.toThrow(
      `the latest date for the response at Stage one is the policy’s maximum, ${MAXIMUM}; the policy allows no extension past it`,
    );
  });

  it('where a policy allows it with a reason, the holding letter says it is past the maximum and why, and the maximum moves with it', async () => {
    const raw = structuredClone(council) as unknown as { stages: { id: string; deadlines: { kind: string; pastMaximum?: string }[] }[] };
    const rule = raw.stages.find((s) => s.id === 'stage-1')?.deadlines.find((d) => d.kind === 'respond-max');
    if (!rule) throw new Error('no respond-max');
    rule.pastMaximum = 'with-reason';
    const lenient: Policy = policySchema.parse(raw);
    const stack = memoryStack({}, new PolicySet([...seedPolicies.all.filter((p) => p.id !== 'county-council'), lenient]));
    const reference = await councilCase(stack);
    const why = 'The crew supervisor is on long-term sick leave and the round sheets are with the insurer.';
    const moved = await stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2027-01-08', reason: why, at: at('2026-12-03T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    expect(moved.deadlines.filter((d) => d.status === 'pending' && d.kind.startsWith('respond')).map((d) => [d.kind, d.dueDate])).toEqual([
      ['respond', '2027-01-08'],
      ['respond-max', '2027-01-08'],
    ]);
    const letter = lastToPat(stack)?.text ?? '';
    expect(letter).toContain(`Why it is taking longer: ${why}`);
    expect(letter).toContain('We will now send you our full response by Friday 8 January 2027.');
    expect(letter).toContain('This is later than Monday 21 December 2026, the latest date our complaints policy gives for our response (20 working days). We are sorry that we cannot keep to it.');
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'extended')?.summary).toBe(`respond deadline extended from 2026-12-07 to 2027-01-08, past the policy's maximum of 2026-12-21 (allowed with a reason): ${why}`);
  });
});

describe('the console’s extension form', () => {
  async function form(problem?: string): Promise<{ page: string; c: Case }> {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const c = (await stack.cases.get(reference)) as Case;
    const action = actionFor('extend');
    if (!action) throw new Error('no extend action');
    return { page: html.actionForm({ signed: SIGNED, c, policy: council, action, values: {}, ...(problem ? { problem } : {}) }), c };
  }

  it('names each deadline in words with its date, never by its id', async () => {
    const { page } = await form();
    expect(page).toContain('<option value="respond">Respond by Monday 7 December 2026</option>');
    expect(page).toContain('<option value="respond-max">Respond at the latest by Monday 21 December 2026</option>');
    expect(page).not.toMatch(/>respond-max</);
  });

  it('shows the policy’s maximum beside the new date, and a refusal at the top', async () => {
    const { page } = await form('Tuesday 22 December 2026 is past the policy’s maximum');
    expect(page).toContain(`The policy’s maximum for the response at Stage one: ${MAXIMUM}. It allows no extension past it.`);
    expect(page).toContain('Tuesday 22 December 2026 is past the policy’s maximum');
  });
});

describe('the console’s case page in words', () => {
  it('shows the status as words and each deadline’s clause as the policy names it', async () => {
    const stack = memoryStack();
    const reference = await councilCase(stack);
    const c = (await stack.cases.get(reference)) as Case;
    const page = html.case({
      signed: SIGNED,
      view: { level: 'full', case: c, policy: council, timeline: await stack.cases.timeline(reference), letters: [], files: [], permission: () => ({ may: true }) },
      today: '2026-11-24',
      actionsFor: () => [],
    });
    expect(page).toContain('<dt>Status</dt><dd>Open</dd>');
    expect(page).toContain('Respond by Monday 7 December 2026 (10 working days, section “What is the Corporate Complaints Procedure?”)');
    expect(page).not.toContain('clause What is');
  });

  it('a numbered clause stays a clause, a heading becomes a section', async () => {
    const { clauseInWords } = await import('#domain/policy/clause-words');
    expect(clauseInWords('2.3')).toBe('clause 2.3');
    expect(clauseInWords('7.3, 7.4, 8.2')).toBe('clause 7.3, 7.4, 8.2');
    expect(clauseInWords('2.2-2.4')).toBe('clause 2.2-2.4');
    expect(clauseInWords('Redress default (REDRESS_RETENTION_YEARS): the policy states no retention period')).toBe('Redress default (REDRESS_RETENTION_YEARS): the policy states no retention period');
    expect(clauseInWords('What is the Corporate Complaints Procedure?')).toBe('section “What is the Corporate Complaints Procedure?”');
    expect(clauseInWords('Introduction; Stage 2 – Investigation')).toBe('sections “Introduction” and “Stage 2 – Investigation”');
  });
});
