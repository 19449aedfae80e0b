import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TransferRates } from './transfer-rates';

describe('TransferRates', () => {
  it('averages the origin rate over recent fetches, newest weighing most', () => {
    const r = new TransferRates();
    assert.equal(r.originBytesPerS(), null);
    r.originSample(1_000_000, 1);
    assert.equal(r.originBytesPerS(), 1_000_000);
    r.originSample(1_000_000, 0.5); // 2 MB/s
    assert.equal(Math.round(r.originBytesPerS()!), 1_300_000);
    r.originSample(0, 1); // nothing learnt from an empty body
    assert.equal(Math.round(r.originBytesPerS()!), 1_300_000);
  });

  it('measures what peers delivered since a fetch started', () => {
    const r = new TransferRates();
    r.peerBytes(500);
    const mark = r.peerMark(1000);
    assert.equal(r.peerBytesPerSSince(mark, 1050), null); // too early to say
    r.peerBytes(100_000);
    r.peerBytes(100_000);
    assert.equal(r.peerBytesPerSSince(mark, 1500), 400_000);
  });

  it('sizes a segment from its rendition’s earlier ones', () => {
    const r = new TransferRates();
    assert.deepEqual(r.estimate('720p', 2), { durationS: 2, bytes: null });
    r.segmentSample('720p', 700_000, 2);
    r.segmentSample('360p', 100_000, 2);
    assert.deepEqual(r.estimate('720p', 2), { durationS: 2, bytes: 700_000 });
    assert.deepEqual(r.estimate('720p', 1), { durationS: 1, bytes: 350_000 });
    assert.deepEqual(r.estimate('360p', 2), { durationS: 2, bytes: 100_000 });
  });
});
