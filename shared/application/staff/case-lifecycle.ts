import { DateTime } from 'luxon';
import { endOfLondonDay, planDeadlines } from '#domain/planner/plan-deadlines';
import { UnknownPolicyItemError } from '#domain/policy/policy-errors';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import type { CaseStore } from '#application/ports/case-store';
import { syncTimers, type TimerDeps } from '#application/deadlines/sync-timers';
import { CaseWork } from '#application/intake/case-work';
import type { Log } from '#application/ports/logger';
import type { Mailer } from '#application/ports/mailer';
import type { Case, CaseDeadline, TimelineEvent } from '#domain/case/case';
import { handlerFor } from '#domain/case/route-case';
import { mustGetCase, updateCase } from '#application/update-case';

export interface LifecycleDeps extends TimerDeps {
  readonly policies: PolicySet;
  readonly store: CaseStore;
  readonly mailer: Mailer;
  readonly mailDomain: string;
  readonly log: Log;
}

/** A change staff asked for that the case's state does not allow: says what and why. */
export class CaseStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseStateError';
  }
}

export type Decision = 'upheld' | 'partly-upheld' | 'not-upheld';

/**
 * What staff do to a case over its life. Each change is one conditional write with its timeline events, and
 * whenever the deadlines change the timers are made to match.
 */
