import { performance } from 'node:perf_hooks';

export interface Measurement {
  readonly name: string;
  readonly iterations: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Runs `work` repeatedly for about `seconds` after a warm-up, and reports operations per second.
 * `work` returns how many operations one call did, so batched work counts right.
 */
export function measure(name: string, work: () => number, seconds = 1): Measurement {
  const warmUntil = performance.now() + 200;
  while (performance.now() < warmUntil) work();
  let iterations = 0;
  const start = performance.now();
  let now = start;
  while (now - start < seconds * 1000) {
    iterations += work();
    now = performance.now();
  }
  const elapsed = (now - start) / 1000;
  return { name, iterations, seconds: elapsed, perSecond: iterations / elapsed };
}

export function report(m: Measurement, unit: string): void {
  console.log(`  ${m.name}: ${Math.round(m.perSecond).toLocaleString('en-GB')} ${unit}/s (${m.iterations} in ${m.seconds.toFixed(2)} s)`);
}

export function ratio(label: string, a: Measurement, b: Measurement): void {
  console.log(`  ${label}: ${(a.perSecond / b.perSecond).toFixed(2)}x`);
}
