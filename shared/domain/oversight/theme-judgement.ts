/** The rule's settings (policy `oversight.themes`, defaults in oversight-schema.ts). */
export interface ThemeRule {
  readonly deviations: number;
  readonly minimumCount: number;
}

/** What is usual for one thing over the earlier 30-day windows: the mean, and the lowest and highest seen. */
export interface Usual {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly windows: number;
}

export interface Judgement {
  readonly count: number;
  readonly usual: Usual;
  /** The count above which it is raised: mean + deviations x spread, never below the minimum count. */
  readonly above: number;
  readonly raised: boolean;
}

/**
 * Whether one thing's count in the last 30 days is well above its usual, judged against the same 30-day window
 * over the months before (`baseline`, one count per earlier window):
 *
 *   raised when count >= minimumCount and count > mean + deviations x max(standard deviation, sqrt(mean))
 *
 * The standard deviation says how much this organisation's counts really move; the square root of the mean is the
 * spread of a Poisson count with that mean, the least variation counts of independent complaints have, so a
 * year that happened to be steady (4, 4, 4, ...) does not make 6 a theme. The minimum count keeps small numbers
 * quiet: 2 where there is usually none is chance, not a theme. A thing never seen before is raised once its count
 * reaches the minimum.
 */
export function judgeCount(count: number, baseline: readonly number[], rule: ThemeRule): Judgement {
  const windows = baseline.length;
  const mean = windows ? baseline.reduce((a, b) => a + b, 0) / windows : 0;
  const variance = windows ? baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / windows : 0;
  const spread = Math.max(Math.sqrt(variance), Math.sqrt(mean));
  const threshold = mean + rule.deviations * spread;
  const usual = { mean, low: windows ? Math.min(...baseline) : 0, high: windows ? Math.max(...baseline) : 0, windows };
  return { count, usual, above: Math.max(rule.minimumCount - 1, Math.floor(threshold)), raised: count >= rule.minimumCount && count > threshold };
}

/** "usually 4 (between 2 and 7)", "usually none", "usually 1 (between 0 and 3)": the usual in words. */
export function usualInWords(usual: Usual): string {
  const mean = Math.round(usual.mean);
  if (usual.high === 0) return 'usually none';
  if (usual.low === usual.high) return `usually ${usual.low}`;
  return `usually ${mean === 0 ? 'fewer than 1' : mean} (between ${usual.low} and ${usual.high})`;
}
