/**
 * The EventBridge Scheduler adapter, driven by real case changes on DynamoDB Local. Scheduler has no local server,
 * so it is mocked with aws-sdk-client-mock (keeping the schedules it was asked for), and every request is asserted.
 */
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventBridgeTimers } from '#adapters/scheduler/eventbridge-timers';
import { SCHEDULER_ENV } from '#tests/support/scheduler-env';
import { complaintEmail, deliver } from '#tests/support/deliver';
import { testStack, type TestStack } from '#tests/support/test-stack';

const scheduler = mockClient(SchedulerClient);
const schedules = new Map<string, CreateScheduleCommandInput>();
const GROUP = SCHEDULER_ENV.REDRESS_SCHEDULE_GROUP;
// The case was received on Monday 23 November 2026; the operations happen "now", well before its deadlines.
const NOW = new Date('2026-11-23T12:00:00Z');

let stack: TestStack;

beforeAll(async () => {
  const timers = new EventBridgeTimers(new SchedulerClient({ region: 'eu-west-2' }), {
    groupName: GROUP,
    functionArn: SCHEDULER_ENV.REDRESS_DEADLINE_FUNCTION_ARN,
    roleArn: SCHEDULER_ENV.REDRESS_SCHEDULER_ROLE_ARN,
    deadLetterArn: SCHEDULER_ENV.REDRESS_TIMER_DLQ_ARN,
    pastDueMarginMs: 60_000,
    retryAttempts: 10,
    maxEventAgeSeconds: 86_400,
  });
  stack = await testStack({}, { timers, start: NOW.toISOString() });
});

/** A staff action, then the outbox sender carries out its timer intent (as the stream-driven function would). */
async function act<T>(action: Promise<T>): Promise<T> {
  const result = await action;
  await stack.sendLetters();
  return result;
}
const at = DateTime.fromISO('2026-11-23T12:00:00Z');

beforeEach(() => {
  scheduler.reset();
  scheduler.on(ListSchedulesCommand).callsFake((input: { NamePrefix: string }) => ({
    Schedules: [...schedules.keys()].filter((n) => n.startsWith(input.NamePrefix)).map((Name) => ({ Name })),
  }));
  scheduler.on(CreateScheduleCommand).callsFake((input: CreateScheduleCommandInput) => {
    schedules.set(input.Name as string, input);
    return { ScheduleArn: `arn:aws:scheduler:eu-west-2:123456789012:schedule/${GROUP}/${input.Name}` };
  });
  scheduler.on(DeleteScheduleCommand).callsFake((input: { Name: string }) => {
    schedules.delete(input.Name);
    return {};
  });
});

const created = () => scheduler.commandCalls(CreateScheduleCommand).map((c) => [c.args[0].input.Name, c.args[0].input.ScheduleExpression]);
const deleted = () => scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input);

async function newCase(to: string): Promise<string> {
  const [outcome] = await deliver(stack, complaintEmail({ to }).raw, { receivedAt: '2026-11-23T10:00:00Z' });
  if (outcome?.kind !== 'case-opened') throw new Error(JSON.stringify(outcome));
  return outcome.reference;
}

