import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasWatched, WATCHED_MIN_MS, watchedThresholdMs } from './watched';

describe('watched: the one rule for "this session watched the video"', () => {
  it('is 30 s of playback for a video of a minute or more, or of unknown length', () => {
    for (const d of [60_000, 10 * 60_000, 3 * 3600_000, null, undefined, 0, -5, Number.NaN])
      assert.equal(watchedThresholdMs(d), WATCHED_MIN_MS, String(d));
    assert.equal(hasWatched(29_999, 600_000), false);
    assert.equal(hasWatched(30_000, 600_000), true);
  });

  it('is half the length of a video under a minute', () => {
    assert.equal(watchedThresholdMs(20_000), 10_000);
    assert.equal(watchedThresholdMs(59_999), 30_000);
    assert.equal(watchedThresholdMs(3_001), 1_501);
    assert.equal(hasWatched(9_999, 20_000), false);
    assert.equal(hasWatched(10_000, 20_000), true);
  });

  it('never holds for what is not a watch time', () => {
    assert.equal(hasWatched(Number.NaN, 20_000), false);
    assert.equal(hasWatched(-1, 20_000), false);
  });
});
