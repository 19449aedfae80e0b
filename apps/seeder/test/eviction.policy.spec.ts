import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type HeldSwarm, lruOrder, planAdmission, planShrink } from '../src/eviction.policy';

const s = (id: string, bytes: number, lastRequestedAt: number): HeldSwarm => ({
  infoHash: id.repeat(40).slice(0, 40),
  bytes,
  lastRequestedAt,
});
const A = s('a', 40, 300);
const B = s('b', 30, 100); // least recently requested
const C = s('c', 20, 200);
const h = (x: HeldSwarm) => x.infoHash;

describe('eviction policy (LRU over a disk cap)', () => {
  it('orders least recently requested first, ties by infohash', () => {
    assert.deepEqual(lruOrder([A, B, C]).map(h), [B, C, A].map(h));
    const D = s('d', 1, 100);
    assert.deepEqual(lruOrder([D, B]).map(h), [B, D].map(h));
  });

  it('admits without evicting when there is room', () => {
    assert.deepEqual(planAdmission([A, B, C], 10, 100), { admit: true, evict: [] });
    assert.deepEqual(planAdmission([A, B, C], 10, 100 - 0), { admit: true, evict: [] });
    assert.deepEqual(planAdmission([], 100, 100), { admit: true, evict: [] });
  });

  it('evicts whole swarms, least recently requested first, only as many as needed', () => {
    assert.deepEqual(planAdmission([A, B, C], 25, 100), { admit: true, evict: [h(B)] });
    assert.deepEqual(planAdmission([A, B, C], 60, 100), { admit: true, evict: [h(B), h(C)] });
    assert.deepEqual(planAdmission([A, B, C], 100, 100), { admit: true, evict: [h(B), h(C), h(A)] });
  });

  it('refuses what can never fit, and evicts nothing for it', () => {
    assert.deepEqual(planAdmission([A, B, C], 101, 100), { admit: false, evict: [] });
  });

  it('skips pinned swarms and refuses when the unpinned ones do not make room', () => {
    const pinned = new Set([h(B)]);
    assert.deepEqual(planAdmission([A, B, C], 25, 100, pinned), { admit: true, evict: [h(C)] });
    assert.deepEqual(planAdmission([A, B, C], 80, 100, new Set([h(A)])), { admit: false, evict: [] });
  });

  it('shrinks an over-full set under a lowered cap', () => {
    assert.deepEqual(planShrink([A, B, C], 100), []);
    assert.deepEqual(planShrink([A, B, C], 60), [h(B)]);
    assert.deepEqual(planShrink([A, B, C], 40), [h(B), h(C)]);
    assert.deepEqual(planShrink([A, B, C], 39), [h(B), h(C), h(A)]);
    assert.deepEqual(planShrink([A, B, C], 0), [h(B), h(C), h(A)]);
    assert.deepEqual(planShrink([A, B, C], 30, new Set([h(B)])), [h(C), h(A)]);
  });
});
