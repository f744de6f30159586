/** A year of the council's complaints built through the actions with known dates (the annual report's tests). */
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { email, memoryStack, type MemoryStack } from './memory-stack.js';

const at = (iso: string) => DateTime.fromISO(iso);

async function received(stack: MemoryStack, when: string, n: number): Promise<string> {
  stack.clock.set(when);
  const [o] = await stack.deliver(email([`From: Person ${n} <person${n}@example.net>`, 'To: complaints@county-council.example', `Subject: Complaint ${n}`], 'The bins were not collected again this week.'), { receivedAt: when });
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

export const REASONS = 'We checked the crew records and the collection was missed.';

export async function councilYear() {
  const stack = memoryStack();
  const staff = stack.useCases.staff;
  const actor = 'cr@county-council.example';
  // A: received on Monday 21 December 2026; answered on 6 January 2027, 9 working days on (Christmas, Boxing Day
  // and New Year's Day are not working days).
  const a = await received(stack, '2026-12-21T09:00:00Z', 1);
  await staff.outcome({ reference: a, decision: 'partly-upheld', summary: REASONS, whatUpheld: 'One missed collection.', whatNotUpheld: 'The other collections.', remedies: ['explanation'], actions: [], at: at('2027-01-06T15:00:00Z'), actor });
  // B: 7 working days, upheld with an apology and an action.
  const b = await received(stack, '2027-01-11T09:00:00Z', 2);
  await staff.outcome({ reference: b, decision: 'upheld', summary: REASONS, remedies: ['apology'], actions: [{ text: 'Retrain the crew on the route', due: '2027-02-15' }], lessons: 'Route changes must reach the crews before the day.', at: at('2027-01-20T15:00:00Z'), actor });
  // C: the reply date was extended (15 February to 1 March); answered on 26 February, 19 working days on.
  const c = await received(stack, '2027-02-01T09:00:00Z', 3);
  await staff.extend({ reference: c, kind: 'respond', newDate: '2027-03-01', reason: 'the depot records are with the contractor', at: at('2027-02-10T10:00:00Z'), actor });
  await staff.outcome({ reference: c, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-02-26T15:00:00Z'), actor });
  // D withdrawn, E redirected, F resolved at once (not a complaint).
  const d = await received(stack, '2027-03-01T09:00:00Z', 4);
  await staff.withdraw({ category: 'other', reference: d, confirmedInWriting: false, at: at('2027-03-10T10:00:00Z'), actor });
  const e = await received(stack, '2027-03-02T09:00:00Z', 5);
  await staff.redirect({ reference: e, outOfScope: 'social-care', at: at('2027-03-15T10:00:00Z'), actor });
  const f = await received(stack, '2027-04-01T09:00:00Z', 6);
  await staff['early-resolution']({ reference: f, summary: 'The missed bin was collected the same afternoon.', at: at('2027-04-01T15:00:00Z'), actor });
  // G: answered in 5 working days, then asked for stage two.
  const g = await received(stack, '2027-06-01T09:00:00Z', 7);
  await staff.outcome({ reference: g, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-06-08T15:00:00Z'), actor });
  await staff.escalate({ reference: g, at: at('2027-06-10T10:00:00Z'), actor });
  // H: answered in 4 working days and closed; six years on its personal data is destroyed.
  const h = await received(stack, '2027-05-04T09:00:00Z', 8);
  await staff.outcome({ reference: h, decision: 'not-upheld', summary: REASONS, remedies: [], actions: [], at: at('2027-05-10T15:00:00Z'), actor });
  await staff.close({ category: 'other', reference: h, at: at('2027-05-11T10:00:00Z'), actor });
  // H's complainant went to the Ombudsman after all; staff heard in June.
  await staff['outside-body']({ reference: h, body: 'lgo', at: at('2027-06-15T10:00:00Z'), actor });
  await stack.drain();
  stack.clock.set('2033-06-01T00:30:00Z');
  for (const timer of await stack.timers.list(h)) if (Date.parse(timer.fireAt) <= Date.parse('2033-06-01T00:30:00Z')) await stack.useCases.fireTimer(timer.input);
  expect((await stack.cases.get(h))?.destroyedAt).toBeDefined();
  return { stack, refs: { a, b, c, d, e, f, g, h } };
}

