/** Counts requests in fixed windows. One adapter: DynamoDB (AWS, or DynamoDB Local), so limits hold across instances. */
export interface RateLimiter {
  /** Counts one request against `key`; refused once `limit` requests fell in the current window. */
  hit(key: string, limit: number, windowSeconds: number, now: number): Promise<RateDecision>;
  /** Whether `key` has reached `limit` in the current window, counting nothing: for limits on what fails, checked before each try. */
  peek(key: string, limit: number, windowSeconds: number, now: number): Promise<RateDecision>;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };
