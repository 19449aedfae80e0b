/** Per-key token buckets (one per client IP). Bounded: idle, refilled buckets are dropped. */
export interface TokenBucketOptions {
  /** Bucket size: announces allowed in a burst. */
  burst: number;
  /** Refill rate in tokens per second. */
  perSecond: number;
  /** Most keys tracked at once (default 100 000). */
  maxKeys?: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.burst >= 1) || !(options.perSecond > 0)) throw new Error('rate limit needs burst >= 1 and perSecond > 0');
  }

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string, now: number = Date.now()): boolean {
    const { burst, perSecond } = this.options;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= (this.options.maxKeys ?? 100_000)) this.sweep(now);
      bucket = { tokens: burst, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    const { burst, perSecond } = this.options;
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
    }
    // Still full of active clients: drop the oldest rather than grow without bound.
    while (this.buckets.size >= (this.options.maxKeys ?? 100_000)) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
