import { DateTime } from 'luxon';
import type { Case, CaseDeadline, TimelineEvent } from '#domain/case/case';
import { notifyAddress } from '#domain/case/route-case';
import { updateCase } from '#application/update-case';
import { closedCaseNotice, escalationNotice, reminderNotice } from '#domain/letters/deadline-notices';
import type { Letter } from '#domain/letters/letter';
import { newMessageId } from '#domain/mail/message-id';
import { calendarFor, dueDate, planDeadlines } from '#domain/planner/plan-deadlines';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { CaseStore } from '#application/ports/case-store';
import type { Log } from '#application/ports/logger';
import type { Mailer } from '#application/ports/mailer';
import type { RawMailStore } from '#application/ports/raw-mail-store';
import { destroyPersonalData } from './destroy-personal-data.js';
import { syncTimers, type TimerDeps } from './sync-timers.js';
import type { TimerInput } from '#domain/timers/timer-plan';

export interface FireDeps extends TimerDeps {
  readonly policies: PolicySet;
  readonly store: CaseStore;
  readonly mailer: Mailer;
  readonly rawMail: RawMailStore;
  readonly mailDomain: string;
  readonly log: Log;
}

export type FireOutcome = 'missing' | 'superseded' | 'already-done' | 'reminded' | 'escalated' | 'closed' | 'destroyed';

/**
 * A timer went off. The case is read again first: a deadline met, or replaced since the timer was set (its
 * deadlines version moved on), does nothing but log. Otherwise a reminder goes to the handler; a missed
 * acknowledgement, meeting or response is escalated to the handler and the role above (with a holding-letter
 * draft where the policy has one); an appeal window that ran out closes the case; a retention date destroys the
 * personal data and keeps an anonymous record.
 */
export async function fireTimer(deps: FireDeps, input: TimerInput): Promise<FireOutcome> {
  const c = await deps.store.getCase(input.reference);
  if (!c) {
    deps.log.warn('timer for a case that does not exist', { ...input });
    return 'missing';
  }
  if (c.deadlinesVersion !== input.deadlinesVersion) {
    deps.log.info('timer superseded: the deadlines changed since it was set', { ...input, deadlinesVersion: c.deadlinesVersion });
    return 'superseded';
  }
  const deadline = c.deadlines.find((d) => d.stage === input.stage && d.kind === input.kind && d.dueAt === input.dueAt);
  if (!deadline || deadline.status !== 'pending' || (input.purpose === 'reminder' && deadline.remindedAt)) {
    deps.log.info('timer with nothing left to do: the deadline was met or already handled', { ...input });
    return 'already-done';
  }
  const policy = deps.policies.get(c.policyId);
  const now = deps.now().toISOString();
  if (input.purpose === 'reminder') return remind(deps, policy, c, deadline, now);
  switch (deadline.kind) {
    case 'appeal-window':
      return closeAfterAppealWindow(deps, policy, c, deadline, now);
    case 'retention':
      await destroyPersonalData(deps, c, now);
      return 'destroyed';
    default:
      return escalate(deps, policy, c, deadline, now);
  }
}

async function remind(deps: FireDeps, policy: Policy, c: Case, deadline: CaseDeadline, now: string): Promise<FireOutcome> {
  const to = notifyAddress(policy, c.handlerRole);
  await send(deps, policy, c, [to], reminderNotice(policy, c, deadline));
  await updateCase(deps.store, c.reference, (current) => ({
    changed: { ...current, deadlines: current.deadlines.map((d) => (same(d, deadline) ? { ...d, remindedAt: now } : d)), updatedAt: now },
    events: [event(now, 'reminder', `Reminder sent to ${to}: ${deadline.kind} by ${deadline.dueDate}`, deadline)],
  }));
  return 'reminded';
}

