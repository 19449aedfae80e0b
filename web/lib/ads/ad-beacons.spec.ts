// Compiled by the root tsconfig (and web/tsconfig.spec.json) into dist/web/lib, so scripts/test.sh
// runs it with the rest of dist/**/*.spec.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdBeaconTracker, httpUrlOrNull } from './ad-beacons';

const BEACONS = {
  impression: 'b/impression',
  start: 'b/start',
  firstQuartile: 'b/firstQuartile',
  midpoint: 'b/midpoint',
  thirdQuartile: 'b/thirdQuartile',
  complete: 'b/complete',
  click: 'b/click',
};

function tracker(beacons: Record<string, string> = BEACONS) {
  const sent: string[] = [];
  const t = new AdBeaconTracker(beacons, (u) => {
    if (u) sent.push(u.slice(2));
  });
  return { t, sent };
}

describe('ad beacons', () => {
  it('impression and start once when the ad starts, quartiles as the playhead passes them, complete at the end', () => {
    const { t, sent } = tracker();
    t.started();
    t.started();
    t.progress(0.5, 4);
    assert.deepEqual(sent, ['impression', 'start']);
    t.progress(1, 4);
    t.progress(2.1, 4);
    assert.deepEqual(sent, ['impression', 'start', 'firstQuartile', 'midpoint']);
    t.ended(3.7, 4);
    assert.deepEqual(sent, ['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete']);
    t.ended(4, 4);
    assert.equal(sent.length, 6, 'nothing twice');
  });

  it('no complete for an ad left before its end', () => {
    const { t, sent } = tracker();
    t.started();
    t.progress(1.2, 4);
    t.ended(1.2, 4);
    assert.deepEqual(sent, ['impression', 'start', 'firstQuartile']);
  });

  it('the furthest point played counts, even when the player reports 0 at the end', () => {
    const { t, sent } = tracker();
    t.started();
    t.progress(3.8, 4);
    t.ended(0, 4);
    assert.ok(sent.includes('complete'));
  });

  it('click fires once however often the viewer clicks; no request without a click URL', () => {
    const { t, sent } = tracker();
    assert.equal(t.click(), true);
    assert.equal(t.click(), false);
    assert.deepEqual(sent, ['click']);
    const { t: old, sent: none } = tracker({ impression: 'b/impression' });
    old.click();
    assert.deepEqual(none, []);
  });

  it('click-through URLs: absolute http(s) only', () => {
    assert.equal(httpUrlOrNull('https://adco.example/spring'), 'https://adco.example/spring');
    assert.equal(httpUrlOrNull('http://127.0.0.1:4000/api/health'), 'http://127.0.0.1:4000/api/health');
    assert.equal(httpUrlOrNull('javascript:alert(1)'), null);
    assert.equal(httpUrlOrNull('/relative'), null);
    assert.equal(httpUrlOrNull(undefined), null);
  });
});
