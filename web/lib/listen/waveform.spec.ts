import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  barsFrom,
  clockTime,
  scaleToLoudest,
  parsePeaks,
  parseRate,
  playedBars,
  playedFraction,
  stepRate,
  timeAtX,
  timeForKey,
  valueText,
} from './waveform';

describe('waveform seek bar maths', () => {
  it('reads a peaks document, clamping values; anything else is null', () => {
    assert.deepEqual(parsePeaks({ version: 1, durationSec: 12, peaks: [0, 0.5, 1.4, -1, 'x'] }), {
      durationSec: 12,
      peaks: [0, 0.5, 1, 0, 0],
    });
    assert.equal(parsePeaks(null), null);
    assert.equal(parsePeaks({ peaks: [] }), null);
    assert.equal(parsePeaks('peaks'), null);
    assert.equal(parsePeaks({ peaks: [0.2] })?.durationSec, 0);
  });

  it('reduces 1000 peaks to bars keeping each share’s highest peak', () => {
    const peaks = Array.from({ length: 1000 }, (_, i) => (i === 250 ? 1 : 0.1));
    const bars = barsFrom(peaks, 4);
    assert.deepEqual(bars, [0.1, 1, 0.1, 0.1]);
    assert.equal(barsFrom(peaks, 200).length, 200);
    assert.deepEqual(barsFrom([0.3, 0.6], 4), [0.3, 0.3, 0.6, 0.6]);
    assert.deepEqual(barsFrom([], 3), [0, 0, 0]);
  });

  it('scales the bars to the loudest, so a quiet track keeps its shape', () => {
    assert.deepEqual(scaleToLoudest([0.002, 0.01, 0.005]), [0.2, 1, 0.5]);
    assert.deepEqual(scaleToLoudest([0, 0]), [0, 0]);
    assert.deepEqual(scaleToLoudest([]), []);
  });

  it('the played part: fraction of the duration and the bars passed', () => {
    assert.equal(playedFraction(3, 12), 0.25);
    assert.equal(playedFraction(20, 12), 1);
    assert.equal(playedFraction(3, 0), 0);
    assert.equal(playedFraction(NaN, 12), 0);
    assert.equal(playedBars(0, 100), 0);
    assert.equal(playedBars(0.25, 100), 25);
    assert.equal(playedBars(0.251, 100), 26);
    assert.equal(playedBars(1, 100), 100);
  });

  it('the time under the pointer, clamped to the bar', () => {
    assert.equal(timeAtX(150, 100, 200, 12), 3);
    assert.equal(timeAtX(50, 100, 200, 12), 0);
    assert.equal(timeAtX(400, 100, 200, 12), 12);
    assert.equal(timeAtX(150, 100, 0, 12), 0);
  });

  it('slider keys: arrows 5 s, Page keys 30 s, Home/End; other keys are not the slider’s', () => {
    assert.equal(timeForKey('ArrowRight', 3, 12), 8);
    assert.equal(timeForKey('ArrowUp', 10, 12), 12);
    assert.equal(timeForKey('ArrowLeft', 3, 12), 0);
    assert.equal(timeForKey('PageUp', 10, 100), 40);
    assert.equal(timeForKey('PageDown', 40, 100), 10);
    assert.equal(timeForKey('Home', 40, 100), 0);
    assert.equal(timeForKey('End', 40, 100), 100);
    assert.equal(timeForKey('End', 40, 0), null);
    assert.equal(timeForKey('k', 40, 100), null);
  });

  it('aria-valuetext and clock times', () => {
    assert.equal(valueText(5.7, 12), '0:05 of 0:12');
    assert.equal(clockTime(3725), '1:02:05');
    assert.equal(clockTime(-3), '0:00');
  });

  it('speeds from 0.5× to 3×, stepped and remembered', () => {
    assert.equal(stepRate(1, 1), 1.25);
    assert.equal(stepRate(2, 1), 2.5);
    assert.equal(stepRate(3, 1), 3);
    assert.equal(stepRate(0.5, -1), 0.5);
    assert.equal(stepRate(1.1, -1), 1);
    assert.equal(parseRate('1.5'), 1.5);
    assert.equal(parseRate('3'), 3);
    assert.equal(parseRate('4'), 1);
    assert.equal(parseRate(null), 1);
    assert.equal(parseRate('fast'), 1);
  });
});
