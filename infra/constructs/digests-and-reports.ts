import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { House } from '../house.js';
import { RedressFunction } from '../redress-function.js';
import type { Monitoring } from './monitoring.js';
import type { Storage } from './storage.js';
import type { Timers } from './timers.js';

export interface DigestsAndReportsProps {
  readonly house: House;
  readonly storage: Storage;
  readonly timers: Timers;
  readonly monitoring: Monitoring;
  /** The London hour the morning's digests (and January's reports) go. */
  readonly digestHour: number;
}

/**
 * Staff's mornings: each organisation's digest of open cases every working morning (and the weekly look for
 * themes on the week's first), in January the year's report to the roles a policy names, and each quarter's summary
 * to the Member Responsible for Complaints, from one function on three recurring schedules. Bank holidays are skipped by
 * the function (Scheduler's cron knows no calendar), and the report goes once however often it runs.
 */
export class DigestsAndReports extends Construct {
  readonly digest: RedressFunction;

  constructor(scope: Construct, id: string, props: DigestsAndReportsProps) {
    super(scope, id);
    this.digest = new RedressFunction(this, 'DailyDigest', {
      handlerModule: 'daily-digest',
      house: props.house,
      serviceName: 'redress-daily-digest',
      description: "Each organisation's morning digest, weekly themes, quarterly summaries and January's annual reports",
      timeout: Duration.minutes(5),
    });
    this.digest.bindCases(props.storage.table);
    const hour = props.digestHour;
    props.timers.recurring('DigestSchedule', this.digest, {
      description: `Redress digests, ${hour}:00 London time, Monday to Friday (bank holidays skipped by the function)`,
      expression: `cron(0 ${hour} ? * MON-FRI *)`,
      timezone: 'Europe/London',
      input: { task: 'digests' },
      retry: { attempts: 3, maxAge: Duration.hours(1) },
    });
    props.timers.recurring('AnnualReportSchedule', this.digest, {
      description: `Redress annual reports, ${hour}:00 London time on January's weekdays; sent on the first working day, once`,
      expression: `cron(0 ${hour} ? 1 MON-FRI *)`,
      timezone: 'Europe/London',
      input: { task: 'annual-reports' },
      retry: { attempts: 3, maxAge: Duration.hours(6) },
    });
    // Scheduler's cron knows no calendar: the first working day of a quarter is within its first week (after New
    // Year's Day, Easter Monday), so the schedule runs on those weekdays and the summary goes on the first, once.
    props.timers.recurring('QuarterlySummarySchedule', this.digest, {
      description: `Redress quarterly summaries to the Member Responsible for Complaints, ${hour}:00 London time in the first seven days of January, April, July and October; sent on the first working day, once`,
      expression: `cron(0 ${hour} 1-7 1,4,7,10 ? *)`,
      timezone: 'Europe/London',
      input: { task: 'quarterly-summaries' },
      retry: { attempts: 3, maxAge: Duration.hours(6) },
    });
    props.monitoring.watchFunction('DailyDigest', this.digest);
  }
}
