/** The one clock every use case reads: the real time in production, a fixed or moved one in tests and the CLI. */
export interface Clock {
  now(): Date;
}
