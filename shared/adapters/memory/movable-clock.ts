import type { Clock } from '#application/ports/clock';

/** A clock that stays where it is put: tests, benchmarks and the CLI's `--now`. */
export class MovableClock implements Clock {
  constructor(private instant: Date) {}

  now(): Date {
    return new Date(this.instant.getTime());
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  /** Time passes at once: a test's retries and backoffs take no real time. */
  async wait(ms: number): Promise<void> {
    this.advance(ms);
  }

  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
