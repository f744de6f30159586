import type { RateDecision, RateLimiter } from '#application/ports/rate-limiter';

/** Fixed-window counters in memory, with the arithmetic of DynamoDbRateLimiter. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, number>();

  async hit(name: string, limit: number, windowSeconds: number, now: number): Promise<RateDecision> {
    const window = Math.floor(now / 1000 / windowSeconds);
    const key = `${name}#${window}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window + 1) * windowSeconds - now / 1000)) };
  }

  async peek(name: string, limit: number, windowSeconds: number, now: number): Promise<RateDecision> {
    const window = Math.floor(now / 1000 / windowSeconds);
    if ((this.counts.get(`${name}#${window}`) ?? 0) < limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window + 1) * windowSeconds - now / 1000)) };
  }
}
