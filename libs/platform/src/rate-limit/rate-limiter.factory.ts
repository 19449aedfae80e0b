import { Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { type CounterState, type KeyedCounter, type RateDecision, type RateLimit, type RateLimiter, rateWindow } from './rate-limiter';

/**
 * Makes the platform's per-key limits (rate-limiter-flexible): in Redis when REDIS_URL is set, so
 * every api and tracker process counts against one shared limit; in memory otherwise. The one place
 * that talks to Redis for limits (one connection per process, closed with the module). If Redis is
 * unreachable a per-process memory limit stands in (insurance), so a Redis outage neither opens the
 * gates nor refuses everyone.
 */
@Injectable()
export class RateLimiterFactory implements OnModuleDestroy {
  private readonly log = new Logger('RateLimits');
  private redis: IORedis | null = null;
  private readonly redisUrl: string | undefined;
  private readonly prefix: string;

  constructor(@Optional() config?: AppConfig) {
    this.redisUrl = config?.redisUrl;
    this.prefix = `${config?.queuePrefix ?? 'wetube'}:rl`;
  }

  /** A factory without Redis (per-process limits), for code that runs outside Nest. */
  static inMemory(): RateLimiterFactory {
    return new RateLimiterFactory();
  }

  /** Where the limits live: 'redis' (shared by every process) or 'memory' (this process only). */
  get store(): 'redis' | 'memory' {
    return this.redisUrl ? 'redis' : 'memory';
  }

  /** A limiter named `name` (its keys are `<QUEUE_PREFIX>:rl:<name>:<key>` in Redis). */
  create(name: string, limit: RateLimit): RateLimiter {
    if (!/^[a-z0-9_-]+$/i.test(name)) throw new Error(`rate limiter name ${JSON.stringify(name)}: letters, digits, - and _ only`);
    const { points, durationSec } = rateWindow(limit);
    const memory = new RateLimiterMemory({ points, duration: durationSec });
    const store: RateLimiterAbstract = this.redisUrl
      ? new RateLimiterRedis({
          storeClient: this.connection(),
          keyPrefix: `${this.prefix}:${name}`,
          points,
          duration: durationSec,
          insuranceLimiter: memory,
        })
      : memory;
    return { burst: limit.burst, perSecond: limit.perSecond, consume: (key) => consume(store, key) };
  }

  /** A counter named `name` whose keys expire `durationSec` after their first increment (same stores as `create`). */
  counter(name: string, durationSec: number): KeyedCounter {
    if (!/^[a-z0-9_-]+$/i.test(name)) throw new Error(`counter name ${JSON.stringify(name)}: letters, digits, - and _ only`);
    if (!Number.isInteger(durationSec) || durationSec < 1)
      throw new Error(`counter ${name}: durationSec must be a whole number ≥ 1, got ${durationSec}`);
    const points = Number.MAX_SAFE_INTEGER;
    const memory = new RateLimiterMemory({ points, duration: durationSec });
    const store: RateLimiterAbstract = this.redisUrl
      ? new RateLimiterRedis({
          storeClient: this.connection(),
          keyPrefix: `${this.prefix}:${name}`,
          points,
          duration: durationSec,
          insuranceLimiter: memory,
        })
      : memory;
    const state = (res: RateLimiterRes | null): CounterState =>
      res ? { count: res.consumedPoints, msLeft: Math.max(0, res.msBeforeNext) } : { count: 0, msLeft: 0 };
    return {
      get: async (key) => state(await store.get(key)),
      add: async (key, n = 1) => state(await store.penalty(key, n)),
      set: async (key, count, sec) => void (await store.set(key, count, sec)),
      delete: async (key) => void (await store.delete(key)),
    };
  }

  async onModuleDestroy(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  private connection(): IORedis {
    if (!this.redis) {
      // Requests made while connecting wait for the connection (offline queue); with Redis down they fail
      // after one reconnect attempt and the insurance limit answers.
      this.redis = new IORedis(this.redisUrl!, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.redis.on('error', (err: Error) =>
        this.log.warn(`redis for rate limits: ${err.message} (limits are per process until it is back)`),
      );
    }
    return this.redis;
  }
}

async function consume(store: RateLimiterAbstract, key: string): Promise<RateDecision> {
  try {
    await store.consume(key);
    return { ok: true };
  } catch (res) {
    if (res instanceof RateLimiterRes) return { ok: false, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    throw res;
  }
}
