import type { DateTime } from 'luxon';
import { londonDate } from '#domain/calendar/london-date';
import { dateInWords } from '#domain/letters/dates-in-words';
import { letterFor } from '#domain/letters/complainant-letter';
import { serviceRequestDoneFacts, serviceRequestFacts } from '#domain/letters/service-request-letters';
import { calendarFor, dueDate } from '#domain/planner/plan-deadlines';
import { clauseInWords } from '#domain/policy/clause-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { ServiceRequestsRule } from '#domain/policy/service-requests-schema';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { entryStage } from '../route-case.js';
import { isServiceRequestOnly, type ServiceRequestStep } from '../service-request.js';
import { change, event, iso, requireOpen, type ActionContext } from './action-kit.js';
import { closed } from './close-case.js';

/** The policy's rule for service requests, or a refusal saying the policy has none. */
export function serviceRequestRule(policy: Policy): ServiceRequestsRule {
  const rule = policy.serviceRequests;
  if (!rule) throw new ActionRefusedError(`${policy.organisation.name}'s policy has no service requests: handle it as a complaint, or resolve it early where the policy allows`);
  return rule;
}

/** The day a service request recorded at `at` should be dealt with by, where the policy sets a target. */
export function serviceRequestTarget(policy: Policy, at: DateTime): string | undefined {
  const target = policy.serviceRequests?.target;
  return target ? dueDate(calendarFor(policy), londonDate(at), target.amount, target.unit) : undefined;
}

/** Staff's words for a step, bounded; a refusal naming the field when empty. */
function words(text: string, what: string, input: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new ActionRefusedError(what, { input });
  return boundText(trimmed, TEXT_BOUNDS.detail);
}

/**
 * `case service-request REF --asked TEXT`: a contact recorded, or an open case turned, into a service request
 * (LGSCO 1.2; the council's "Matters not previously notified ... a service request"): not a complaint, so the
 * complaint's deadlines end, and it is not counted as one; what was asked is in staff's words (the letter says it
 * back). The person gets a letter saying what happens next, by when where the policy sets a target, and that they
 * can still complain, and how. Only before any decision, at the stage a complaint comes in at.
 */
export function recordServiceRequest(policy: Policy, c: Case, asked: string, ctx: ActionContext): CaseChange {
  const rule = serviceRequestRule(policy);
  requireOpen(c, 'record it as a service request');
  if (c.serviceRequest) throw new ActionRefusedError(`${c.reference} is already recorded as a service request${c.serviceRequest.becameComplaint ? ' that became a complaint' : ''}`);
  if ((c.outcomes ?? []).length > 0 || c.outcome) throw new ActionRefusedError(`${c.reference} already has a decision on the complaint: it cannot become a service request`);
  if (c.stage !== entryStage(policy).id) throw new ActionRefusedError(`${c.reference} has moved past the stage a complaint starts at: it cannot become a service request`);
  const what = words(asked, 'say what the person asked us to do, in a sentence: the letter tells them', 'asked');
  const targetDate = serviceRequestTarget(policy, ctx.at);
  const at = iso(ctx.at);
  const request: Case = {
    ...c,
    recordedAsComplaint: false,
    // Not a complaint: none of its deadlines run (a later complaint plans them again, from the date the policy says).
    deadlines: c.deadlines.map((d) => (d.status === 'pending' ? { ...d, status: 'closed' as const } : d)),
    serviceRequest: { firstContactAt: c.receivedAt, recordedAt: at, recordedBy: ctx.actor, asked: what, ...(targetDate ? { targetDate } : {}), steps: [] },
  };
  const target = targetDate ? `; to be dealt with by ${dateInWords(targetDate)} (${rule.target ? clauseInWords(rule.target.clause) : ''})` : '';
  return change(
    request,
    [event(ctx.at, 'service-request', ctx.actor, `Recorded as a service request, not a complaint (${clauseInWords(rule.clause)}): ${what}${target}`, { asked: what, ...(targetDate ? { targetDate } : {}) }, `service-request-${at}`)],
    true,
    letterFor(policy, request, serviceRequestFacts(policy, request, ctx.sending), 'recorded', at, ctx.sending),
  );
}

function openRequest(c: Case, action: string): NonNullable<Case['serviceRequest']> {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; nothing more can be done to it`);
  const sr = c.serviceRequest;
  if (!sr) throw new ActionRefusedError(`${c.reference} is not a service request: to ${action}, record it as one first (case service-request)`);
  if (sr.done) throw new ActionRefusedError(`${c.reference}'s service request was dealt with on ${dateInWords(londonDate(sr.done.at))}`);
  return sr;
}

/** `case service-request-step REF TEXT`: what was done so far on a service request, for staff (no letter). */
export function recordServiceRequestStep(c: Case, text: string, ctx: ActionContext): CaseChange {
  const sr = openRequest(c, 'record a step');
  const step: ServiceRequestStep = { at: iso(ctx.at), by: ctx.actor, text: words(text, 'say what was done', 'text') };
  return change({ ...c, serviceRequest: { ...sr, steps: [...sr.steps, step] } }, [event(ctx.at, 'service-request-step', ctx.actor, `Service request: ${step.text}`, { text: step.text })], false);
}

/**
 * `case service-request-done REF --done TEXT`: the service request is dealt with. The person is told what was done
 * and, unless they have already complained, that they can still complain and how. A request that is not a complaint
 * then closes (its retention clock starts); one the person complained about stays open as the complaint it became.
 */
export function serviceRequestDone(policy: Policy, c: Case, text: string, ctx: ActionContext): CaseChange {
  const sr = openRequest(c, 'record it as dealt with');
  const done: ServiceRequestStep = { at: iso(ctx.at), by: ctx.actor, text: words(text, 'say what was done: the letter tells the person', 'done') };
  const dealt: Case = { ...c, serviceRequest: { ...sr, done } };
  const ending = isServiceRequestOnly(c) && c.status !== 'closed' ? closed(policy, dealt, 'service-request', ctx.at) : { case: dealt, events: [] };
  const late = sr.targetDate && londonDate(ctx.at) > sr.targetDate ? ` (after its target, ${dateInWords(sr.targetDate)})` : '';
  return change(
    ending.case,
    [event(ctx.at, 'service-request-done', ctx.actor, `Service request dealt with${late}: ${done.text}`, { text: done.text, ...(sr.targetDate ? { targetDate: sr.targetDate } : {}) }), ...ending.events],
    ending.events.length > 0 || ending.case.status !== c.status,
    letterFor(policy, ending.case, serviceRequestDoneFacts(policy, ending.case, ctx.sending), 'done', iso(ctx.at), ctx.sending),
  );
}
