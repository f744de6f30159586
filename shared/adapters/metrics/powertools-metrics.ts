import { Metrics as PowertoolsMetricsClient, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricName, Metrics } from '#application/ports/metrics';

const UNITS: Record<MetricName, (typeof MetricUnit)[keyof typeof MetricUnit]> = {
  CasesOpened: MetricUnit.Count,
  LettersSent: MetricUnit.Count,
  LettersGivenUp: MetricUnit.Count,
  DeadlinesMissed: MetricUnit.Count,
  OldestPendingLetterSeconds: MetricUnit.Seconds,
};

/**
 * Metrics in CloudWatch's embedded metric format, through Powertools: written to the function's log at the end of
 * each invocation (`publish`), namespace from POWERTOOLS_METRICS_NAMESPACE, one dimension: the service.
 */
export class PowertoolsMetrics implements Metrics {
  readonly client: PowertoolsMetricsClient;

  constructor(serviceName: string) {
    this.client = new PowertoolsMetricsClient({ serviceName });
  }

  add(name: MetricName, value = 1): void {
    this.client.addMetric(name, UNITS[name], value);
  }

  /** Writes what this invocation counted. */
  publish(): void {
    this.client.publishStoredMetrics();
  }

  /** Does an invocation's work, then publishes what it counted, whether the work succeeded or failed. */
  async publishedAfter<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.publish();
    }
  }
}
