import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Config } from '#config/config';
import { traced } from './tracing.js';

/** EventBridge Scheduler, for deadline timers on AWS (one client to a module: see cases-table.ts). */
export function schedulerClient(config: Config): SchedulerClient {
  return traced(new SchedulerClient({ region: config.AWS_REGION }));
}
