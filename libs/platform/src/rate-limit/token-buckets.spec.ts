import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  it('allows the burst, then refuses with a Retry-After, and refills at the rate', () => {
    const b = new TokenBuckets(3, 2);
    for (let i = 0; i < 3; i++) assert.deepEqual(b.take('a', 0), { ok: true });
    assert.deepEqual(b.take('a', 0), { ok: false, retryAfterSec: 1 });
    assert.deepEqual(b.take('b', 0), { ok: true }, 'per key');
    assert.deepEqual(b.take('a', 500), { ok: true }, 'one token back after 0.5 s at 2/s');
    assert.equal(b.take('a', 500).ok, false);
  });

  it('Retry-After covers a slow refill', () => {
    const b = new TokenBuckets(1, 0.1);
    assert.equal(b.take('a', 0).ok, true);
    assert.deepEqual(b.take('a', 0), { ok: false, retryAfterSec: 10 });
  });

  it('prunes full buckets when too many keys', () => {
    const b = new TokenBuckets(2, 1, 2);
    b.take('a', 0);
    b.take('b', 0);
    assert.equal(b.take('c', 10_000).ok, true);
  });
});
