import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { MovableClock } from '#adapters/memory/movable-clock';
import { morningView, type MorningOrganisation } from '#application/console/morning-view';
import type { IntakeOutcome } from '#application/intake/take-email';
import type { Cases } from '#application/ports/cases';
import type { PendingActions } from '#application/ports/pending-actions';
import type { UseCases } from '#composition/use-cases';
import { fromGroups } from '#domain/access/staff-member';
import { buildDigest, morningOf } from '#domain/digest/build-digest';
import type { PolicySet } from '#domain/policy/policy-set';
import { email } from './memory-stack.js';

/** What the projection journey needs of a stack: the memory fakes' or the local servers'. */
export interface ProjectionStack {
  readonly useCases: UseCases;
  readonly cases: Cases;
  readonly pendingActions: PendingActions;
  readonly policies: PolicySet;
  readonly clock: MovableClock;
  deliver(raw: string, options: { recipients: string[] }): Promise<IntakeOutcome[]>;
}

const COUNCIL = 'complaints@county-council.example';
const NAM = 'not.alone.mentoring@gmail.com';
const officer = { id: 'u1', name: 'Officer', ...fromGroups(['county-council:service-manager', 'not-alone-mentoring:complaints-officer']) };

/** The morning view as a person reads it, without the projection's own fields. */
const shown = (orgs: MorningOrganisation[]) => orgs.map((o) => ({ ...o, sections: o.sections.map((s) => ({ heading: s.heading, cases: s.cases.map(({ case: c, ...rest }) => ({ reference: c.reference, confidential: c.confidential, ...rest })) })) }));

/**
 * The morning view and each digest from the projection equal what the full read of every open case gives, now.
 * Returns how many open cases there are and how many the projection read.
 */
async function sameAsFullRead(stack: ProjectionStack): Promise<{ open: number; read: number }> {
  const now = DateTime.fromJSDate(stack.clock.now());
  const morning = morningOf(now);
  const full = { ...stack, cases: { due: (policyId: string) => stack.cases.open(policyId) } };
  // The full read knows only open cases: a closed case's letters to post are checked on their own (below).
  const openOnly = (orgs: MorningOrganisation[]) => orgs.map((o) => ({ ...o, toPost: o.toPost.filter((t) => !t.closed) }));
  expect(shown(openOnly(await morningView(stack, officer, now)))).toEqual(shown(await morningView(full, officer, now)));
  let open = 0;
  let read = 0;
  for (const policyId of ['county-council', 'not-alone-mentoring']) {
    const policy = stack.policies.get(policyId);
    const [all, due] = await Promise.all([stack.cases.open(policyId), stack.cases.due(policyId, morning.weekEnd, morning.since)]);
    // The digest lists a closed case only for its letters to post, which the full read does not know: checked below.
    expect(buildDigest(policy, due.filter((c) => c.status !== 'closed'), now)).toEqual(buildDigest(policy, all, now));
    open += all.length;
    read += due.length;
  }
  return { open, read };
}

/**
 * Complaints opened over days on two organisations, acknowledged, decided, closed and reopened, the days
 * passing: after each step the projection shows what the full read would, and in the quiet middle of a case's life
 * (acknowledged, its response weeks away, no longer new) it is not read at all.
 */
export async function projectionJourney(stack: ProjectionStack): Promise<void> {
  const at = () => DateTime.fromJSDate(stack.clock.now());
  const open = async (to: string, subject: string, from: string) => {
    const [outcome] = await stack.deliver(email([`From: ${from}`, `To: ${to}`, `Subject: ${subject}`], `${subject}: it happened again.`), { recipients: [to] });
    if (outcome?.kind !== 'case-opened') throw new Error(JSON.stringify(outcome));
    return outcome.reference;
  };
  stack.clock.set('2026-11-23T09:00:00Z');
  const bins = await open(COUNCIL, 'Missed bins', 'Pat Person <pat@example.net>');
  const mentor = await open(NAM, 'My mentor did not come', 'Sam Person <sam@example.net>');
  await sameAsFullRead(stack);

  stack.clock.set('2026-11-24T09:00:00Z');
  const parking = await open(COUNCIL, 'CONFIDENTIAL parking fine', 'Alex Person <alex@example.net>');
  await sameAsFullRead(stack);

  // Two days on: the bins case is acknowledged, its response weeks away, and no longer new: not read.
  stack.clock.set('2026-11-26T09:00:00Z');
  const quiet = await sameAsFullRead(stack);
  expect(quiet.read).toBeLessThan(quiet.open);
  const { weekEnd, since } = morningOf(at());
  expect((await stack.cases.due('county-council', weekEnd, since)).map((d) => d.reference)).not.toContain(bins);

  await stack.useCases.staff.sign({ reference: mentor, at: at(), actor: 'officer' });
  await sameAsFullRead(stack);
  await stack.useCases.staff.outcome({ reference: mentor, decision: 'not-upheld', summary: 'The sessions ran as booked.', remedies: [], actions: [], at: at(), actor: 'officer' });
  await sameAsFullRead(stack);
  await stack.useCases.staff.close({ category: 'other', reference: mentor, at: at(), actor: 'officer' });
  await sameAsFullRead(stack);
  await stack.useCases.staff.note({ reference: parking, text: 'Called them back.', at: at(), actor: 'officer' });

  // Weeks on: the bins response is due this week, then overdue.
  for (const day of ['2026-12-14T09:00:00Z', '2026-12-22T09:00:00Z', '2027-01-20T09:00:00Z']) {
    stack.clock.set(day);
    await sameAsFullRead(stack);
  }
  await stack.useCases.staff.reopen({ reference: mentor, reason: 'They wrote again.', at: at(), actor: 'officer' });
  await sameAsFullRead(stack);

  // A telephone complaint from someone without email, closed with its closure letter still to post: listed to post
  // (marked closed, in no section) until it is marked posted; then its projection is gone with it.
  const call = (await stack.useCases.staff.open({ policyId: 'county-council', at: at(), actor: 'officer', name: 'Lee Caller', phone: '01632 960002', address: '1 High Street\nYork YO1 1AA', summary: 'The library closed early.', channel: 'phone', confidential: false })).reference;
  await stack.useCases.staff.acknowledge({ reference: call, at: at(), actor: 'officer' });
  await stack.useCases.staff.outcome({ reference: call, decision: 'not-upheld', summary: 'It closed at its advertised time.', remedies: [], actions: [], at: at(), actor: 'officer' });
  for (const letter of (await stack.cases.get(call))?.postLetters ?? []) await stack.useCases.staff.posted({ reference: call, letter: letter.id, at: at(), actor: 'officer' });
  await stack.useCases.staff.close({ category: 'other', reference: call, at: at(), actor: 'officer' });
  const closure = ((await stack.cases.get(call))?.postLetters ?? []).filter((l) => !l.postedOn);
  expect(closure.map((l) => l.kind)).toEqual(['closure']);
  const toPost = async () => (await morningView(stack, officer, at())).flatMap((o) => o.toPost.filter((t) => t.closed));
  expect(await toPost()).toEqual([{ reference: call, letters: 1, closed: true, confidential: false, who: 'Lee Caller' }]);
  await sameAsFullRead(stack);
  await stack.useCases.staff.posted({ reference: call, letter: closure[0]?.id as string, at: at(), actor: 'officer' });
  expect(await toPost()).toEqual([]);
  expect((await stack.cases.due('county-council', '9999-12-31', '0000')).map((d) => d.reference)).not.toContain(call);
}
