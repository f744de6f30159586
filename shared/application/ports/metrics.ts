/** What operators watch, counted as it happens (CloudWatch metrics on AWS). */
export type MetricName = 'CasesOpened' | 'LettersSent' | 'LettersGivenUp' | 'DeadlinesMissed' | 'OldestPendingLetterSeconds';

/** Counts what Redress did. One adapter per place it runs: Powertools' metrics on AWS, a recording one elsewhere. */
export interface Metrics {
  /** Adds `value` (1 by default) to a count, or records a level such as an age. */
  add(name: MetricName, value?: number): void;
}
