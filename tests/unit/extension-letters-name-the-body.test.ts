/**
 * Where the code a policy answers to asks for it (LGSCO 5.5 and 6.5: the Ombudsman's details with any extension),
 * every extension letter names the outside body, with every way to reach it and when the complainant may go to
 * it; where the policy does not ask, the holding letter is as it was.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '#domain/policy/policy-set';
import { policySchema, type Policy } from '#domain/policy/policy-schema';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const PAT = 'pat@example.net';
const council = seedPolicies.get('county-council');

async function extendedLetter(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', 'Subject: Missed bins'], 'My bins were not collected.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  await stack.useCases.staff.extend({ reference: o.reference, kind: 'respond', newDate: '2026-12-21', reason: 'The crew supervisor is away until the 14th.', at: at('2026-12-03T10:00:00Z'), actor: 'manager' });
  await stack.drain();
  return stack.mailer.sent.filter((m) => m.to.includes(PAT)).at(-1)?.text ?? '';
}

describe('an extension letter where the policy’s code asks for the outside body (the council, LGSCO 6.5)', () => {
  it('names the Ombudsman, how to reach it, and when the complainant may go to it', async () => {
    const letter = await extendedLetter(memoryStack());
    expect(letter).toContain('We will now send you our full response by Monday 21 December 2026.');
    expect(letter).toContain('If you are unhappy about the delay\n----------------------------------');
    expect(letter).toContain('\n\nLocal Government and Social Care Ombudsman: an independent service, free to use,');
    expect(letter).toContain('- Website: https://www.lgo.org.uk/');
    expect(letter).toContain('- Telephone: 0300 061 0614 (Monday to Friday, 10am to 4pm, except public holidays)');
    expect(letter).toContain('- Post: PO Box 4771, Coventry CV4 0EH');
    expect(letter.replace(/\s+/g, ' ')).toContain('you can contact it now if you are unhappy about the delay: it can tell you whether it will look at your complaint before we finish.');
    // The Ombudsman's own time limit, counted from the day the complaint reached the council.
    expect(letter).toContain('You usually have 12 months to contact them');
    // Never the body kept for other matters (the Information Commissioner).
    expect(letter).not.toContain('Information Commissioner');
  });
});

describe('an extension letter where the policy does not ask', () => {
  it('names no outside body', async () => {
    const raw = structuredClone(council) as unknown as { outsideBodies: { inExtensionLetters?: unknown }[] };
    for (const b of raw.outsideBodies) delete b.inExtensionLetters;
    const plain: Policy = policySchema.parse(raw);
    const letter = await extendedLetter(memoryStack({}, new PolicySet([...seedPolicies.all.filter((p) => p.id !== 'county-council'), plain])));
    expect(letter).toContain('We will now send you our full response by Monday 21 December 2026.');
    expect(letter).not.toContain('Ombudsman');
    expect(letter).not.toContain('If you are unhappy about the delay');
  });
});

describe('the policy flag', () => {
  it('must say when the complainant may go to the body', () => {
    const raw = structuredClone(council) as unknown as { outsideBodies: { inExtensionLetters?: unknown }[] };
    const first = raw.outsideBodies[0];
    if (!first) throw new Error('no outside body');
    first.inExtensionLetters = { when: ' ', clause: 'LGSCO 6.5' };
    expect(policySchema.safeParse(raw).error?.issues[0]?.message).toBe('say when the complainant may go to the body, as an extension letter tells them');
  });
});
