// Compiled by the root tsconfig.json into dist/web/lib/p2p (as web/lib/money.spec.ts), so
// scripts/test.sh runs it with the rest of dist/**/*.spec.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, DEFAULT_LIMITS, httpEstimateS, type PlaybackState, type SegmentEstimate, type TransferState } from './fetch-policy';

const healthy: PlaybackState = { bufferAheadS: 12, eventLoopLagMs: 5, eventLoopLostShare: 0.02, droppedFrameRatio: 0, sinceStallS: null };
/** A 2 s segment of 700 kB: plays at 350 kB/s. */
const seg: SegmentEstimate = { durationS: 2, bytes: 700_000 };
const waiting: TransferState = { fetchingS: null, peerBytesPerS: null, originBytesPerS: 2_000_000 };
const at = (p: Partial<PlaybackState>, t: Partial<TransferState> = {}, s: Partial<SegmentEstimate> = {}) =>
  decide({ ...healthy, ...p }, { ...seg, ...s }, { ...waiting, ...t });

describe('fetch policy', () => {
  it('waits for peers while the buffer, the page and the peers are healthy', () => {
    const d = at({});
    assert.equal(d.source, 'peers');
    assert.match(d.why, /buffer 12\.0 s ahead/);
    assert.equal(at({}, { fetchingS: 1, peerBytesPerS: 3_000_000 }).source, 'peers');
  });

  it('takes the origin below the HTTP window (start-up, after a seek)', () => {
    const d = at({ bufferAheadS: 3.9 });
    assert.deepEqual(d, { source: 'origin', why: 'buffer low (3.9 s)' });
    assert.equal(at({ bufferAheadS: 0 }).source, 'origin');
  });

  it('takes the origin near the window: the window must stay whole after an HTTP fetch', () => {
    // Origin at 2 MB/s: 0.5 s floor for 700 kB (0.35 s); 4 + 0.5 = 4.5 s is the line.
    assert.equal(at({ bufferAheadS: 4.4 }).source, 'origin');
    assert.match(at({ bufferAheadS: 4.4 }).why, /^buffer at the window \(4\.4 s ahead, HTTP ~0\.5 s\)$/);
    assert.equal(at({ bufferAheadS: 4.6 }).source, 'peers');
    // A slow origin (200 kB/s: 3.5 s for this segment) moves the line to 7.5 s.
    assert.equal(at({ bufferAheadS: 7.4 }, { originBytesPerS: 200_000 }).source, 'origin');
    assert.equal(at({ bufferAheadS: 7.6 }, { originBytesPerS: 200_000 }).source, 'peers');
    // …but never further than two windows.
    assert.equal(httpEstimateS(seg, { ...waiting, originBytesPerS: 1000 }), DEFAULT_LIMITS.windowS);
  });

  it('event-loop lag: the HTTP fallback starts that late, so it counts against the spare buffer', () => {
    // 4 + 0.5 + 0.8 = 5.3 s.
    assert.deepEqual(at({ bufferAheadS: 5.2, eventLoopLagMs: 800, eventLoopLostShare: 0.3 }), {
      source: 'origin',
      why: 'buffer at the window (5.2 s ahead, HTTP ~1.3 s, lag 800 ms)',
    });
    assert.equal(at({ bufferAheadS: 5.4, eventLoopLagMs: 800, eventLoopLostShare: 0.3 }).source, 'peers');
  });

  it('a starved page (event loop late most of the time, many frames dropped) takes the origin', () => {
    assert.deepEqual(at({ eventLoopLagMs: 1100, eventLoopLostShare: 0.9 }), {
      source: 'origin',
      why: 'page starved (event loop 90 % late, lag up to 1100 ms)',
    });
    // One long task (P2P start-up) in a healthy buffer is not starvation.
    assert.equal(at({ eventLoopLagMs: 800, eventLoopLostShare: 0.4 }).source, 'peers');
    assert.deepEqual(at({ droppedFrameRatio: 0.6 }), { source: 'origin', why: 'page starved (dropped frames 60 %)' });
    assert.equal(at({ droppedFrameRatio: 0.3 }).source, 'peers');
    assert.equal(at({ droppedFrameRatio: null }).source, 'peers');
  });

  it('takes the origin for a while after a stall', () => {
    assert.deepEqual(at({ sinceStallS: 3 }), { source: 'origin', why: 'stalled 3.0 s ago' });
    assert.equal(at({ sinceStallS: 0 }).source, 'origin');
    assert.equal(at({ sinceStallS: 11 }).source, 'peers');
  });

  it('takes the origin when peers deliver slower than the segment plays', () => {
    // 200 kB/s against 350 kB/s needed.
    const d = at({}, { fetchingS: 1, peerBytesPerS: 200_000 });
    assert.deepEqual(d, { source: 'origin', why: 'peers slower than playback (200 kB/s < 350 kB/s)' });
    // Not judged on rate in the first half second (connection set-up, first request).
    assert.equal(at({}, { fetchingS: 0.3, peerBytesPerS: 10_000 }).source, 'peers');
    // Still coming after the segment's own duration: slower than playback whatever the size.
    assert.match(
      at({}, { fetchingS: 2.1, peerBytesPerS: null }, { bytes: null }).why,
      /^peers slower than playback \(2\.0 s segment not in after 2\.1 s\)$/,
    );
  });

  it('takes the origin when peers are fast enough for playback but not for what is left in the buffer', () => {
    // 400 kB/s: 1.75 s for 700 kB; 6 s ahead leaves 6 - 4 - 0.5 = 1.5 s.
    const d = at({ bufferAheadS: 6 }, { fetchingS: 0.6, peerBytesPerS: 400_000 });
    assert.equal(d.source, 'origin');
    assert.match(d.why, /peers too slow for the buffer \(~1\.8 s to deliver, 1\.5 s to spare\)/);
    assert.equal(at({ bufferAheadS: 8 }, { fetchingS: 0.6, peerBytesPerS: 400_000 }).source, 'peers');
  });

  it('with nothing measured yet, waits only on the buffer', () => {
    const d = decide(
      { bufferAheadS: 6, eventLoopLagMs: 0, eventLoopLostShare: 0, droppedFrameRatio: null, sinceStallS: null },
      { durationS: 2, bytes: null },
      { fetchingS: null, peerBytesPerS: null, originBytesPerS: null },
    );
    assert.equal(d.source, 'peers');
  });
});
