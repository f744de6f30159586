import type { Timers } from '#application/ports/timers';
import { reconcileTimers } from '#adapters/timers/reconcile-timers';
import type { TimerSpec } from '#domain/timers/timer-plan';

/** Timers in memory: what reconciliation asked for, and when each would fire. */
export class MemoryTimers implements Timers {
  readonly timers = new Map<string, { reference: string; timer: TimerSpec }>();

  async reconcile(reference: string, desired: readonly TimerSpec[]): Promise<{ created: string[]; deleted: string[] }> {
    const existing = [...this.timers.values()].filter((t) => t.reference === reference).map((t) => t.timer.name);
    return reconcileTimers(existing, desired, {
      remove: async (name) => void this.timers.delete(name),
      create: async (timer) => void this.timers.set(timer.name, { reference, timer }),
    });
  }

  async list(reference: string): Promise<TimerSpec[]> {
    return [...this.timers.values()].filter((t) => t.reference === reference).map((t) => t.timer).sort((a, b) => a.fireAt.localeCompare(b.fireAt));
  }
}
