import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLC, lineItem, request } from './decision.fixtures';
import type { LineItemForDecision } from './decision.types';
import { decide } from './auction';
import { eligible } from './eligibility';
import { pricePerImpression } from './price';

function reason(li: LineItemForDecision, req = request()): string | null {
  const e = eligible(li, req);
  return e.eligible ? null : e.reason;
}

describe('eligibility: status, flight, creatives, price, floor, budget, daily cap', () => {
  it('an active line item in flight with a servable creative is eligible, at its first price', () => {
    assert.deepEqual(eligible(lineItem({ cpmBid: 2_500_000n }), request()), { eligible: true, priceMinor: 2500n });
  });

  it('only ACTIVE serves', () => {
    for (const status of ['DRAFT', 'PAUSED', 'ENDED', 'CANCELLED'] as const) {
      assert.equal(reason(lineItem({ status })), 'NOT_ACTIVE', status);
    }
  });

  it('the flight is [start, end)', () => {
    const flight = { start: new Date('2024-06-12T12:00:00Z'), end: new Date('2024-06-13T00:00:00Z') };
    assert.equal(reason(lineItem({ flight }), request({ now: new Date('2024-06-12T11:59:59.999Z') })), 'FLIGHT_NOT_STARTED');
    assert.equal(reason(lineItem({ flight }), request({ now: new Date('2024-06-12T12:00:00Z') })), null);
    assert.equal(reason(lineItem({ flight }), request({ now: new Date('2024-06-12T23:59:59.999Z') })), null);
    assert.equal(reason(lineItem({ flight }), request({ now: new Date('2024-06-13T00:00:00Z') })), 'FLIGHT_ENDED');
  });

  it('needs a creative that is both READY and approved', () => {
    const c = (ready: boolean, approved: boolean, id = 'x') => ({ id, durationMs: 15_000, ready, approved });
    assert.equal(reason(lineItem({ creatives: [] })), 'NO_CREATIVE');
    assert.equal(reason(lineItem({ creatives: [c(true, false), c(false, true)] })), 'NO_CREATIVE');
    assert.equal(reason(lineItem({ creatives: [c(true, false), c(true, true, 'y')] })), null);
  });

  it('a creative serves only in an item of its kind: audio in songs and podcasts, video in videos', () => {
    const c = (id: string, kind?: 'VIDEO' | 'AUDIO') => ({ id, durationMs: 15_000, ready: true, approved: true, kind });
    const audioItem = request({ video: { categories: [], tags: [], kind: 'AUDIO' } });
    assert.equal(reason(lineItem({ creatives: [c('v')] }), audioItem), 'NO_CREATIVE_OF_KIND', 'a video creative (kind left out)');
    assert.equal(reason(lineItem({ creatives: [c('v', 'VIDEO'), c('a', 'AUDIO')] }), audioItem), null);
    assert.equal(reason(lineItem({ creatives: [c('a', 'AUDIO')] })), 'NO_CREATIVE_OF_KIND', 'an audio creative in a video');
    const d = decide([lineItem({ creatives: [c('v', 'VIDEO'), c('a', 'AUDIO')] })], audioItem, () => 0);
    assert.deepEqual(
      d.ads.map((a) => a.creativeId),
      ['a'],
      'the pod takes the audio creative',
    );
  });

  it('price per impression is floor(cpm / 1000); a bid that rounds to 0 per impression cannot serve', () => {
    assert.equal(pricePerImpression(1999n), 1n);
    assert.equal(pricePerImpression(1000n), 1n);
    assert.equal(pricePerImpression(999n), 0n);
    assert.equal(pricePerImpression(-5000n), 0n);
    assert.equal(reason(lineItem({ cpmBid: 999n })), 'PRICE_ZERO');
    assert.equal(reason(lineItem({ cpmBid: 1000n })), null);
  });

  it('the bid must reach the floor CPM', () => {
    assert.equal(reason(lineItem({ cpmBid: CLC }), request({ floorCpm: CLC + 1n })), 'BELOW_FLOOR');
    assert.equal(reason(lineItem({ cpmBid: CLC }), request({ floorCpm: CLC })), null);
  });

  it('budget left must cover one impression', () => {
    // price 2000 per impression
    assert.equal(reason(lineItem({ budget: 10_000n, spent: 8_000n })), null);
    assert.equal(reason(lineItem({ budget: 10_000n, spent: 8_001n })), 'BUDGET_EXHAUSTED');
    assert.equal(reason(lineItem({ budget: 10_000n, spent: 10_000n })), 'BUDGET_EXHAUSTED');
  });

  it('daily cap left must cover one impression; no cap means none', () => {
    assert.equal(reason(lineItem({ dailyCap: 5_000n, spentToday: 3_000n })), null);
    assert.equal(reason(lineItem({ dailyCap: 5_000n, spentToday: 3_001n })), 'DAILY_CAP_REACHED');
    assert.equal(reason(lineItem({ dailyCap: null, spentToday: 10n ** 12n })), null);
  });

  it('a pod that already holds this line item needs budget for one more', () => {
    const li = lineItem({ budget: 10_000n, spent: 6_000n, frequencyCaps: { perPod: 3 } }); // room for 2
    assert.equal(eligible(li, request(), 1).eligible, true);
    assert.deepEqual(eligible(li, request(), 2), { eligible: false, reason: 'BUDGET_EXHAUSTED' });
  });
});
