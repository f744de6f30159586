/** The AWS metrics adapter writes CloudWatch's embedded metric format, which CloudWatch Logs turns into metrics. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('PowertoolsMetrics', () => {
  it("publishes one EMF record of what the invocation counted, in the deployment's namespace, by service", () => {
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'Redress/Test');
    vi.stubEnv('POWERTOOLS_DEV', '');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const metrics = new PowertoolsMetrics('redress-outbox-sender');
    metrics.add('LettersSent');
    metrics.add('LettersSent');
    metrics.add('OldestPendingLetterSeconds', 42);
    metrics.publish();
    const records = lines.flatMap((l) => l.split('\n')).filter((l) => l.includes('_aws')).map((l) => JSON.parse(l) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Redress/Test', Dimensions: [['service']] });
    expect(record?._aws.CloudWatchMetrics[0]?.Metrics).toEqual(expect.arrayContaining([{ Name: 'LettersSent', Unit: 'Count' }, { Name: 'OldestPendingLetterSeconds', Unit: 'Seconds' }]));
    // Two data points, which CloudWatch sums to 2 (EMF takes a list of values for one metric).
    expect(record).toMatchObject({ service: 'redress-outbox-sender', LettersSent: [1, 1], OldestPendingLetterSeconds: 42 });
  });
});
