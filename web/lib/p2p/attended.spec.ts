import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attendedStep, isAttended } from './attended';

const playing = { paused: false, seeking: false, visible: true, muted: false, volume: 1 };

describe('attended playback (what pay-as-you-listen pays for)', () => {
  it('counts playback that is visible or audible', () => {
    assert.equal(attendedStep(10, 10.25, playing), 0.25);
    assert.equal(attendedStep(10, 10.25, { ...playing, muted: true }), 0.25, 'a muted video in view is watched');
    assert.equal(attendedStep(10, 10.25, { ...playing, visible: false }), 0.25, 'a podcast in a background tab is listened to');
  });

  it('counts nothing for a muted (or silent) background tab, a pause, a seek or a stall', () => {
    assert.equal(attendedStep(10, 10.25, { ...playing, visible: false, muted: true }), 0);
    assert.equal(attendedStep(10, 10.25, { ...playing, visible: false, volume: 0 }), 0);
    assert.equal(attendedStep(10, 10.25, { ...playing, paused: true }), 0);
    assert.equal(attendedStep(10, 10.25, { ...playing, seeking: true }), 0);
    assert.equal(attendedStep(null, 10.25, playing), 0, 'the first update after a pause, seek or stall');
    assert.equal(attendedStep(10, 70, playing), 0, 'a jump forward is a seek');
    assert.equal(attendedStep(10, 5, playing), 0, 'a jump back is a seek');
  });

  it('is visible, or audible', () => {
    assert.equal(isAttended(true, true, 0), true);
    assert.equal(isAttended(false, false, 0.5), true);
    assert.equal(isAttended(false, true, 1), false);
    assert.equal(isAttended(false, false, 0), false);
  });
});
