/**
 * SES's reports on letters (bounces, spam complaints, deliveries) onto their cases, over memory fakes; and the
 * SES event as EventBridge delivers it, read into those reports.
 */
import { describe, expect, it } from 'vitest';
import { recordDeliveryReport } from '#application/correspondence/record-delivery-report';
import { deliveryReportFrom, sesDeliveryEvent, tagValue } from '#adapters/ses/ses-delivery-event';
import { settingsFrom } from '#composition/settings';
import { loadConfig } from '#config/config';
import type { DeliveryReport } from '#domain/case/delivery-report';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const PAT = 'pat@example.net';

async function openCase(stack: MemoryStack): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', 'Subject: Missed bin collections'], 'My bins were not collected for three weeks.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

function record(stack: MemoryStack, reference: string | undefined, report: DeliveryReport) {
  const settings = settingsFrom(loadConfig({ REDRESS_STACK: 'local', REDRESS_OPERATOR_EMAIL: 'ops@redress.test' }));
  return recordDeliveryReport({ ...settings, cases: stack.cases, policies: stack.policies, clock: stack.clock, log: stack.log }, reference, report);
}

const bounce = (over: Partial<DeliveryReport> = {}): DeliveryReport => ({ kind: 'bounced', id: 'feedback-1', at: '2026-11-23T10:05:00.000Z', recipients: [PAT], permanent: true, reason: 'Permanent/General', ...over });

/** The case's notices waiting to go, whole (a pending listing has no letter bodies). */
async function undeliverableNotices(stack: MemoryStack, reference: string) {
  return (await stack.outbox.ofCase(reference)).filter((e) => e.status === 'pending' && e.kind === 'letter' && e.letter.purpose === 'undeliverable-notice');
}

describe('a delivery report on a case', () => {
  it("a permanent bounce of the complainant's address marks it undeliverable and tells the handler, once however often SES says it", async () => {
    const stack = memoryStack();
    const reference = await openCase(stack);
    expect(await record(stack, reference, bounce())).toBe('recorded');
    expect(await record(stack, reference, bounce())).toBe('recorded');
    const c = await stack.cases.get(reference);
    expect(c?.flags).toContain('complainant-undeliverable');
    const notices = await undeliverableNotices(stack, reference);
    expect(notices).toHaveLength(1);
    const notice = notices[0]?.kind === 'letter' ? notices[0].letter : undefined;
    expect(notice?.to).not.toContain(PAT);
    expect(notice?.text).toContain('A delivery failure came back for mail sent on this case.');
    expect(notice?.text).toContain('find another way to reach them (telephone or post)');
    const events = (await stack.cases.timeline(reference)).filter((e) => e.type === 'undeliverable');
    expect(events.map((e) => e.summary)).toEqual(['Mail to the complainant could not be delivered']);
    expect(events[0]?.detail).toMatchObject({ reason: 'Permanent/General', reportId: 'feedback-1' });
  });

  it('a bounce only for now (a full mailbox) changes nothing: SES is still trying', async () => {
    const stack = memoryStack();
    const reference = await openCase(stack);
    const before = await stack.cases.get(reference);
    expect(await record(stack, reference, bounce({ permanent: false, reason: 'Transient/MailboxFull' }))).toBe('nothing-to-record');
    expect((await stack.cases.get(reference))?.version).toBe(before?.version);
    expect(await undeliverableNotices(stack, reference)).toEqual([]);
  });

  it('a spam complaint marks the address undeliverable (SES sends it nothing more) and says why', async () => {
    const stack = memoryStack();
    const reference = await openCase(stack);
    expect(await record(stack, reference, { kind: 'marked-as-spam', id: 'feedback-2', at: '2026-11-23T11:00:00.000Z', recipients: ['Pat@Example.net'], reason: 'abuse' })).toBe('recorded');
    expect((await stack.cases.get(reference))?.flags).toContain('complainant-undeliverable');
    const [notice] = await undeliverableNotices(stack, reference);
    expect(notice?.kind === 'letter' && notice.letter.text).toContain('reported our mail on this case as spam');
  });

  it('a delivery is noted on the timeline, and a staff address bouncing is noted without marking the complainant', async () => {
    const stack = memoryStack();
    const reference = await openCase(stack);
    expect(await record(stack, reference, { kind: 'delivered', id: 'ses-1-delivery', at: '2026-11-23T10:01:00.000Z', recipients: [PAT] })).toBe('recorded');
    expect(await record(stack, reference, bounce({ id: 'feedback-3', recipients: ['old.officer@county-council.example'] }))).toBe('recorded');
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.filter((e) => e.type === 'delivered').map((e) => e.summary)).toEqual(['Mail delivered to the complainant']);
    expect(timeline.filter((e) => e.type === 'undeliverable').map((e) => e.summary)).toEqual(['Mail to old.officer@county-council.example could not be delivered']);
    expect((await stack.cases.get(reference))?.flags).not.toContain('complainant-undeliverable');
    // The operators are told, since that role is told of nothing while its address bounces.
    const [toOperators] = await undeliverableNotices(stack, reference);
    const letter = toOperators?.kind === 'letter' ? toOperators.letter : undefined;
    expect(letter?.to).toEqual(['ops@redress.test']);
    expect(letter?.subject).toBe(`[${reference}] Mail to old.officer@county-council.example could not be delivered`);
    expect(letter?.text).toContain("correct that role's noticeEmail or contact in the policy (county-council)");
  });

  it("never tells the operators of their own address bouncing, which would only bounce again", async () => {
    const stack = memoryStack();
    const reference = await openCase(stack);
    expect(await record(stack, reference, bounce({ id: 'feedback-4', recipients: ['OPS@redress.test'], reason: 'Permanent/OnAccountSuppressionList' }))).toBe('recorded');
    expect(await undeliverableNotices(stack, reference)).toEqual([]);
  });

  it('mail about no case has nothing to record it on; a case since destroyed is logged, not retried for ever', async () => {
    const stack = memoryStack();
    expect(await record(stack, undefined, bounce())).toBe('not-about-a-case');
    expect(await record(stack, 'CC-1999-0001', bounce())).toBe('case-gone');
    expect(stack.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'delivery report for a case no longer stored' }));
  });
});

