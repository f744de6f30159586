import type { Clock } from '#application/ports/clock';

/** The machine's clock: what every entry point uses unless told otherwise (`--now`, tests). */
export const systemClock: Clock = {
  now: () => new Date(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
