import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { DateTime } from 'luxon';
import { LONDON } from '#domain/calendar/working-calendar';
import type { Timers } from '#application/ports/timers';
import { reconcileTimers } from '#adapters/timers/reconcile-timers';
import { timerPrefix, type TimerInput, type TimerSpec } from '#domain/timers/timer-plan';

export interface SchedulerTarget {
  /** The schedule group of this deployment. */
  readonly groupName: string;
  /** The deadline function schedules invoke. */
  readonly functionArn: string;
  /** The role EventBridge Scheduler assumes to invoke it. */
  readonly roleArn: string;
  /** Where an invocation that still fails after its retries is sent. */
  readonly deadLetterArn: string;
  /** How far from now a timer already due is set to fire (Scheduler refuses a time in the past). */
  readonly pastDueMarginMs: number;
  /** Scheduler's retries of a failed invocation, and for how long, before the dead-letter queue. */
  readonly retryAttempts: number;
  readonly maxEventAgeSeconds: number;
}

/**
 * One one-time schedule per timer: at() in Europe/London, no flexible window, deleted after it runs, retried,
 * and dead-lettered. Listing is by name prefix within the group: no table of schedules to drift from the truth.
 */
export class EventBridgeTimers implements Timers {
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: SchedulerTarget,
  ) {}

  reconcile(reference: string, desired: readonly TimerSpec[], now: Date): Promise<{ created: string[]; deleted: string[] }> {
    return this.names(reference).then((existing) =>
      reconcileTimers(existing, desired, { remove: (name) => this.remove(name), create: (timer) => this.create(timer, now) }),
    );
  }

  private async remove(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.target.groupName }));
    } catch (error) {
      // Already gone (it ran, and ActionAfterCompletion deleted it): that is what we wanted.
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }

  private async create(timer: TimerSpec, now: Date): Promise<void> {
    // Scheduler refuses an at() in the past: a timer already due fires as soon as it may, a margin from now.
    const soonest = DateTime.fromJSDate(now).plus({ milliseconds: this.target.pastDueMarginMs });
    const fireAt = DateTime.max(DateTime.fromISO(timer.fireAt), soonest);
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: timer.name,
          GroupName: this.target.groupName,
          ScheduleExpression: `at(${fireAt.setZone(LONDON).toFormat("yyyy-MM-dd'T'HH:mm:ss")})`,
          ScheduleExpressionTimezone: LONDON,
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: this.target.functionArn,
            RoleArn: this.target.roleArn,
            Input: JSON.stringify(timer.input),
            RetryPolicy: { MaximumRetryAttempts: this.target.retryAttempts, MaximumEventAgeInSeconds: this.target.maxEventAgeSeconds },
            DeadLetterConfig: { Arn: this.target.deadLetterArn },
          },
        }),
      );
    } catch (error) {
      // Created by an earlier attempt at this same change: the name says it is the same timer.
      if (!(error instanceof ConflictException)) throw error;
    }
  }

  async list(reference: string): Promise<TimerSpec[]> {
    const timers: TimerSpec[] = [];
    for (const name of await this.names(reference)) {
      try {
        const schedule = await this.client.send(new GetScheduleCommand({ Name: name, GroupName: this.target.groupName }));
        const at = /^at\((.+)\)$/.exec(schedule.ScheduleExpression ?? '')?.[1];
        if (!at || !schedule.Target?.Input) continue;
        timers.push({
          name,
          fireAt: DateTime.fromISO(at, { zone: schedule.ScheduleExpressionTimezone ?? LONDON }).toISO() as string,
          input: JSON.parse(schedule.Target.Input) as TimerInput,
        });
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    }
    return timers.sort((a, b) => a.fireAt.localeCompare(b.fireAt));
  }

  private async names(reference: string): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListSchedulesCommand({ GroupName: this.target.groupName, NamePrefix: timerPrefix(reference), NextToken: token }),
      );
      names.push(...(page.Schedules ?? []).map((s) => s.Name).filter((n): n is string => Boolean(n)));
      token = page.NextToken;
    } while (token);
    return names;
  }
}
