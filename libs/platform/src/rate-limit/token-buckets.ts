/**
 * An in-memory token bucket per key (the client IPs of the ad server and of `playbackSession`):
 * `burst` tokens, refilled at `perSecond`; each request takes one. Per process: behind N api instances the effective limit is
 * N times this (the edge should also limit).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly burst: number,
    readonly perSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token for `key`: `{ ok: true }`, or `{ ok: false, retryAfterSec }` (whole seconds until one is back, ≥ 1). */
  take(key: string, nowMs = Date.now()): { ok: true } | { ok: false; retryAfterSec: number } {
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(this.burst, b.tokens + ((nowMs - b.at) / 1000) * this.perSecond);
      b.at = nowMs;
    } else {
      if (this.buckets.size >= this.maxKeys) this.prune(nowMs);
      b = { tokens: this.burst, at: nowMs };
      this.buckets.set(key, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond)) };
  }

  /** Drops the buckets that are full again (they behave exactly like a new one). */
  private prune(nowMs: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((nowMs - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(k);
    // Still full of busy keys: forget the oldest half rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) {
      let n = this.buckets.size / 2;
      for (const k of this.buckets.keys()) {
        if (n-- <= 0) break;
        this.buckets.delete(k);
      }
    }
  }
}