export class CaseLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  /**
   * The signed complaint arrived: the clock the policy holds for it starts now (Not Alone Mentoring 6.4), and
   * the complainant is acknowledged at once by email where that is possible.
   */
  async recordSignature(reference: string, at: DateTime, actor: string): Promise<Case> {
    return this.change(reference, (c, policy) => {
      if (c.signed) throw new CaseStateError(`${reference} is already signed`);
      const planned = c.status === 'awaiting-signature' ? plan(policy, c.stage, 'received', at).filter((d) => !c.deadlines.some((x) => x.stage === d.stage && x.kind === d.kind)) : [];
      return {
        changed: { ...c, signed: true, status: c.status === 'awaiting-signature' ? 'open' : c.status, deadlines: [...c.deadlines, ...planned] },
        events: [timelineEvent(at, 'signed', actor, 'Signed complaint received'), ...deadlinesSet(at, c.stage, planned)],
        deadlinesChanged: planned.length > 0,
      };
    }, (saved, policy) => new CaseWork(this.deps, policy).acknowledgeOpenDeadline(saved));
  }

  /** Staff did what a deadline asked (acknowledged, met the complainant, responded): it stops being chased. */
  async markMet(reference: string, kind: string, at: DateTime, actor: string): Promise<Case> {
    return this.change(reference, (c) => {
      const open = c.deadlines.find((d) => d.kind === kind && d.stage === c.stage && (d.status === 'pending' || d.status === 'missed'));
      if (!open) throw new CaseStateError(`${reference} has no open ${kind} deadline at ${c.stage}`);
      return {
        changed: { ...c, deadlines: c.deadlines.map((d) => (d === open ? { ...d, status: 'met' as const } : d)), ...(kind === 'acknowledge' ? { acknowledgedAt: at.toISO() as string } : {}) },
        events: [timelineEvent(at, kind === 'acknowledge' ? 'acknowledged' : 'note', actor, `${kind} done (due ${open.dueDate}${open.status === 'missed' ? ', late' : ''})`, { kind, dueDate: open.dueDate })],
        deadlinesChanged: false,
      };
    });
  }

  /** The case moves to another stage (an appeal, a review): the old stage's open deadlines close, the new stage's start. */
  async changeStage(reference: string, stageId: string, at: DateTime, actor: string): Promise<Case> {
    return this.change(reference, (c, policy) => {
      const stage = policy.stages.find((s) => s.id === stageId);
      if (!stage) throw new UnknownPolicyItemError('stage', stageId, policy.stages.map((s) => s.id));
      if (c.status === 'closed') throw new CaseStateError(`${reference} is closed; it cannot change stage`);
      if (stageId === c.stage) throw new CaseStateError(`${reference} is already at ${stageId}`);
      const planned = plan(policy, stageId, 'received', at);
      const closedOut = c.deadlines.map((d) => (d.status === 'pending' && d.kind !== 'retention' ? { ...d, status: 'met' as const } : d));
      return {
        changed: { ...c, stage: stageId, handlerRole: handlerFor(policy, stageId, c.about), deadlines: [...closedOut, ...planned] },
        events: [timelineEvent(at, 'stage-changed', actor, `Moved from ${c.stage} to ${stageId}`, { from: c.stage, to: stageId }), ...deadlinesSet(at, stageId, planned)],
        deadlinesChanged: true,
      };
    });
  }

  /** More time, agreed with the complainant where the policy allows (Connected Together 2.4, Alumot 2.6). */
  async extendDeadline(reference: string, kind: string, newDate: string, reason: string, at: DateTime, actor: string): Promise<Case> {
    return this.change(reference, (c) => {
      const current = c.deadlines.find((d) => d.kind === kind && d.status === 'pending' && d.stage === c.stage);
      if (!current) throw new CaseStateError(`${reference} has no pending ${kind} deadline at ${c.stage}`);
      if (newDate <= current.dueDate) throw new CaseStateError(`the new date ${newDate} must be after the current one, ${current.dueDate}`);
      const extended: CaseDeadline = { ...current, dueDate: newDate, dueAt: endOfLondonDay(newDate), rule: `extended from ${current.dueDate}: ${reason}` };
      return {
        changed: { ...c, deadlines: c.deadlines.map((d) => (d === current ? extended : d)) },
        events: [timelineEvent(at, 'extended', actor, `${kind} deadline extended from ${current.dueDate} to ${newDate}: ${reason}`, { kind, from: current.dueDate, to: newDate, reason })],
        deadlinesChanged: true,
      };
    });
  }

  /** The stage's outcome was sent: its response deadlines are met, and the windows it opens start (appeal, outside bodies). */
  async recordOutcome(reference: string, decision: Decision, at: DateTime, actor: string): Promise<Case> {
    return this.change(reference, (c, policy) => {
      if (c.status !== 'open') throw new CaseStateError(`${reference} is ${c.status}; record an outcome on an open case`);
      const planned = plan(policy, c.stage, 'outcome', at);
      const met = c.deadlines.map((d) => (d.status === 'pending' && d.stage === c.stage ? { ...d, status: 'met' as const } : d));
      return {
        changed: { ...c, outcome: { decision, at: at.toISO() as string, stage: c.stage }, deadlines: [...met, ...planned] },
        events: [timelineEvent(at, 'outcome', actor, `Outcome at ${c.stage}: ${decision}`, { decision }), ...deadlinesSet(at, c.stage, planned)],
        deadlinesChanged: true,
      };
    });
  }

  /** The case is closed: what is still open ends, and the retention clock starts. */
  async close(reference: string, at: DateTime, actor: string): Promise<Case> {
    return this.change(reference, (c, policy) => {
      if (c.status === 'closed') throw new CaseStateError(`${reference} is already closed`);
      const planned = plan(policy, c.stage, 'closed', at);
      const ended = c.deadlines.map((d) => (d.status === 'pending' ? { ...d, status: (d.kind.endsWith('window') ? 'lapsed' : 'met') as CaseDeadline['status'] } : d));
      return {
        changed: { ...c, status: 'closed', closedAt: at.toISO() as string, deadlines: [...ended, ...planned] },
        events: [timelineEvent(at, 'closed', actor, 'Case closed'), ...deadlinesSet(at, c.stage, planned)],
        deadlinesChanged: true,
      };
    });
  }

  private async change(
    reference: string,
    apply: (c: Case, policy: Policy) => { changed: Case; events: TimelineEvent[]; deadlinesChanged: boolean },
    /** What follows the change before the timers are set (an acknowledgement that meets a new deadline). */
    then?: (saved: Case, policy: Policy) => Promise<Case>,
  ): Promise<Case> {
    const first = await mustGetCase(this.deps.store, reference);
    const policy = this.deps.policies.get(first.policyId);
    const saved = await updateCase(this.deps.store, reference, (current) => {
      const { changed, events, deadlinesChanged } = apply(current, policy);
      return {
        changed: { ...changed, updatedAt: this.deps.now().toISOString(), deadlinesVersion: current.deadlinesVersion + (deadlinesChanged ? 1 : 0) },
        events,
      };
    }, first);
    const final = then ? await then(saved, policy) : saved;
    await syncTimers(this.deps, policy, final);
    return final;
  }
}

function plan(policy: Policy, stage: string, event: string, at: DateTime): CaseDeadline[] {
  return planDeadlines(policy, stage, event, at).map((d) => ({ ...d, stage, status: 'pending' as const }));
}

function timelineEvent(at: DateTime, type: TimelineEvent['type'], actor: string, summary: string, detail?: Record<string, unknown>): TimelineEvent {
  const iso = at.toUTC().toISO() as string;
  return { id: `${type}-${iso}`, at: iso, type, actor, summary, ...(detail ? { detail } : {}) };
}

function deadlinesSet(at: DateTime, stage: string, planned: CaseDeadline[]): TimelineEvent[] {
  if (planned.length === 0) return [];
  return [
    timelineEvent(at, 'deadlines-set', 'redress', `Deadlines set for ${stage}: ${planned.map((d) => `${d.kind} ${d.dueDate}`).join(', ')}`, {
      deadlines: planned.map((d) => ({ kind: d.kind, dueDate: d.dueDate, clause: d.clause })),
    }),
  ];
}
