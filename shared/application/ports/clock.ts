/** The one clock every use case reads: the real time in production, a fixed or moved one in tests and the CLI. */
export interface Clock {
  now(): Date;
  /** Lets `ms` pass (a retry's backoff): really, or, on a clock that stays where it is put, by moving it on. */
  wait(ms: number): Promise<void>;
}
