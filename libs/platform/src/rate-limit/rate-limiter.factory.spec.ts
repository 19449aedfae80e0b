import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { AppConfig } from '../config/app-config';
import { rateWindow } from './rate-limiter';
import { RateLimiterFactory } from './rate-limiter.factory';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const REDIS_URL = process.env.REDIS_URL;

function redisFactory(prefix: string): RateLimiterFactory {
  return new RateLimiterFactory(
    AppConfig.fromEnv({
      NODE_ENV: 'test',
      DATA_DIR: '/tmp/wetube-rl-spec',
      JWT_SECRET: 'x'.repeat(32),
      REDIS_URL: REDIS_URL!,
      QUEUE_PREFIX: prefix,
    }),
  );
}

describe('rateWindow', () => {
  it('gives the burst at once and the rate on average, in whole seconds', () => {
    assert.deepEqual(rateWindow({ burst: 30, perSecond: 3 }), { points: 30, durationSec: 10 });
    assert.deepEqual(rateWindow({ burst: 30, perSecond: 20 / 60 }), { points: 30, durationSec: 90 });
    assert.deepEqual(rateWindow({ burst: 1, perSecond: 50 }), { points: 1, durationSec: 1 });
  });

  it('refuses a limit that cannot work, naming the value', () => {
    assert.throws(() => rateWindow({ burst: 0, perSecond: 1 }), /burst must be a whole number ≥ 1, got 0/);
    assert.throws(() => rateWindow({ burst: 2, perSecond: 0 }), /perSecond must be a positive number, got 0/);
  });
});

describe('RateLimiterFactory (memory)', () => {
  it('allows the burst, then refuses with a Retry-After, per key, and is back after the window', async () => {
    const limiter = RateLimiterFactory.inMemory().create('spec', { burst: 3, perSecond: 3 });
    for (let i = 0; i < 3; i++) assert.deepEqual(await limiter.consume('a'), { ok: true });
    assert.deepEqual(await limiter.consume('a'), { ok: false, retryAfterSec: 1 });
    assert.deepEqual(await limiter.consume('b'), { ok: true }, 'per key');
    await sleep(1100);
    assert.deepEqual(await limiter.consume('a'), { ok: true });
  });

  it('Retry-After covers a slow refill', async () => {
    const limiter = RateLimiterFactory.inMemory().create('slow', { burst: 1, perSecond: 0.1 });
    assert.equal((await limiter.consume('a')).ok, true);
    assert.deepEqual(await limiter.consume('a'), { ok: false, retryAfterSec: 10 });
  });

  it('two factories without Redis count apart (per process)', async () => {
    const a = RateLimiterFactory.inMemory().create('apart', { burst: 1, perSecond: 0.1 });
    const b = RateLimiterFactory.inMemory().create('apart', { burst: 1, perSecond: 0.1 });
    assert.equal((await a.consume('k')).ok, true);
    assert.equal((await b.consume('k')).ok, true);
  });

  it('a bad name is refused', () => {
    assert.throws(() => RateLimiterFactory.inMemory().create('a b', { burst: 1, perSecond: 1 }), /rate limiter name "a b"/);
  });
});

describe('RateLimiterFactory (Redis)', () => {
  it('two factories (as two processes) share one limit through Redis', async (t) => {
    if (!REDIS_URL) return t.skip('needs REDIS_URL');
    const prefix = `t${randomBytes(5).toString('hex')}`;
    const [fa, fb] = [redisFactory(prefix), redisFactory(prefix)];
    try {
      assert.equal(fa.store, 'redis');
      const a = fa.create('shared', { burst: 4, perSecond: 0.1 });
      const b = fb.create('shared', { burst: 4, perSecond: 0.1 });
      const answers = await Promise.all([a, b, a, b, a, b, a, b].map((l) => l.consume('198.51.100.1')));
      assert.equal(answers.filter((r) => r.ok).length, 4, JSON.stringify(answers));
      const refused = answers.find((r) => !r.ok);
      assert.ok(refused && !refused.ok && refused.retryAfterSec >= 1 && refused.retryAfterSec <= 40, JSON.stringify(refused));
      assert.equal((await b.consume('198.51.100.2')).ok, true, 'another key');
    } finally {
      await fa.onModuleDestroy();
      await fb.onModuleDestroy();
    }
  });

  it('with Redis unreachable, a per-process limit stands in (neither open nor closed)', async () => {
    const f = new RateLimiterFactory(
      AppConfig.fromEnv({
        NODE_ENV: 'test',
        DATA_DIR: '/tmp/wetube-rl-spec',
        JWT_SECRET: 'x'.repeat(32),
        REDIS_URL: 'redis://127.0.0.1:1',
      }),
    );
    try {
      const l = f.create('down', { burst: 2, perSecond: 0.1 });
      assert.equal((await l.consume('k')).ok, true);
      assert.equal((await l.consume('k')).ok, true);
      assert.equal((await l.consume('k')).ok, false);
    } finally {
      await f.onModuleDestroy();
    }
  });
});