async function escalate(deps: FireDeps, policy: Policy, c: Case, deadline: CaseDeadline, now: string): Promise<FireOutcome> {
  const handler = notifyAddress(policy, c.handlerRole);
  const above = policy.roles.find((r) => r.id === c.handlerRole)?.reportsTo;
  const recipients = [...new Set([handler, ...(above ? [notifyAddress(policy, above)] : [])])];
  const holding = deadline.kind === 'respond' ? holdingLetterDraft(policy, c, deadline) : undefined;
  await send(deps, policy, c, recipients, escalationNotice(policy, c, deadline, above, holding));
  const events: TimelineEvent[] = [event(now, 'escalated', `Missed ${deadline.kind} deadline of ${deadline.dueDate}: escalated to ${recipients.join(', ')}`, deadline)];
  if (holding) {
    events.push({
      id: `holding-letter-${deadline.stage}-${deadline.dueDate}`,
      at: now,
      type: 'note',
      actor: 'redress',
      summary: `Holding letter drafted for staff, proposing ${holding.newDate} (${holding.clause})`,
      detail: { draft: holding.text, proposedDate: holding.newDate },
    });
  }
  await updateCase(deps.store, c.reference, (current) => ({
    changed: { ...current, deadlines: current.deadlines.map((d) => (same(d, deadline) ? { ...d, status: 'missed' as const } : d)), updatedAt: now },
    events,
  }));
  return 'escalated';
}

async function closeAfterAppealWindow(deps: FireDeps, policy: Policy, c: Case, deadline: CaseDeadline, now: string): Promise<FireOutcome> {
  const closed = await updateCase(deps.store, c.reference, (current) => {
    const retention = planDeadlines(policy, current.stage, 'closed', DateTime.fromISO(now)).map((d) => ({ ...d, stage: current.stage, status: 'pending' as const }));
    return {
      changed: {
        ...current,
        status: 'closed',
        closedAt: now,
        deadlines: [...current.deadlines.map((d) => (same(d, deadline) ? { ...d, status: 'lapsed' as const } : d)), ...retention],
        deadlinesVersion: current.deadlinesVersion + 1,
        updatedAt: now,
      },
      events: [
        event(now, 'closed', `Closed: no appeal by ${deadline.dueDate}, the end of the appeal window (${deadline.clause})`, deadline),
        ...(retention.length ? [event(now, 'deadlines-set', `Retention: records to be destroyed on ${retention.map((r) => r.dueDate).join(', ')}`, deadline)] : []),
      ],
    };
  });
  await send(deps, policy, closed, [notifyAddress(policy, closed.handlerRole)], closedCaseNotice(policy, closed, deadline));
  await syncTimers(deps, policy, closed);
  return 'closed';
}

/** The policy's holding letter (Not Alone Mentoring 7.5), drafted with a new date for staff to agree. */
function holdingLetterDraft(policy: Policy, c: Case, deadline: CaseDeadline): { text: string; newDate: string; clause: string } | undefined {
  const stage = policy.stages.find((s) => s.id === deadline.stage);
  const rule = stage?.deadlines.find((d) => d.kind === 'respond');
  if (!stage?.holdingLetter || !rule) return undefined;
  const newDate = dueDate(calendarFor(policy), deadline.dueDate, rule.amount, rule.unit);
  const when = DateTime.fromISO(newDate).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
  const who = c.confidential || c.complainant.anonymous ? 'complainant' : (c.complainant.name ?? 'complainant');
  const text = [
    `Dear ${who},`,
    `Your complaint ${c.reference}: we are still looking into it. It is taking longer than we said because [reason, to be completed by staff].`,
    `We will send you our full response by ${when}.`,
    `Yours sincerely,\n${policy.organisation.name}`,
  ].join('\n\n');
  return { text, newDate, clause: stage.holdingLetter.clause };
}

async function send(deps: FireDeps, policy: Policy, c: Case, to: string[], letter: Letter): Promise<void> {
  await deps.mailer.send({
    from: { address: policy.intake.addresses[0] as string, name: 'Redress' },
    to,
    ...letter,
    messageId: newMessageId(c.reference, deps.mailDomain),
    autoSubmitted: 'auto-generated',
  });
}

function same(a: CaseDeadline, b: CaseDeadline): boolean {
  return a.stage === b.stage && a.kind === b.kind && a.dueAt === b.dueAt;
}

function event(now: string, type: TimelineEvent['type'], summary: string, deadline: CaseDeadline): TimelineEvent {
  return {
    id: `${type}-${deadline.stage}-${deadline.kind}-${deadline.dueDate}`,
    at: now,
    type,
    actor: 'redress',
    summary,
    detail: { stage: deadline.stage, kind: deadline.kind, dueDate: deadline.dueDate, clause: deadline.clause },
  };
}

