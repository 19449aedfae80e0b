import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DropWindow, LagWindow, StallClock } from './playback-samples';

describe('LagWindow', () => {
  it('keeps the largest timer drift of the last window', () => {
    const l = new LagWindow(2000);
    l.record(100, 105);
    l.record(200, 600); // a 400 ms long task
    l.record(700, 702);
    assert.equal(l.maxMs(800), 400);
    assert.equal(l.lostShare(800), (5 + 400 + 2) / 2000);
    assert.equal(l.maxMs(2700), 2); // the long task fell out of the window
    assert.equal(l.maxMs(5000), 0);
  });
});

describe('DropWindow', () => {
  it('gives the dropped share of the frames over the window, none with too few frames or too short a look', () => {
    const d = new DropWindow(3000, 15);
    d.record(0, 0, 0);
    d.record(100, 5, 1);
    assert.equal(d.ratio(), null);
    d.record(1000, 30, 3);
    assert.equal(d.ratio(), null); // 1 s of a 3 s window: start-up drops are not a verdict
    d.record(1600, 48, 3);
    assert.equal(d.ratio(), 3 / 48);
    d.record(5000, 150, 3); // 3 s later: only the last samples count
    assert.equal(d.ratio(), 0);
  });

  it('starts over when the counters go back (a new source)', () => {
    const d = new DropWindow(3000, 15);
    d.record(0, 1000, 500);
    d.record(100, 0, 0);
    d.record(1700, 30, 0);
    assert.equal(d.ratio(), 0);
  });
});

describe('StallClock', () => {
  it('counts stalls and stalled time, and says how long ago the last one ended', () => {
    const s = new StallClock();
    assert.equal(s.sinceStallS(0), null);
    s.stalled(1000);
    s.stalled(1200); // same stall
    assert.equal(s.sinceStallS(1500), 0);
    s.resumed(2500);
    s.resumed(2600);
    assert.equal(s.count, 1);
    assert.equal(s.stalledMs, 1500);
    assert.equal(s.sinceStallS(4500), 2);
  });
});
