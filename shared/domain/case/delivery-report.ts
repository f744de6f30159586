import { noticeToStaff, type Sending } from '#domain/letters/addressing';
import { staffUndeliverableNotice, undeliverableNotice } from '#domain/letters/staff-notices';
import type { Policy } from '#domain/policy/policy-schema';
import type { CaseChange } from './case-change.js';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Case, TimelineEvent } from './case.js';
import { noticeAddress } from './route-case.js';
import { timelineEvent } from './timeline-event.js';

/**
 * What the mail service said of a letter it sent on a case: delivered to the recipient's mail server, bounced
 * (permanently, or for now and still being retried), or reported by the recipient as spam. `id` is the service's
 * own for this report, so that hearing it again changes nothing.
 */
export interface DeliveryReport {
  readonly kind: 'delivered' | 'bounced' | 'marked-as-spam';
  readonly id: string;
  readonly at: string;
  readonly recipients: readonly string[];
  /** For a bounce: whether the address is gone (no such mailbox) rather than, for now, full or unreachable. */
  readonly permanent?: boolean;
  /** The mail service's words for it, for the timeline ("Permanent/General"). */
  readonly reason?: string;
}

/**
 * What a delivery report changes on the case. A letter delivered is noted on the timeline. The complainant's
 * address bouncing for good, or their marking our mail as spam (after which the mail service sends them nothing
 * more), marks the address undeliverable, so no further letter is tried, and tells the handler to reach them
 * another way. A staff address bouncing is noted on the case and the operators are told, since a role whose
 * notices bounce is told of nothing (never when it is the operators' own address, which would only bounce again).
 * A bounce that is only for now changes nothing: the mail service is still trying.
 */
export function recordDeliveryReport(policy: Policy, c: Case, report: DeliveryReport, sending: Sending, now: string): CaseChange | undefined {
  const complainant = c.complainant.email?.toLowerCase();
  const toComplainant = complainant !== undefined && report.recipients.some((r) => r.toLowerCase() === complainant);
  const who = toComplainant ? 'the complainant' : report.recipients.join(', ');
  const detail = { recipients: [...report.recipients], ...(report.reason ? { reason: report.reason } : {}), reportId: report.id };
  // What every report changes: the timeline, and any letters it owes; the case itself only as given.
  const noted = (event: TimelineEvent, letters: LetterToSend[] = [], changed: Case = c): CaseChange => ({ case: { ...changed, updatedAt: now }, events: [event], letters, threadKeys: [], deadlinesChanged: false });
  if (report.kind === 'delivered') {
    return noted(timelineEvent({ id: `delivered-${report.id}`, at: report.at, type: 'delivered', actor: 'mail service', summary: `Mail delivered to ${who}`, detail }));
  }
  if (report.kind === 'bounced' && !report.permanent) return undefined;
  const summary = report.kind === 'bounced' ? `Mail to ${who} could not be delivered` : `Mail to ${who} was reported as spam; no more will be sent to that address`;
  const event = timelineEvent({ id: `undeliverable-${report.id}`, at: report.at, type: 'undeliverable', actor: 'mail service', summary, detail });
  if (!toComplainant) {
    const operator = sending.operatorEmail.toLowerCase();
    const staff = report.recipients.filter((r) => r.toLowerCase() !== operator);
    const letters = staff.map((address, i) =>
      noticeToStaff(policy, c.reference, c.reference, [sending.operatorEmail], staffUndeliverableNotice(policy, c.reference, address, report.reason), 'undeliverable-notice', `${report.id.slice(0, 28)}-${i}`, sending),
    );
    return noted(event, letters);
  }
  if (c.flags.includes('complainant-undeliverable')) return noted(event);
  const changed: Case = { ...c, flags: [...c.flags, 'complainant-undeliverable'] };
  const notice = noticeToStaff(policy, c.reference, c.reference, [noticeAddress(policy, c, c.handlerRole, sending.operatorEmail)], undeliverableNotice(policy, changed, sending, report.kind), 'undeliverable-notice', report.id.slice(0, 32), sending);
  return noted(event, [notice], changed);
}
