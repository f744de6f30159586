import type { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { indexedAbout } from '#domain/case/about-role';
import { rolesAbout } from '#domain/case/named-in-complaint';
import { addressesOf, staffAddress } from '#domain/case/route-case';
import { buildDigest, digestLetter, morningOf } from '#domain/digest/build-digest';
import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { consoleHome } from '#domain/letters/staff-links';
import { letterItem } from '#domain/outbox/outbox-item';
import { calendarFor } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Cases } from '../ports/cases.js';
import type { Clock } from '../ports/clock.js';
import type { HeldMail } from '../ports/held-mail.js';
import type { Log } from '../ports/log.js';
import type { Outbox } from '../ports/outbox.js';
import type { PendingActions } from '../ports/pending-actions.js';
import { overdueActions } from '#domain/digest/overdue-actions';
import { heldForAPerson } from '#domain/digest/held-for-a-person';
import { RESTRICTIONS_SECTION, restrictionsToReview } from '#domain/digest/restrictions-to-review';

export interface SendDigestDeps {
  readonly policies: PolicySet;
  readonly cases: Pick<Cases, 'due' | 'restrictionsToReview'>;
  readonly pendingActions: PendingActions;
  readonly heldMail: Pick<HeldMail, 'list'>;
  readonly outbox: Pick<Outbox, 'add' | 'get'>;
  readonly log: Log;
  readonly sending: Sending;
  readonly clock: Clock;
}

/** `already-sent`: this morning's digest was queued before (a retried schedule, a second `digest --send`). */
export type DigestOutcome = 'sent' | 'already-sent' | 'nothing-to-say' | 'not-a-working-day';

/** Where an organisation's digest goes: whoever handles its formal stages. */
export function digestRecipients(policy: Policy, operatorEmail: string): string[] {
  return [...new Set(policy.stages.filter((s) => s.formal).map((s) => staffAddress(policy, s.handler, operatorEmail)))];
}

/**
 * One organisation's digest for the morning of `now`: on its working days only (bank holidays and closure days
 * are not), and only when there is something to say. The letter's id is the organisation and the date, so a
 * retried morning queues one digest.
 */
export async function sendDigest(deps: SendDigestDeps, policyId: string, now: DateTime): Promise<DigestOutcome> {
  const policy = deps.policies.get(policyId);
  const today = londonDate(now);
  if (!calendarFor(policy).isWorkingDay(today)) return 'not-a-working-day';
  const morning = morningOf(now);
  // Only what the digest can list (due by the week's end, or new since yesterday): never every open case whole.
  const [due, pastDue, held, restrictions] = await Promise.all([deps.cases.due(policy.id, morning.weekEnd, morning.since), deps.pendingActions.dueBefore(policy.id, today), deps.heldMail.list(policy.id), deps.cases.restrictionsToReview(policy.id, morning.weekEnd)]);
  // A closed case is projected only for its letters to post: the digest lists it there, and in no other section.
  const open = due;
  const heldLines = heldForAPerson(held);
  // Nobody is shown a complaint about themselves: recipients who may see the same cases share one digest.
  const groups = new Map<string, { recipients: string[]; cases: typeof open; actions: typeof pastDue; restrictions: typeof restrictions }>();
  for (const recipient of digestRecipients(policy, deps.sending.operatorEmail)) {
    const theirs = (about: string | undefined) => Boolean(about) && addressesOf(policy, about as string).has(recipient.toLowerCase());
    const visible = open.filter((c) => !rolesAbout(c).some(theirs));
    const actions = pastDue.filter((a) => !indexedAbout(a).some(theirs));
    const toReview = restrictions.filter((r) => !(r.aboutRoles ?? []).some(theirs));
    const key = `${visible.map((c) => c.reference).join(',')}|${actions.map((a) => `${a.reference}#${a.n}`).join(',')}|${toReview.map((r) => r.reference).join(',')}`;
    const group = groups.get(key) ?? { recipients: [], cases: visible, actions, restrictions: toReview };
    group.recipients.push(recipient);
    groups.set(key, group);
  }
  const letters = [...groups.values()].flatMap(({ recipients, cases, actions, restrictions: toReview }) => {
    const digest = buildDigest(policy, cases, now, overdueActions(policy, actions, today), heldLines, [{ heading: RESTRICTIONS_SECTION, lines: restrictionsToReview(policy, toReview, today) }]);
    if (!digest) return [];
    const key = groups.size === 1 ? today : `${today}-${recipients.join('+')}`;
    deps.log.info('digest queued', { policy: policy.id, date: today, recipients: recipients.length, lines: digest.sections.reduce((n, s) => n + s.lines.length, 0) });
    return [noticeToStaff(policy, policy.id, undefined, recipients, digestLetter(policy, digest, consoleHome(deps.sending)), 'digest', key, deps.sending)];
  });
  if (letters.length === 0) return 'nothing-to-say';
  const items = letters.map(letterItem);
  const queued = await Promise.all(items.map((item) => deps.outbox.get(item.id)));
  if (queued.every(Boolean)) return 'already-sent';
  await deps.outbox.add(items, deps.clock.now().toISOString());
  return 'sent';
}
