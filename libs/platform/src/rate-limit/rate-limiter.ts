/** What a rate limiter answers for one request: go ahead, or wait this many whole seconds (≥ 1). */
export type RateDecision = { ok: true } | { ok: false; retryAfterSec: number };

/** `burst` requests at once per key; over time `perSecond` on average. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/** A per-key limit (a client IP, an IP and peer id…), shared by every process when backed by Redis. */
export interface RateLimiter extends RateLimit {
  /** Takes one request for `key`. Never throws for a refusal; a store failure falls back to a per-process limit. */
  consume(key: string): Promise<RateDecision>;
}

/**
 * The fixed window that gives `burst` at once and `perSecond` on average: `burst` points per
 * `burst / perSecond` seconds (whole seconds, at least 1: Redis expiries are in seconds).
 */
export function rateWindow(limit: RateLimit): { points: number; durationSec: number } {
  if (!Number.isInteger(limit.burst) || limit.burst < 1)
    throw new Error(`rate limit: burst must be a whole number ≥ 1, got ${limit.burst}`);
  if (!(limit.perSecond > 0) || !Number.isFinite(limit.perSecond))
    throw new Error(`rate limit: perSecond must be a positive number, got ${limit.perSecond}`);
  return { points: limit.burst, durationSec: Math.max(1, Math.round(limit.burst / limit.perSecond)) };
}

/** A count per key that expires `durationSec` after its first increment (or as `set` says). */
export interface CounterState {
  count: number;
  /** Milliseconds until the key expires (0 when it is absent). */
  msLeft: number;
}

/**
 * Counts per key in the same store as the rate limits (Redis when REDIS_URL is set, so every
 * process sees one count; memory otherwise): for rules a fixed window cannot say, such as failures
 * in a row with a growing delay.
 */
export interface KeyedCounter {
  get(key: string): Promise<CounterState>;
  /** Adds `n` (starting the window when the key is new) and answers the new count. */
  add(key: string, n?: number): Promise<CounterState>;
  /** Sets the count and its expiry. */
  set(key: string, count: number, durationSec: number): Promise<void>;
  delete(key: string): Promise<void>;
}