describe('EventBridge Scheduler requests', () => {
  it('a Not Alone Mentoring case: no timer until it is signed; signing acknowledges it by email and moves it on, so only the investigation is timed', async () => {
    const reference = await newCase('not.alone.mentoring@gmail.com');
    expect(created()).toEqual([]);
    scheduler.resetHistory();
    const signed = await act(stack.useCases.staff.sign({ reference, at, actor: 'staff' }));
    expect(signed.deadlines.map((d) => [d.kind, d.dueDate, d.status])).toEqual([
      ['acknowledge', '2026-11-26', 'met'],
      ['meet', '2026-12-02', 'pending'],
      ['respond', '2026-12-07', 'pending'],
    ]);
    expect(scheduler.commandCalls(ListSchedulesCommand).map((c) => c.args[0].input)).toEqual([{ GroupName: GROUP, NamePrefix: `${reference}.` }]);
    expect(created()).toEqual([
      [`${reference}.v2.stage-2.meet`, 'at(2026-12-03T00:00:00)'],
      [`${reference}.v2.stage-2.respond`, 'at(2026-12-08T00:00:00)'],
      [`${reference}.v2.stage-2.respond.remind`, 'at(2026-12-03T09:00:00)'],
    ]);
  });

  it('an outcome deletes the stage timers; the next stage creates its own', async () => {
    const reference = await newCase('complaints@county-council.example');
    scheduler.resetHistory();
    await act(stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'We looked at the records and found the sessions ran as booked.', remedies: [], actions: [], at, actor: 'manager' }));
    expect(deleted()).toEqual([
      { Name: `${reference}.v1.stage-1.respond`, GroupName: GROUP },
      { Name: `${reference}.v1.stage-1.respond.remind`, GroupName: GROUP },
      { Name: `${reference}.v1.stage-1.respond-max`, GroupName: GROUP },
    ]);
    expect(created()).toEqual([]);
    scheduler.resetHistory();
    // The complainant's email address came with the complaint, so the stage-two acknowledgement goes at once and
    // meets its deadline: only the response is timed.
    await act(stack.useCases.staff.escalate({ reference, at, actor: 'officer' }));
    // Stage two: acknowledge in 3 working days (Thu 26 Nov), respond in 20 (Mon 21 Dec).
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toEqual({
      Name: `${reference}.v3.stage-2.respond`,
      GroupName: GROUP,
      ScheduleExpression: 'at(2026-12-22T00:00:00)',
      ScheduleExpressionTimezone: 'Europe/London',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: SCHEDULER_ENV.REDRESS_DEADLINE_FUNCTION_ARN,
        RoleArn: SCHEDULER_ENV.REDRESS_SCHEDULER_ROLE_ARN,
        Input: JSON.stringify({ reference, stage: 'stage-2', kind: 'respond', dueAt: '2026-12-21T23:59:59.999+00:00', deadlinesVersion: 3, purpose: 'deadline' }),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
        DeadLetterConfig: { Arn: SCHEDULER_ENV.REDRESS_TIMER_DLQ_ARN },
      },
    });
    expect(created()).toEqual([
      [`${reference}.v3.stage-2.respond`, 'at(2026-12-22T00:00:00)'],
      [`${reference}.v3.stage-2.respond.remind`, 'at(2026-12-17T09:00:00)'],
    ]);
  });

  it('an extension replaces the timers with ones for the new date', async () => {
    const reference = await newCase('Shaked@alumot.uk');
    scheduler.resetHistory();
    await act(stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2027-01-29', reason: 'complex: more witnesses (2.6)', at, actor: 'staff' }));
    expect(deleted().map((d) => d.Name)).toEqual([`${reference}.v1.stage-1.respond`, `${reference}.v1.stage-1.respond.remind`]);
    // Friday 29 January 2027; the reminder two working days before, Wednesday 27 January.
    expect(created()).toEqual([
      [`${reference}.v2.stage-1.respond`, 'at(2027-01-30T00:00:00)'],
      [`${reference}.v2.stage-1.respond.remind`, 'at(2027-01-27T09:00:00)'],
    ]);
  });

  it('closure deletes the open timers and sets the retention timer (Not Alone Mentoring: six years)', async () => {
    const reference = await newCase('not.alone.mentoring@gmail.com');
    // Signing acknowledges it, and the policy moves it on to investigation by itself (7.1).
    await act(stack.useCases.staff.sign({ reference, at, actor: 'staff' }));
    scheduler.resetHistory();
    await act(stack.useCases.staff.close({ category: 'other', reference, at, actor: 'staff' }));
    // Stage two had a meeting (7 working days, 2 December) and a response (10, 7 December) with its reminder.
    expect(deleted().map((d) => d.Name)).toEqual([`${reference}.v2.stage-2.meet`, `${reference}.v2.stage-2.respond`, `${reference}.v2.stage-2.respond.remind`]);
    expect(created()).toEqual([[`${reference}.v3.stage-2.retention`, 'at(2032-11-24T00:00:00)']]);
  });

  it('a timer that exists already (ConflictException) and one already gone (ResourceNotFoundException) are not errors', async () => {
    const reference = await newCase('Shaked@alumot.uk');
    scheduler.resetHistory();
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    scheduler.on(DeleteScheduleCommand).rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));
    const changed = await act(stack.useCases.staff.extend({ reference, kind: 'respond', newDate: '2027-02-26', reason: 'agreed with the complainant', at, actor: 'staff' }));
    expect(changed.deadlinesVersion).toBe(2);
    expect(deleted()).toHaveLength(2);
    expect(created()).toHaveLength(2);
  });

  it('a deadline already past is set to fire a minute from now (Scheduler refuses a time in the past), and firing escalates it', async () => {
    const reference = await newCase('complaints@county-council.example');
    scheduler.resetHistory();
    // Staff enter a phone complaint taken long ago, with no email address: its acknowledgement deadline is already over.
    const old = await stack.useCases.staff.open({ policyId: 'county-council', at: DateTime.fromISO('2026-10-01T09:00:00Z'), actor: 'staff', name: 'Pat Phone', phone: '01632 960000', summary: 'The bins were not collected.', channel: 'phone', confidential: false });
    await stack.sendLetters();
    void reference;
    expect(created()).toContainEqual([`${old.reference}.v1.stage-1.acknowledge`, 'at(2026-11-23T12:01:00)']);
    const timer = schedules.get(`${old.reference}.v1.stage-1.acknowledge`);
    expect(await stack.useCases.fireTimer(JSON.parse(timer?.Target?.Input as string))).toBe('escalated');
    const c = await stack.cases.get(old.reference);
    expect(c?.deadlines.find((d) => d.stage === 'stage-1' && d.kind === 'acknowledge')?.status).toBe('missed');
    expect((await stack.cases.timeline(old.reference)).some((e) => e.type === 'escalated')).toBe(true);
  });
});
