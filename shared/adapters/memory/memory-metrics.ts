import type { MetricName, Metrics } from '#application/ports/metrics';

/** Metrics kept in memory: what tests assert, and what `npm start` counts (there is no CloudWatch locally). */
export class MemoryMetrics implements Metrics {
  readonly totals = new Map<MetricName, number>();
  readonly last = new Map<MetricName, number>();

  add(name: MetricName, value = 1): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + value);
    this.last.set(name, value);
  }

  total(name: MetricName): number {
    return this.totals.get(name) ?? 0;
  }
}
