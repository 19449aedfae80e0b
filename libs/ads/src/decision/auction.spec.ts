import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from './auction';
import { CLC, lineItem, request } from './decision.fixtures';
import { seededRng } from './rng';

describe('decide: first-price auction for one pod', () => {
  const bids = [
    lineItem({ id: 'low', cpmBid: 1n * CLC }),
    lineItem({ id: 'high', cpmBid: 5n * CLC }),
    lineItem({ id: 'mid', cpmBid: 3n * CLC }),
    lineItem({ id: 'mid2', cpmBid: 3n * CLC + 1n }),
  ];

  it('highest CPM first, each charged its own CPM / 1000', () => {
    const d = decide(bids, request({ podSize: 3 }), seededRng(1));
    assert.deepEqual(d.ads, [
      { lineItemId: 'high', creativeId: 'cr-high', priceMinor: 5000n },
      { lineItemId: 'mid2', creativeId: 'cr-mid2', priceMinor: 3000n },
      { lineItemId: 'mid', creativeId: 'cr-mid', priceMinor: 3000n },
    ]);
    assert.deepEqual(d.excluded, { OUTBID: 1 });
    assert.equal(d.considered, 4);
  });

  it('the floor removes bids below it, whatever their rank', () => {
    const d = decide(bids, request({ podSize: 4, floorCpm: 3n * CLC }), seededRng(1));
    assert.deepEqual(
      d.ads.map((a) => a.lineItemId),
      ['high', 'mid2', 'mid'],
    );
    assert.deepEqual(d.excluded, { BELOW_FLOOR: 1 });
  });

  it('a pod of one goes to the highest bid; an empty pod when nothing is eligible', () => {
    assert.deepEqual(
      decide(bids, request(), seededRng(1)).ads.map((a) => a.lineItemId),
      ['high'],
    );
    const none = decide(bids, request({ floorCpm: 100n * CLC }), seededRng(1));
    assert.deepEqual(none, { ads: [], considered: 4, excluded: { BELOW_FLOOR: 4 } });
    assert.deepEqual(decide([], request(), seededRng(1)), { ads: [], considered: 0, excluded: {} });
  });

  it('equal bids: the order comes from the rng (same seed, same pod) and each wins sometimes', () => {
    const tied = ['a', 'b', 'c'].map((id) => lineItem({ id, cpmBid: 2n * CLC }));
    const first = (seed: number) => decide(tied, request(), seededRng(seed)).ads[0].lineItemId;
    assert.equal(first(7), first(7));
    const wins = new Map<string, number>();
    for (let s = 0; s < 300; s++) wins.set(first(s), (wins.get(first(s)) ?? 0) + 1);
    for (const id of ['a', 'b', 'c']) assert.ok((wins.get(id) ?? 0) > 60, `${id} wins about a third: ${wins.get(id)}`);
  });

  it('the decision does not depend on the input order', () => {
    const a = decide(bids, request({ podSize: 2 }), seededRng(9));
    const b = decide([...bids].reverse(), request({ podSize: 2 }), seededRng(9));
    assert.deepEqual(a, b);
  });

  it('every line item is accounted for once: with an ad or under one reason', () => {
    const items = [
      ...bids,
      lineItem({ id: 'paused', status: 'PAUSED' }),
      lineItem({ id: 'mobile', targeting: { devices: ['mobile'] } }),
      lineItem({ id: 'broke', budget: 10n, spent: 0n }),
      lineItem({ id: 'paced', cpmBid: 8n * CLC, pacing: 'EVEN', budget: 10n ** 9n, spent: 10n ** 9n - 10n ** 6n }),
      lineItem({ id: 'two', cpmBid: 9n * CLC, frequencyCaps: { perPod: 2 } }),
    ];
    const d = decide(items, request({ podSize: 4 }), seededRng(2));
    // two (9 CLC, 2 per pod) ×2, paced (8) throttled by EVEN pacing, high (5), mid2; mid and low outbid
    assert.deepEqual(
      d.ads.map((a) => a.lineItemId),
      ['two', 'two', 'high', 'mid2'],
    );
    assert.deepEqual(d.excluded, { NOT_ACTIVE: 1, DEVICE: 1, BUDGET_EXHAUSTED: 1, PACING_FLIGHT: 1, OUTBID: 2 });
    const distinct = new Set(d.ads.map((a) => a.lineItemId)).size;
    assert.equal(distinct + Object.values(d.excluded).reduce((x, y) => x + (y ?? 0), 0), d.considered);
  });

  it('a throttled line item hands its slot to the next bid', () => {
    const flight = { start: new Date('2024-06-12T00:00:00Z'), end: new Date('2024-06-13T00:00:00Z') };
    // 12:00, half the flight gone, but 90 % of the budget spent: EVEN holds it back
    const ahead = lineItem({ id: 'ahead', cpmBid: 9n * CLC, pacing: 'EVEN', flight, budget: 100n * CLC, spent: 90n * CLC });
    const d = decide([ahead, lineItem({ id: 'next', cpmBid: CLC })], request(), seededRng(1));
    assert.deepEqual(
      d.ads.map((a) => a.lineItemId),
      ['next'],
    );
    assert.deepEqual(d.excluded, { PACING_FLIGHT: 1 });
  });
});