describe("SES's event, as EventBridge delivers it", () => {
  const mail = { timestamp: '2026-11-23T10:00:00.000Z', messageId: '0102018f-ses-id', source: 'complaints@county-council.example', destination: [PAT], tags: { 'ses:configuration-set': ['Redress-sending'], case: ['CC-2026-0001'] } };

  it('reads a permanent bounce, a complaint and a delivery, with the case from the tag', () => {
    const bounced = sesDeliveryEvent.parse({ source: 'aws.ses', 'detail-type': 'Email Bounced', detail: { eventType: 'Bounce', mail, bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: PAT, status: '5.1.1' }], timestamp: '2026-11-23T10:00:05.000Z', feedbackId: 'fb-1' } } });
    expect(deliveryReportFrom(bounced)).toEqual({ reference: 'CC-2026-0001', report: { kind: 'bounced', id: 'fb-1', at: '2026-11-23T10:00:05.000Z', recipients: [PAT], permanent: true, reason: 'Permanent/NoEmail' } });
    const complained = sesDeliveryEvent.parse({ source: 'aws.ses', detail: { eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: PAT }], timestamp: '2026-11-24T09:00:00.000Z', feedbackId: 'fb-2', complaintFeedbackType: 'abuse' } } });
    expect(deliveryReportFrom(complained).report).toMatchObject({ kind: 'marked-as-spam', id: 'fb-2', reason: 'abuse' });
    const delivered = sesDeliveryEvent.parse({ source: 'aws.ses', detail: { eventType: 'Delivery', mail: { ...mail, tags: {} }, delivery: { recipients: [PAT], timestamp: '2026-11-23T10:00:02.000Z', smtpResponse: '250 ok' } } });
    expect(deliveryReportFrom(delivered)).toEqual({ report: { kind: 'delivered', id: '0102018f-ses-id-delivery', at: '2026-11-23T10:00:02.000Z', recipients: [PAT] } });
  });

  it('refuses what is not an SES delivery event, naming what is wrong', () => {
    expect(() => sesDeliveryEvent.parse({ source: 'aws.s3', detail: {} })).toThrow(/source/);
    expect(() => sesDeliveryEvent.parse({ source: 'aws.ses', detail: { eventType: 'Bounce', mail, bounce: { bounceType: 'Sideways', bouncedRecipients: [], timestamp: 'x', feedbackId: 'y' } } })).toThrow(/bounceType/);
  });

  it('makes tag values SES accepts from any reference', () => {
    expect(tagValue('CC-2026-0001')).toBe('CC-2026-0001');
    expect(tagValue('A/B c#1')).toBe('A_B_c_1');
  });
});
